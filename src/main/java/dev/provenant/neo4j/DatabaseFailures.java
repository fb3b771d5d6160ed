package dev.provenant.neo4j;

import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.exceptions.TransientException;

/** Tells failures of the database that go away by themselves from failures of the request. */
public final class DatabaseFailures {

    private DatabaseFailures() {}

    /** The database is down, unreachable, or still failing transiently after the driver's retries. */
    public static boolean isUnavailable(Throwable failure) {
        return failure instanceof ServiceUnavailableException || failure instanceof SessionExpiredException
                || failure instanceof TransientException;
    }
}

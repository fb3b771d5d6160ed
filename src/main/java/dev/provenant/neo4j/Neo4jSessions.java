package dev.provenant.neo4j;

import jakarta.enterprise.context.ApplicationScoped;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;

/**
 * Opens driver sessions that share one bookmark manager, so a read issued after a write in this
 * instance sees that write even on a cluster (read-your-writes), and reads go to followers.
 */
@ApplicationScoped
public class Neo4jSessions {

    private final Driver driver;

    public Neo4jSessions(Driver driver) {
        this.driver = driver;
    }

    public Session writeSession() {
        return driver.session(config(AccessMode.WRITE));
    }

    public Session readSession() {
        return driver.session(config(AccessMode.READ));
    }

    private SessionConfig config(AccessMode mode) {
        return SessionConfig.builder()
                .withDefaultAccessMode(mode)
                .withBookmarkManager(driver.executableQueryBookmarkManager())
                .build();
    }
}

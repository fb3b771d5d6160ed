package dev.provenant.neo4j;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.graphdb.DatabaseShutdownException;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.TransientFailureException;

/**
 * Transactions for work that moves the whole graph, such as a full PII recompute. With embedded Neo4j
 * they run in-process, so millions of values are neither encoded for Bolt nor decoded again (over Bolt,
 * reading every field and FEEDS edge of the 1e6 estate took about 20 s; see docs/benchmarks.md, pii
 * suite); with an external database they go over the driver like everything else. The Cypher is the
 * same either way.
 */
@ApplicationScoped
public class BulkTransactions {

    /** Statements inside one transaction. */
    public interface Statements {
        <T> List<T> list(String cypher, Map<String, Object> parameters, Function<Row, T> mapper);

        default <T> List<T> list(String cypher, Function<Row, T> mapper) {
            return list(cypher, Map.of(), mapper);
        }

        void run(String cypher, Map<String, Object> parameters);
    }

    /** Attempts of an in-process transaction that failed transiently (a deadlock with ingest), as the driver retries. */
    private static final int ATTEMPTS = 5;

    private final Neo4jBootstrap bootstrap;
    private final Neo4jSessions sessions;

    public BulkTransactions(Neo4jBootstrap bootstrap, Neo4jSessions sessions) {
        this.bootstrap = bootstrap;
        this.sessions = sessions;
    }

    public <T> T read(Function<Statements, T> work) {
        return transaction(work, false);
    }

    public <T> T write(Function<Statements, T> work) {
        return transaction(work, true);
    }

    private <T> T transaction(Function<Statements, T> work, boolean write) {
        Optional<GraphDatabaseService> db = bootstrap.inProcess();
        if (db.isPresent()) {
            return inProcess(db.get(), work, write);
        }
        try (var session = write ? sessions.writeSession() : sessions.readSession()) {
            return write ? session.executeWrite(tx -> work.apply(overDriver(tx)))
                    : session.executeRead(tx -> work.apply(overDriver(tx)));
        }
    }

    static <T> T inProcess(GraphDatabaseService db, Function<Statements, T> work, boolean commit) {
        for (int attempt = 1; ; attempt++) {
            try (Transaction tx = db.beginTx()) {
                T result = work.apply(new Statements() {
                    @Override
                    public <R> List<R> list(String cypher, Map<String, Object> parameters, Function<Row, R> mapper) {
                        try (var rows = tx.execute(cypher, parameters)) {
                            return rows.stream().map(values -> mapper.apply(Row.of(values))).toList();
                        }
                    }

                    @Override
                    public void run(String cypher, Map<String, Object> parameters) {
                        tx.execute(cypher, parameters).close();
                    }
                });
                if (commit) {
                    tx.commit();
                }
                return result;
            } catch (DatabaseShutdownException e) {
                throw unavailable(e);
            } catch (TransientFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw unavailable(e);
                }
                pause(attempt);
            }
        }
    }

    /** The driver's exception for the same condition, so callers and the REST layer see one kind ({@link DatabaseFailures}). */
    private static ServiceUnavailableException unavailable(RuntimeException e) {
        return new ServiceUnavailableException("the embedded database is unavailable: " + e.getMessage(), e);
    }

    static Statements overDriver(TransactionContext tx) {
        return new Statements() {
            @Override
            public <R> List<R> list(String cypher, Map<String, Object> parameters, Function<Row, R> mapper) {
                return tx.run(cypher, parameters).list(record -> mapper.apply(Row.of(record)));
            }

            @Override
            public void run(String cypher, Map<String, Object> parameters) {
                tx.run(cypher, parameters).consume();
            }
        };
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(50L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a transaction", e);
        }
    }
}

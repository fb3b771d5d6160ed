package dev.provenant.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.provenant.support.FreePorts;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.driver.exceptions.ServiceUnavailableException;

/**
 * The same Cypher gives the same rows in-process and over Bolt, list properties included (in-process they
 * come back as arrays), and an embedded database that is gone reads as unavailable, as over the driver.
 */
class BulkTransactionsIT {

    private static final String READ = """
            MATCH (f:Probe) WITH f {.name, .categories, .distances, .masking} AS p
            RETURN p.name AS name, p.categories AS categories, p.distances AS distances, p.masking AS masking,
                   p.missing AS missing
            ORDER BY name""";

    private record Probe(String name, List<String> categories, List<Integer> distances, boolean masking, String missing) {}

    private static final Function<Row, Probe> PROBE = r -> new Probe(r.string("name"), r.strings("categories"),
            r.ints("distances"), r.bool("masking", false), r.string("missing"));

    @TempDir
    Path home;

    @Test
    void rowsReadInProcessEqualRowsReadOverBolt() {
        int boltPort = FreePorts.next();
        try (EmbeddedNeo4j embedded = EmbeddedNeo4j.start(home,
                new EmbeddedNeo4j.Settings("127.0.0.1", boltPort, "neo4j", null, 64L << 20));
                Driver driver = GraphDatabase.driver("bolt://127.0.0.1:" + boltPort, AuthTokens.none())) {
            BulkTransactions.inProcess(embedded.database(), q -> {
                q.run("UNWIND $rows AS row CREATE (f:Probe) SET f = row", Map.of("rows", List.of(
                        Map.of("name", "email", "categories", List.of("EMAIL", "NAME"), "distances", List.of(2, 5),
                                "masking", true),
                        Map.of("name", "id"))));
                return null;
            }, true);

            List<Probe> inProcess = BulkTransactions.inProcess(embedded.database(), q -> q.list(READ, PROBE), false);
            List<Probe> overBolt;
            try (Session session = driver.session()) {
                overBolt = session.executeRead(tx -> BulkTransactions.overDriver(tx).list(READ, PROBE));
            }

            assertThat(inProcess).containsExactly(
                    new Probe("email", List.of("EMAIL", "NAME"), List.of(2, 5), true, null),
                    new Probe("id", null, null, false, null));
            assertThat(overBolt).isEqualTo(inProcess);
        }
    }

    @Test
    void aDatabaseThatIsGoneIsUnavailable() {
        EmbeddedNeo4j embedded = EmbeddedNeo4j.start(home,
                new EmbeddedNeo4j.Settings("127.0.0.1", FreePorts.next(), "neo4j", null, 64L << 20));
        var database = embedded.database();
        embedded.close();

        assertThatThrownBy(() -> BulkTransactions.inProcess(database, q -> q.list("RETURN 1 AS one", r -> r.number("one")),
                false))
                .isInstanceOf(ServiceUnavailableException.class)
                .hasMessageContaining("the embedded database is unavailable")
                .satisfies(e -> assertThat(DatabaseFailures.isUnavailable(e)).isTrue());
    }
}

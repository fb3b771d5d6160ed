package dev.provenant.neo4j;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

/**
 * Applies the ordered schema files of {@code cypher/schema/} and records each one as a
 * {@code :ProvenantMigration} node. Statements are idempotent ({@code IF NOT EXISTS}) so several
 * instances starting at once against one cluster do no harm. A recorded migration is not run again;
 * one whose file has changed since stops the start-up, because the schema would no longer match the code.
 */
public final class SchemaMigrations {

    /** In the order they apply. A test checks that this list and the directory hold the same files. */
    public static final List<String> MIGRATIONS = List.of(
            "V001__migration_version_unique",
            "V002__dataset_key",
            "V003__dataset_alias_key",
            "V004__field_key",
            "V005__job_key",
            "V006__run_key",
            "V007__dataset_version_key",
            "V008__event_hash_unique",
            "V009__event_seq_unique",
            "V010__event_chain_id_unique",
            "V011__feeds_job_index",
            "V012__entity_names_fulltext",
            "V013__event_run_index",
            "V014__entity_names_parts",
            "V016__field_pii_state_index",
            "V017__dataset_pii_state_index",
            "V018__pii_declaration_key",
            "V019__pii_barrier_key",
            "V020__api_token_hash_unique",
            "V021__access_log_seq_unique",
            "V022__access_log_at_index",
            "V023__event_received_index",
            "V024__query_history_caller_index");

    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class);

    private final CypherCatalog catalog;
    private final String recordMigration;
    private final String findMigration;

    public SchemaMigrations(CypherCatalog catalog) {
        this.catalog = catalog;
        this.recordMigration = catalog.get("neo4j/record_migration");
        this.findMigration = catalog.get("neo4j/find_migration");
    }

    /** Applies what is not yet recorded; returns how many migrations were newly applied. */
    public int apply(Driver driver) {
        int applied = 0;
        try (Session session = driver.session()) {
            for (String name : MIGRATIONS) {
                String version = name.substring(0, name.indexOf("__"));
                String statement = catalog.get("schema/" + name);
                String checksum = sha256(statement);
                String recorded = session.executeRead(tx -> {
                    var result = tx.run(findMigration, Map.of("version", version));
                    return result.hasNext() ? result.next().get("checksum").asString() : null;
                });
                if (recorded != null) {
                    if (!recorded.equals(checksum)) {
                        throw new IllegalStateException("schema migration " + name
                                + " was applied with different content; restore the file or write a new migration");
                    }
                    continue;
                }
                // Schema statements run in their own auto-commit transaction, as Neo4j requires; a file may hold
                // several statements (each ending with ';' at the end of a line), e.g. drop, backfill, create.
                for (String part : statements(statement)) {
                    session.run(part).consume();
                }
                session.executeWriteWithoutResult(tx -> tx.run(recordMigration,
                        Map.of("version", version, "name", name, "checksum", checksum)).consume());
                applied++;
            }
            if (applied > 0) {
                session.run("CALL db.awaitIndexes(300)").consume();
            }
        }
        LOG.infof("Schema up to date (%d migrations, %d newly applied)", MIGRATIONS.size(), applied);
        return applied;
    }

    /** The statements of a migration file: split after each ';' that ends a line. */
    static List<String> statements(String file) {
        return java.util.Arrays.stream(file.split(";[ \\t]*(\\r?\\n|$)")).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

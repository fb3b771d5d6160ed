package dev.provenant.ingest;

import static dev.provenant.ingest.IngestFixtures.openLineageBytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.provenant.ingest.DatasetSnapshot.Symlink;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatasetIdentitiesTest {

    // Spark names the table by its location and lists the table as a symlink.
    private static final DatasetKey LOCATION = new DatasetKey("file", "/warehouse/orders");
    private static final DatasetKey TABLE = new DatasetKey("file:/warehouse", "default.orders");
    // Hive names the table and lists its location as a symlink.
    private static final DatasetKey HIVE_TABLE = new DatasetKey("hive://metastore:9083", "default.orders");
    private static final DatasetKey HIVE_LOCATION = new DatasetKey("hdfs://namenode:8020", "/warehouse/orders");

    @Test
    void sparkStyleLocationResolvesToItsTableSymlinkAndBecomesItsAlias() {
        DatasetIdentities identities = new DatasetIdentities(Map.of());

        DatasetKey resolved = identities.resolve(snapshot(LOCATION, new Symlink(TABLE, "TABLE")));

        assertThat(resolved).isEqualTo(TABLE);
        assertThat(identities.aliasesOf(TABLE)).containsExactly(new Symlink(LOCATION, "IDENTITY"));
        assertThat(identities.aliasesOf(LOCATION)).isEmpty();
    }

    @Test
    void tableSymlinkIsFoundWhateverItsCaseAndPosition() {
        DatasetIdentities identities = new DatasetIdentities(Map.of());
        DatasetKey other = new DatasetKey("s3://bucket", "orders/");

        DatasetKey resolved = identities.resolve(snapshot(LOCATION, new Symlink(other, "LOCATION"),
                new Symlink(TABLE, "table")));

        assertThat(resolved).isEqualTo(TABLE);
        assertThat(identities.aliasesOf(TABLE)).containsExactly(new Symlink(LOCATION, "IDENTITY"),
                new Symlink(other, "LOCATION"));
    }

    @Test
    void hiveStyleTableWithLocationSymlinkStaysItself() {
        DatasetIdentities identities = new DatasetIdentities(Map.of());

        DatasetKey resolved = identities.resolve(snapshot(HIVE_TABLE, new Symlink(HIVE_LOCATION, "LOCATION")));

        assertThat(resolved).isEqualTo(HIVE_TABLE);
        assertThat(identities.aliasesOf(HIVE_TABLE)).containsExactly(new Symlink(HIVE_LOCATION, "LOCATION"));
        assertThat(identities.resolve(HIVE_LOCATION)).isEqualTo(HIVE_TABLE);
    }

    @Test
    void datasetWithoutSymlinksIsItself() {
        DatasetIdentities identities = new DatasetIdentities(Map.of());

        assertThat(identities.resolve(snapshot(LOCATION))).isEqualTo(LOCATION);
        assertThat(identities.aliasesOf(LOCATION)).isEmpty();
    }

    @Test
    void identityTheDatabaseAlreadyKnowsWinsOverTheTableSymlink() {
        // The location was stored as a dataset of its own before Spark ever sent the table symlink.
        DatasetIdentities identities = new DatasetIdentities(Map.of(LOCATION, LOCATION));

        DatasetKey resolved = identities.resolve(snapshot(LOCATION, new Symlink(TABLE, "TABLE")));

        assertThat(resolved).isEqualTo(LOCATION);
        assertThat(identities.aliasesOf(LOCATION)).containsExactly(new Symlink(TABLE, "TABLE"));
        assertThat(identities.resolve(TABLE)).isEqualTo(LOCATION);
    }

    @Test
    void knownAliasLeadsToItsDataset() {
        // The database maps the Spark table name to the Hive table it was first seen as.
        DatasetIdentities identities = new DatasetIdentities(Map.of(TABLE, HIVE_TABLE, HIVE_TABLE, HIVE_TABLE));

        DatasetKey resolved = identities.resolve(snapshot(LOCATION, new Symlink(TABLE, "TABLE")));

        assertThat(resolved).isEqualTo(HIVE_TABLE);
        assertThat(identities.aliasesOf(HIVE_TABLE)).containsExactly(new Symlink(LOCATION, "IDENTITY"));
    }

    @Test
    void identitiesAlreadyKnownAreNotRecordedAgain() {
        DatasetIdentities identities = new DatasetIdentities(Map.of(LOCATION, TABLE, TABLE, TABLE));

        assertThat(identities.resolve(snapshot(LOCATION, new Symlink(TABLE, "TABLE")))).isEqualTo(TABLE);
        assertThat(identities.aliasesOf(TABLE)).isEmpty();
    }

    @Test
    void sparkThenHiveInOneBatchLandOnOneDataset() {
        DatasetIdentities identities = new DatasetIdentities(Map.of());

        DatasetKey spark = identities.resolve(snapshot(LOCATION, new Symlink(TABLE, "TABLE")));
        DatasetKey hive = identities.resolve(snapshot(TABLE, new Symlink(LOCATION, "LOCATION")));

        assertThat(hive).isEqualTo(spark).isEqualTo(TABLE);
        assertThat(identities.aliasesOf(TABLE)).containsExactly(new Symlink(LOCATION, "IDENTITY"));
    }

    @Test
    void columnLineageOnlyKeyResolvesThroughAnAliasCreatedEarlierInTheBatch() {
        DatasetIdentities identities = new DatasetIdentities(Map.of());
        identities.resolve(snapshot(LOCATION, new Symlink(TABLE, "TABLE")));

        assertThat(identities.resolve(LOCATION)).isEqualTo(TABLE);
        assertThat(identities.resolve(new DatasetKey("file", "/never/seen"))).isEqualTo(new DatasetKey("file", "/never/seen"));
    }

    @Test
    void realSparkCtasColumnLineageSourcesResolveToTheirTables() {
        ParsedEvent event = EventParser.parse(openLineageBytes("spark/compat-cll-08-ctas-complete.json"));
        DatasetIdentities identities = new DatasetIdentities(Map.of());

        List<DatasetKey> datasets = DatasetIdentities.snapshots(event).stream().map(identities::resolve).toList();
        List<DatasetKey> lineageSources = event.outputs().get(0).columnLineage().stream()
                .map(edge -> identities.resolve(edge.from())).distinct().toList();

        assertThat(datasets).containsExactly(
                new DatasetKey("file:/tmp/cll_test", "default.cll_source2"),
                new DatasetKey("file:/tmp/cll_test", "default.cll_source1"),
                new DatasetKey("file:/tmp/cll_test", "default.tbl1"));
        assertThat(lineageSources).containsExactly(
                new DatasetKey("file:/tmp/cll_test", "default.cll_source1"),
                new DatasetKey("file:/tmp/cll_test", "default.cll_source2"));
        assertThat(identities.aliasesOf(new DatasetKey("file:/tmp/cll_test", "default.tbl1")))
                .containsExactly(new Symlink(new DatasetKey("file", "/tmp/cll_test/tbl1"), "IDENTITY"));
    }

    @Test
    void realHiveCtasKeepsTheTablesAndAliasesTheirLocations() {
        ParsedEvent event = EventParser.parse(openLineageBytes("hive/data-rentgen-hive-ctas.json"));
        DatasetIdentities identities = new DatasetIdentities(Map.of());
        DatasetKey target = new DatasetKey("hive://test-hadoop:9083", "mydatabase.target_table");

        List<DatasetKey> datasets = DatasetIdentities.snapshots(event).stream().map(identities::resolve).toList();

        assertThat(datasets).containsExactly(new DatasetKey("hive://test-hadoop:9083", "mydatabase.source_table"), target);
        assertThat(identities.aliasesOf(target)).containsExactly(new Symlink(
                new DatasetKey("hdfs://test-hadoop:9820", "/user/hive/warehouse/mydatabase.db/target_table"), "LOCATION"));
    }

    @Test
    void mentionedInListsDatasetsSymlinksAndLineageSourcesOnce() {
        ParsedEvent event = EventParser.parse(openLineageBytes("spark/compat-cll-08-ctas-complete.json"));

        assertThat(DatasetIdentities.mentionedIn(List.of(event, event))).containsExactly(
                new DatasetKey("file", "/tmp/cll_test/cll_source2"),
                new DatasetKey("file:/tmp/cll_test", "default.cll_source2"),
                new DatasetKey("file", "/tmp/cll_test/cll_source1"),
                new DatasetKey("file:/tmp/cll_test", "default.cll_source1"),
                new DatasetKey("file", "/tmp/cll_test/tbl1"),
                new DatasetKey("file:/tmp/cll_test", "default.tbl1"));
    }

    private static DatasetSnapshot snapshot(DatasetKey key, Symlink... symlinks) {
        return new DatasetSnapshot(key, List.of(symlinks), Map.of(), Map.of(), List.of(), null, null, List.of());
    }
}

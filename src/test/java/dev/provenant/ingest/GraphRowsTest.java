package dev.provenant.ingest;

import static dev.provenant.ingest.IngestFixtures.openLineageBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GraphRowsTest {

    private static final OffsetDateTime RECEIVED = OffsetDateTime.of(2024, 8, 6, 13, 27, 0, 0, ZoneOffset.UTC);
    private static final String SPARK_RUN = "019127df-0850-72bc-b214-b255290588a6";
    private static final String SPARK_JOB =
            "open_lineage_integration_create_table.execute_create_hive_table_as_select_command.default_tbl1";

    @Test
    void sparkColumnLineageRunsBetweenTheTablesNotTheirLocations() {
        GraphRows rows = rowsOf(EventParser.parse(openLineageBytes("spark/compat-cll-08-ctas-complete.json")));

        assertThat(rows.columnLineage).hasSize(21);
        assertThat(rows.columnLineage).extracting(r -> r.get("fromNamespace"), r -> r.get("toNamespace"),
                r -> r.get("toDataset")).containsOnly(tuple(
                        "file:/tmp/cll_test", "file:/tmp/cll_test", "default.tbl1"));
        assertThat(rows.columnLineage.get(0)).contains(
                entry("fromNamespace", "file:/tmp/cll_test"),
                entry("fromDataset", "default.cll_source1"),
                entry("fromField", "a"),
                entry("toDataset", "default.tbl1"),
                entry("toField", "ident"),
                entry("type", "DIRECT"),
                entry("subtype", "IDENTITY"),
                entry("masking", false),
                entry("jobNamespace", "testColumnLevelLineage"),
                entry("jobName", SPARK_JOB),
                entry("runId", SPARK_RUN));
    }

    @Test
    void sparkDatasetsCarryTheirLocationAsAlias() {
        GraphRows rows = rowsOf(EventParser.parse(openLineageBytes("spark/compat-cll-08-ctas-complete.json")));

        Map<String, Object> output = rows.datasets.stream()
                .filter(r -> r.get("name").equals("default.tbl1")).findFirst().orElseThrow();
        assertThat(output).contains(entry("namespace", "file:/tmp/cll_test"), entry("isModel", false));
        assertThat(output.get("aliases")).isEqualTo(
                List.of(Map.of("namespace", "file", "name", "/tmp/cll_test/tbl1", "type", "IDENTITY")));
        assertThat(rows.datasets).extracting(r -> r.get("name")).doesNotContain(
                "/tmp/cll_test/tbl1", "/tmp/cll_test/cll_source1", "/tmp/cll_test/cll_source2");
        assertThat(rows.jobOutputs).singleElement().satisfies(r -> assertThat(r).contains(
                entry("namespace", "file:/tmp/cll_test"), entry("name", "default.tbl1"), entry("runId", SPARK_RUN)));
    }

    @Test
    void completeEventGivesARunOfTerminalRankItsParentAndACompletion() {
        GraphRows rows = rowsOf(EventParser.parse(openLineageBytes("spark/compat-cll-08-ctas-complete.json")));

        assertThat(rows.runs).singleElement().satisfies(r -> assertThat(r).contains(
                entry("runId", SPARK_RUN), entry("eventType", "COMPLETE"), entry("rank", 3)));
        assertThat(rows.parents).containsExactly(Map.of("runId", SPARK_RUN,
                "parentRunId", "019127de-fd25-7707-bfa4-3ec02693a531",
                "parentJobNamespace", "testColumnLevelLineage",
                "parentJobName", "open_lineage_integration_create_table"));
        assertThat(rows.completions).singleElement().satisfies(r -> assertThat(r).contains(
                entry("runId", SPARK_RUN), entry("jobName", SPARK_JOB)));
        // No version facet on the output: the version written is the run's.
        assertThat(rows.runWrites).singleElement().satisfies(r -> assertThat(r).contains(
                entry("version", "run:" + SPARK_RUN), entry("name", "default.tbl1")));
    }

    @Test
    void columnLineageOnlyKeyResolvesThroughAnAliasFromAnEarlierEventOfTheBatch() {
        ParsedEvent writer = event("""
                {"eventType": "COMPLETE", "eventTime": "2024-05-01T12:00:00Z", "producer": "p",
                 "run": {"runId": "r1"}, "job": {"namespace": "spark", "name": "write_orders"},
                 "outputs": [{"namespace": "file", "name": "/warehouse/orders", "facets": {
                   "symlinks": {"identifiers": [{"namespace": "file:/warehouse", "name": "default.orders", "type": "TABLE"}]}}}]}
                """);
        ParsedEvent reader = event("""
                {"eventType": "COMPLETE", "eventTime": "2024-05-01T12:05:00Z", "producer": "p",
                 "run": {"runId": "r2"}, "job": {"namespace": "spark", "name": "daily_totals"},
                 "outputs": [{"namespace": "file", "name": "/warehouse/totals", "facets": {
                   "columnLineage": {"fields": {"total": {"inputFields": [
                     {"namespace": "file", "name": "/warehouse/orders", "field": "amount"}]}}}}}]}
                """);

        GraphRows rows = rowsOf(writer, reader);

        assertThat(rows.columnLineage).singleElement().satisfies(r -> assertThat(r).contains(
                entry("fromNamespace", "file:/warehouse"), entry("fromDataset", "default.orders"),
                entry("fromField", "amount"), entry("toNamespace", "file"), entry("toDataset", "/warehouse/totals"),
                entry("toField", "total"), entry("type", "DIRECT"), entry("subtype", "UNKNOWN")));
        assertThat(rows.fields).extracting(r -> r.get("namespace") + " " + r.get("dataset") + " " + r.get("path"))
                .containsExactly("file /warehouse/totals total", "file:/warehouse default.orders amount");
    }

    @Test
    void eventRowsFollowTheChain() {
        ParsedEvent event = EventParser.parse(openLineageBytes("hive/data-rentgen-hive-ctas.json"));

        GraphRows rows = GraphRows.of(List.of(new GraphRows.ChainedEvent(
                new QueuedEvent(event, new byte[] {1, 2, 3}, RECEIVED), 42, "prev-hash", "chain-hash")),
                new DatasetIdentities(Map.of()));

        assertThat(rows.events).singleElement().satisfies(r -> assertThat(r).contains(
                entry("hash", event.hash()), entry("seq", 42L), entry("prevHash", "prev-hash"),
                entry("chainHash", "chain-hash"), entry("kind", "RUN"),
                entry("eventType", "COMPLETE"), entry("runId", "0197833d-6cec-7609-a80f-8f4e0f8a5b1f"),
                entry("jobNamespace", "hive://test-hadoop:10000"),
                entry("jobName", "createtable_as_select.mydatabase.target_table"),
                entry("payloadBytes", event.canonicalJson().length), entry("receivedAt", RECEIVED)));
    }

    @Test
    void aFieldSetEqualToTheOneLastWrittenIsSkipped() {
        GraphRows first = rowsOf(event(ordersEvent("r1", "2024-05-01T12:00:00Z", "BIGINT")));
        first.keepChangedFields(Map.of());
        assertThat(first.fields).extracting(r -> r.get("path")).containsExactly("id", "email");
        Map<String, Object> written = first.fieldHashes.get(0);
        assertThat(written).containsEntry("namespace", "pg").containsEntry("name", "orders");

        // A later run reports the same schema: nothing to write, however the event time differs.
        GraphRows again = rowsOf(event(ordersEvent("r2", "2024-05-02T12:00:00Z", "BIGINT")));
        again.keepChangedFields(Map.of(new DatasetKey("pg", "orders"), (String) written.get("hash")));
        assertThat(again.fields).isEmpty();
        assertThat(again.fieldHashes).isEmpty();

        // A changed type is a changed set.
        GraphRows changed = rowsOf(event(ordersEvent("r3", "2024-05-03T12:00:00Z", "VARCHAR")));
        changed.keepChangedFields(Map.of(new DatasetKey("pg", "orders"), (String) written.get("hash")));
        assertThat(changed.fields).extracting(r -> r.get("path") + ":" + r.get("type"))
                .containsExactly("id:VARCHAR", "email:VARCHAR");
        assertThat(changed.fieldHashes).singleElement().satisfies(r -> assertThat(r.get("hash")).isNotEqualTo(written.get("hash")));
    }

    @Test
    void oneChangedSetInTheBatchWritesEverySetOfThatDatasetInOrderAndRemembersTheLast() {
        GraphRows known = rowsOf(event(ordersEvent("r1", "2024-05-01T12:00:00Z", "BIGINT")));
        known.keepChangedFields(Map.of());
        String knownHash = (String) known.fieldHashes.get(0).get("hash");

        GraphRows rows = rowsOf(event(ordersEvent("r2", "2024-05-02T12:00:00Z", "VARCHAR")),
                event(ordersEvent("r3", "2024-05-03T12:00:00Z", "BIGINT")));
        rows.keepChangedFields(Map.of(new DatasetKey("pg", "orders"), knownHash));

        assertThat(rows.fields).extracting(r -> r.get("path") + ":" + r.get("type"))
                .containsExactly("id:VARCHAR", "email:VARCHAR", "id:BIGINT", "email:BIGINT");
        assertThat(rows.fieldHashes).singleElement().satisfies(r -> assertThat(r.get("hash")).isEqualTo(knownHash));
    }

    @Test
    void aDatasetGivesTheSameFieldSetWhetherTheEventWritesItOrReadsItWithColumnLineage() {
        GraphRows writes = rowsOf(event(ordersEvent("r1", "2024-05-01T12:00:00Z", "BIGINT")));
        GraphRows reads = rowsOf(event(mailingEvent("email", "legacy_mail")));
        writes.keepChangedFields(Map.of());
        reads.keepChangedFields(Map.of());

        // The source field the schema has adds no row; the one it lacks still becomes a field.
        assertThat(reads.fields).extracting(r -> r.get("dataset") + "." + r.get("path"))
                .containsExactly("orders.id", "orders.email", "orders.legacy_mail", "mailing.address");
        GraphRows readsKnownSchema = rowsOf(event(mailingEvent("email")));
        readsKnownSchema.keepChangedFields(Map.of());
        assertThat(hashOf(readsKnownSchema, "orders")).isEqualTo(hashOf(writes, "orders"));
    }

    /** A job that reads orders (with its schema) and feeds mailing.address from the given orders fields. */
    private static String mailingEvent(String... sourceFields) {
        StringBuilder inputFields = new StringBuilder();
        for (String field : sourceFields) {
            inputFields.append(inputFields.isEmpty() ? "" : ",")
                    .append("{\"namespace\": \"pg\", \"name\": \"orders\", \"field\": \"").append(field).append("\"}");
        }
        return """
                {"eventType": "COMPLETE", "eventTime": "2024-05-01T13:00:00Z", "producer": "p",
                 "run": {"runId": "r9"}, "job": {"namespace": "etl", "name": "mail_customers"},
                 "inputs": [{"namespace": "pg", "name": "orders", "facets": {"schema": {"fields": [
                   {"name": "id", "type": "BIGINT"}, {"name": "email", "type": "BIGINT"}]}}}],
                 "outputs": [{"namespace": "pg", "name": "mailing", "facets": {"columnLineage": {"fields": {
                   "address": {"inputFields": [%s]}}}}}]}
                """.formatted(inputFields);
    }

    private static Object hashOf(GraphRows rows, String dataset) {
        return rows.fieldHashes.stream().filter(r -> r.get("name").equals(dataset)).findFirst().orElseThrow().get("hash");
    }

    @Test
    void fieldSetHashesTellRowsApartByEveryAttribute() {
        List<Map<String, Object>> a = List.of(fieldRow("ab", null, "c"));
        List<Map<String, Object>> b = List.of(fieldRow("a", "b", "c"));
        List<Map<String, Object>> c = List.of(fieldRow("a", "", "c"));
        List<Map<String, Object>> d = List.of(fieldRow("a", null, "c"));
        DatasetKey key = new DatasetKey("pg", "t");
        assertThat(List.of(a, b, c, d)).extracting(rows -> GraphRows.FieldSet.of(key, rows).hash()).doesNotHaveDuplicates();
    }

    private static Map<String, Object> fieldRow(String path, String parentPath, String name) {
        Map<String, Object> row = new java.util.HashMap<>();
        row.put("path", path);
        row.put("parentPath", parentPath);
        row.put("name", name);
        return row;
    }

    private static String ordersEvent(String runId, String time, String type) {
        return """
                {"eventType": "COMPLETE", "eventTime": "%s", "producer": "p",
                 "run": {"runId": "%s"}, "job": {"namespace": "etl", "name": "load_orders"},
                 "outputs": [{"namespace": "pg", "name": "orders", "facets": {"schema": {"fields": [
                   {"name": "id", "type": "%s"}, {"name": "email", "type": "%s"}]}}}]}
                """.formatted(time, runId, type, type);
    }

    private static ParsedEvent event(String json) {
        return EventParser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static GraphRows rowsOf(ParsedEvent... events) {
        List<GraphRows.ChainedEvent> chained = new ArrayList<>();
        for (int i = 0; i < events.length; i++) {
            chained.add(new GraphRows.ChainedEvent(new QueuedEvent(events[i], new byte[0], RECEIVED), i + 1, null, "chain-" + (i + 1)));
        }
        return GraphRows.of(chained, new DatasetIdentities(Map.of()));
    }
}

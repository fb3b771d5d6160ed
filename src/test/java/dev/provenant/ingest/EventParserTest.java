package dev.provenant.ingest;

import static dev.provenant.ingest.IngestFixtures.assertRejected;
import static dev.provenant.ingest.IngestFixtures.openLineage;
import static dev.provenant.ingest.IngestFixtures.openLineageBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventParserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String RUN_ID = "3f5e83fa-3480-44ff-99c5-ff943904e5e8";

    /** A valid START with two inputs and one output; each test changes one thing. */
    private static final String MINIMAL_START = """
            {
              "eventType": "START",
              "eventTime": "2024-05-01T12:00:00Z",
              "producer": "https://example.com/producer",
              "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
              "run": {"runId": "3f5e83fa-3480-44ff-99c5-ff943904e5e8"},
              "job": {"namespace": "etl", "name": "daily_orders"},
              "inputs": [
                {"namespace": "postgres://db:5432", "name": "shop.orders"},
                {"namespace": "postgres://db:5432", "name": "shop.customers"}
              ],
              "outputs": [{"namespace": "s3://warehouse", "name": "orders_daily"}]
            }
            """;

    private static final DatasetKey ORDERS = new DatasetKey("postgres://db:5432", "shop.orders");

    @Nested
    class CoreFields {

        @Test
        void minimalStartEventIsARunEventWithItsTypeRunAndJob() {
            ParsedEvent event = parse(event());

            assertThat(event.kind()).isEqualTo(EventKind.RUN);
            assertThat(event.eventType()).isEqualTo("START");
            assertThat(event.eventTime()).isEqualTo(OffsetDateTime.of(2024, 5, 1, 12, 0, 0, 0, ZoneOffset.UTC));
            assertThat(event.producer()).isEqualTo("https://example.com/producer");
            assertThat(event.schemaUrl()).isEqualTo("https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent");
            assertThat(event.run().runId()).isEqualTo(RUN_ID);
            assertThat(event.run().facets()).isEmpty();
            assertThat(event.run().parent()).isNull();
            assertThat(event.job()).isEqualTo(new ParsedEvent.Job("etl", "daily_orders", Map.of()));
            assertThat(event.inputs()).extracting(DatasetSnapshot::key).containsExactly(ORDERS,
                    new DatasetKey("postgres://db:5432", "shop.customers"));
            assertThat(event.outputs()).extracting(DatasetSnapshot::key)
                    .containsExactly(new DatasetKey("s3://warehouse", "orders_daily"));
            assertThat(event.dataset()).isNull();
        }

        @Test
        void hashIsTheSha256OfTheCanonicalJson() {
            ParsedEvent event = parse(event());

            assertThat(event.hash()).hasSize(64).matches("[0-9a-f]{64}")
                    .isEqualTo(CanonicalJson.sha256(event.canonicalJson()));
            assertThat(new String(event.canonicalJson(), StandardCharsets.UTF_8)).startsWith(
                    "{\"eventTime\":\"2024-05-01T12:00:00Z\",\"eventType\":\"START\",\"inputs\":[");
        }

        @ParameterizedTest
        @ValueSource(strings = {"START", "RUNNING", "COMPLETE", "ABORT", "FAIL", "OTHER"})
        void everyOpenLineageEventTypeIsAccepted(String type) {
            assertThat(parse(with(event(), "/eventType", TextNode.valueOf(type))).eventType()).isEqualTo(type);
        }

        @Test
        void eventTypeMayBeLeftOut() {
            assertThat(parse(without(event(), "/eventType")).eventType()).isNull();
        }

        @Test
        void eventTimeWithoutOffsetIsUtc() {
            ParsedEvent event = parse(with(event(), "/eventTime", TextNode.valueOf("2024-05-01T12:00:00.123")));

            assertThat(event.eventTime()).isEqualTo(OffsetDateTime.of(2024, 5, 1, 12, 0, 0, 123_000_000, ZoneOffset.UTC));
        }

        @Test
        void eventTimeKeepsItsOffset() {
            ParsedEvent event = parse(with(event(), "/eventTime", TextNode.valueOf("2024-05-01T12:00:00+10:00")));

            assertThat(event.eventTime()).isEqualTo(OffsetDateTime.of(2024, 5, 1, 12, 0, 0, 0, ZoneOffset.ofHours(10)));
            assertThat(event.eventTime().getOffset()).isEqualTo(ZoneOffset.ofHours(10));
        }

        @Test
        void realEventWithoutTimezoneIsReadAsUtc() {
            ParsedEvent event = EventParser.parse(openLineageBytes("marquez-fixtures/event_required_no_timezone.json"));

            assertThat(event.eventTime()).isEqualTo(OffsetDateTime.of(2020, 12, 28, 19, 51, 1, 641_499_000, ZoneOffset.UTC));
            assertThat(event.eventType()).isNull();
            assertThat(event.run().runId()).isEqualTo("43d7db3b-8984-4cda-b237-8c6919b36670");
        }

        @Test
        void realEventWithPlusTenOffsetKeepsIt() {
            ParsedEvent event = EventParser.parse(openLineageBytes("marquez-fixtures/event_without_schema_url.json"));

            assertThat(event.eventTime())
                    .isEqualTo(OffsetDateTime.of(2020, 12, 28, 19, 52, 0, 1_000_000, ZoneOffset.ofHours(10)));
            assertThat(event.schemaUrl()).isNull();
            assertThat(event.eventType()).isEqualTo("COMPLETE");
        }

        @Test
        void nonBmpCharactersInNamesAreKept() {
            ParsedEvent event = EventParser.parse(openLineageBytes("marquez-fixtures/event_unicode.json"));

            assertThat(event.job().name()).isEqualTo("myjob.buggy_task\uD83D\uDD77");
        }

        @Test
        void nameOfExactly2000BytesIsAccepted() {
            assertThat(parse(with(event(), "/job/name", TextNode.valueOf("x".repeat(2000)))).job().name()).hasSize(2000);
            assertThat(parse(with(event(), "/job/name", TextNode.valueOf("é".repeat(1000)))).job().name()).hasSize(1000);
        }
    }

    @Nested
    class Kinds {

        @Test
        void jobEventHasAJobAndNoRun() {
            ObjectNode event = without(without(event(), "/run"), "/eventType");

            ParsedEvent parsed = parse(event);

            assertThat(parsed.kind()).isEqualTo(EventKind.JOB);
            assertThat(parsed.run()).isNull();
            assertThat(parsed.eventType()).isNull();
            assertThat(parsed.job().name()).isEqualTo("daily_orders");
            assertThat(parsed.inputs()).hasSize(2);
        }

        @Test
        void realJobEventIgnoresTheEventTypeItCarries() {
            ParsedEvent parsed = EventParser.parse(openLineageBytes("marquez-fixtures/event_job_event.json"));

            assertThat(parsed.kind()).isEqualTo(EventKind.JOB);
            assertThat(parsed.eventType()).isNull();
            assertThat(parsed.run()).isNull();
            assertThat(parsed.job()).extracting(ParsedEvent.Job::namespace, ParsedEvent.Job::name)
                    .containsExactly("my-scheduler-namespace", "myjob");
            assertThat(parsed.inputs()).extracting(DatasetSnapshot::key)
                    .containsExactly(new DatasetKey("my-datasource-namespace", "instance.schema.input-1"));
            assertThat(parsed.outputs()).extracting(DatasetSnapshot::key)
                    .containsExactly(new DatasetKey("my-datasource-namespace", "instance.schema.output-1"));
        }

        @Test
        void realDatasetEventHasTheDatasetAndItsSchema() {
            ParsedEvent parsed = EventParser.parse(openLineageBytes("marquez-fixtures/event_dataset_event.json"));

            assertThat(parsed.kind()).isEqualTo(EventKind.DATASET);
            assertThat(parsed.run()).isNull();
            assertThat(parsed.job()).isNull();
            assertThat(parsed.inputs()).isEmpty();
            assertThat(parsed.outputs()).isEmpty();
            assertThat(parsed.dataset().key()).isEqualTo(new DatasetKey("my-dataset-namespace", "my-dataset-name"));
            assertThat(parsed.dataset().fields())
                    .containsExactly(new FieldDef("col_a", null, "col_a", "VARCHAR", "string"));
        }

        @Test
        void eventWithNeitherRunNorJobNorDatasetIsMissingARun() {
            ObjectNode event = without(without(without(without(event(), "/run"), "/job"), "/inputs"), "/outputs");

            assertRejected(() -> parse(event), 400, "missing_field", "run");
        }

        @Test
        void bodyThatIsNoObjectIsNoEvent() {
            assertRejected(() -> parse("[]"), 400, "invalid_event", "");
            assertRejected(() -> parse("\"event\""), 400, "invalid_event", "");
        }

        @Test
        void emptyBodyIsMalformed() {
            assertRejected(() -> parse(""), 400, "malformed_json", "");
        }
    }

    @Nested
    class Validation {

        @ParameterizedTest(name = "without {0} -> {1}")
        @CsvSource({
            "/eventTime,           eventTime",
            "/producer,            producer",
            "/run/runId,           run.runId",
            "/job,                 job",
            "/job/namespace,       job.namespace",
            "/job/name,            job.name",
            "/inputs/1/namespace,  inputs[1].namespace",
            "/inputs/0/name,       inputs[0].name",
            "/outputs/0/namespace, outputs[0].namespace",
        })
        void missingRequiredFieldNamesItsPath(String pointer, String path) {
            ObjectNode event = without(event(), pointer);

            assertRejected(() -> parse(event), 400, "missing_field", path);
        }

        @ParameterizedTest(name = "{0} = {1} -> {2}")
        @CsvSource(delimiter = '|', value = {
            "/producer   | '  '  | producer",
            "/run/runId  | ''    | run.runId",
            "/job/name   | ' '   | job.name",
            "/eventTime  | ''    | eventTime",
        })
        void blankRequiredTextCountsAsMissing(String pointer, String blank, String path) {
            ObjectNode event = with(event(), pointer, TextNode.valueOf(blank));

            assertRejected(() -> parse(event), 400, "missing_field", path);
        }

        @Test
        void realEventWithoutRunIdIsRejected() {
            assertRejected(() -> EventParser.parse(openLineageBytes("spec-examples/proxy-event_no_run_id.json")),
                    400, "missing_field", "run.runId");
        }

        @ParameterizedTest(name = "{0} = {1} -> {2}")
        @CsvSource(delimiter = '|', value = {
            "/run/runId       | 42               | run.runId",
            "/inputs          | {}               | inputs",
            "/outputs         | \"orders\"       | outputs",
            "/inputs/1        | \"shop.orders\"  | inputs[1]",
            "/run             | \"run-1\"        | run",
            "/job             | []               | job",
            "/eventTime       | 1714564800       | eventTime",
            "/producer        | true             | producer",
            "/outputs/0/name  | 7                | outputs[0].name",
            "/job/namespace   | {}               | job.namespace",
        })
        void wrongTypeNamesItsPath(String pointer, String json, String path) {
            ObjectNode event = with(event(), pointer, tree(json));

            assertRejected(() -> parse(event), 400, "invalid_type", path);
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"FOO\"", "\"start\"", "3"})
        void unknownEventTypeIsAnInvalidValue(String json) {
            ObjectNode event = with(event(), "/eventType", tree(json));

            assertRejected(() -> parse(event), 400, "invalid_value", "eventType");
        }

        @ParameterizedTest
        @ValueSource(strings = {"yesterday", "2024-05-01", "2024-13-01T00:00:00Z", "2024-05-01 12:00:00Z"})
        void eventTimeThatIsNoIsoDateTimeIsAnInvalidValue(String time) {
            ObjectNode event = with(event(), "/eventTime", TextNode.valueOf(time));

            assertRejected(() -> parse(event), 400, "invalid_value", "eventTime");
        }

        @ParameterizedTest(name = "{0} -> {2}")
        @MethodSource("dev.provenant.ingest.EventParserTest#identifiersWithControlCharacters")
        void controlCharacterInAnIdentifierIsAnInvalidValue(String pointer, String value, String path) {
            ObjectNode event = with(event(), pointer, TextNode.valueOf(value));

            assertRejected(() -> parse(event), 400, "invalid_value", path);
        }

        @Test
        void nameLongerThan2000BytesIsAnInvalidValue() {
            assertRejected(() -> parse(with(event(), "/job/name", TextNode.valueOf("x".repeat(2001)))),
                    400, "invalid_value", "job.name");
            // 1001 two-byte characters: few chars, but 2002 bytes
            assertRejected(() -> parse(with(event(), "/outputs/0/name", TextNode.valueOf("é".repeat(1001)))),
                    400, "invalid_value", "outputs[0].name");
        }
    }

    @Nested
    class JsonAndEncoding {

        @Test
        void duplicateKeyIsMalformedJsonAtThatKey() {
            String body = MINIMAL_START.replace("\"runId\": \"" + RUN_ID + "\"",
                    "\"runId\": \"" + RUN_ID + "\", \"runId\": \"another\"");

            assertRejected(() -> parse(body), 400, "malformed_json", "run.runId");
        }

        @Test
        void duplicateTopLevelKeyIsMalformedJson() {
            String body = "{\"producer\": \"a\"," + MINIMAL_START.strip().substring(1);

            assertRejected(() -> parse(body), 400, "malformed_json", "producer");
        }

        @ParameterizedTest
        @ValueSource(strings = {" x", " {}", "}", ",", " \"more\""})
        void trailingGarbageIsMalformedJson(String garbage) {
            String body = MINIMAL_START.strip() + garbage;

            assertRejected(() -> parse(body), 400, "malformed_json", "");
        }

        @Test
        void unescapedControlCharacterIsMalformedJson() {
            String body = MINIMAL_START.replace("daily_orders", "daily\u0001orders");

            assertRejected(() -> parse(body), 400, "malformed_json", "job.name");
        }

        @Test
        void invalidUtf8InsideAStringIsAnEncodingError() {
            byte[] body = MINIMAL_START.replace("daily_orders", "daily_@@").getBytes(StandardCharsets.UTF_8);
            int at = MINIMAL_START.replace("daily_orders", "daily_@@").indexOf("@@");
            body[at] = (byte) 0xC3;
            body[at + 1] = (byte) 0x28;

            assertRejected(() -> EventParser.parse(body), 400, "invalid_encoding", "job.name");
        }

        @Test
        void invalidUtf8StartByteIsAnEncodingError() {
            byte[] body = MINIMAL_START.replace("https://example.com/producer", "@").getBytes(StandardCharsets.UTF_8);
            int at = MINIMAL_START.replace("https://example.com/producer", "@").indexOf('@');
            body[at] = (byte) 0xFF;

            assertRejected(() -> EventParser.parse(body), 400, "invalid_encoding", "producer");
        }

        @Test
        void loneSurrogateInAFacetStringIsAnEncodingError() {
            String body = MINIMAL_START.replace("\"runId\": \"" + RUN_ID + "\"",
                    "\"runId\": \"" + RUN_ID + "\", \"facets\": {\"custom\": {\"note\": \"x\\ud800y\"}}");

            assertRejected(() -> parse(body), 400, "invalid_encoding", "run.facets.custom.note");
        }

        @Test
        void loneLowSurrogateInAnArrayIsAnEncodingErrorWithItsIndex() {
            String body = MINIMAL_START.replace("\"daily_orders\"}",
                    "\"daily_orders\", \"facets\": {\"tags\": [\"ok\", \"\\udc00\"]}}");

            assertRejected(() -> parse(body), 400, "invalid_encoding", "job.facets.tags[1]");
        }

        @Test
        void surrogatePairIsAccepted() {
            String body = MINIMAL_START.replace("daily_orders", "daily_\\ud83d\\ude00");

            assertThat(parse(body).job().name()).isEqualTo("daily_\uD83D\uDE00");
        }

        @Test
        void nesting10000LevelsDeepIsMalformedJsonNotAStackOverflow() {
            String deep = "[".repeat(10_000) + "]".repeat(10_000);
            String body = MINIMAL_START.replace("\"runId\": \"" + RUN_ID + "\"",
                    "\"runId\": \"" + RUN_ID + "\", \"facets\": {\"deep\": " + deep + "}");

            assertRejected(() -> parse(body), 400, "malformed_json", "");
        }

        @Test
        void nesting10000ObjectsDeepIsMalformedJson() {
            String body = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);

            assertRejected(() -> parse(body), 400, "malformed_json", "");
        }
    }

    @Nested
    class Facets {

        @Test
        void facetsAreKeptAsCanonicalRawJsonAndNullFacetsAreSkipped() {
            ObjectNode event = with(event(), "/run/facets",
                    tree("{\"custom\": {\"b\": 2, \"a\": [1, \"x\"]}, \"note\": \"just a string\", \"gone\": null}"));

            ParsedEvent parsed = parse(event);

            assertThat(parsed.run().facets()).containsExactly(
                    entry("facet.custom", "{\"a\":[1,\"x\"],\"b\":2}"),
                    entry("facet.note", "\"just a string\""));
        }

        @Test
        void facetsValueThatIsAnArrayIsKeptAsMalformed() {
            ObjectNode event = with(event(), "/job/facets", tree("[1, {\"k\": \"v\"}]"));

            assertThat(parse(event).job().facets()).containsExactly(entry("facet._malformed", "[1,{\"k\":\"v\"}]"));
        }

        @Test
        void facetsValueThatIsAStringIsKeptAsMalformed() {
            ObjectNode event = with(event(), "/inputs/0/facets", TextNode.valueOf("oops"));

            assertThat(parse(event).inputs().get(0).facets()).containsExactly(entry("facet._malformed", "\"oops\""));
        }

        @Test
        void nullFacetsGiveNoFacets() {
            ObjectNode event = with(event(), "/run/facets", tree("null"));

            assertThat(parse(event).run().facets()).isEmpty();
        }

        @Test
        void interpretedFacetsOfTheWrongShapeAreKeptRawAndSkipped() {
            ObjectNode event = with(event(), "/outputs/0/facets", tree("""
                    {"schema": "id int", "symlinks": {"identifiers": {"name": "t"}},
                     "columnLineage": {"fields": [1, 2]}, "version": 3, "datasetType": ["MODEL"]}
                    """));
            event = with(event, "/run/facets", tree("{\"parent\": {\"run\": {}}, \"errorMessage\": 5}"));

            ParsedEvent parsed = parse(event);

            DatasetSnapshot output = parsed.outputs().get(0);
            assertThat(output.fields()).isEmpty();
            assertThat(output.symlinks()).isEmpty();
            assertThat(output.columnLineage()).isEmpty();
            assertThat(output.version()).isNull();
            assertThat(output.datasetType()).isNull();
            assertThat(output.facets()).containsExactly(
                    entry("facet.schema", "\"id int\""),
                    entry("facet.symlinks", "{\"identifiers\":{\"name\":\"t\"}}"),
                    entry("facet.columnLineage", "{\"fields\":[1,2]}"),
                    entry("facet.version", "3"),
                    entry("facet.datasetType", "[\"MODEL\"]"));
            assertThat(parsed.run().parent()).isNull();
            assertThat(parsed.run().errorMessage()).isNull();
        }

        @Test
        void realEventWithInvalidParentFacetIsAcceptedWithoutParent() {
            ParsedEvent parsed = EventParser.parse(openLineageBytes("spec-examples/proxy-event_invalid_run_facet.json"));

            assertThat(parsed.run().parent()).isNull();
            assertThat(parsed.run().facets()).containsOnlyKeys("facet.parent");
        }

        @Test
        void ioFacetsAreKeptApartFromDatasetFacets() {
            ObjectNode event = with(event(), "/inputs/0/inputFacets", tree("{\"dataQualityMetrics\": {\"rowCount\": 10}}"));
            event = with(event, "/outputs/0/outputFacets", tree("{\"outputStatistics\": {\"rowCount\": 7}}"));

            ParsedEvent parsed = parse(event);

            assertThat(parsed.inputs().get(0).ioFacets())
                    .containsExactly(entry("facet.dataQualityMetrics", "{\"rowCount\":10}"));
            assertThat(parsed.inputs().get(0).facets()).isEmpty();
            assertThat(parsed.outputs().get(0).ioFacets()).containsExactly(entry("facet.outputStatistics", "{\"rowCount\":7}"));
        }

        @Test
        void parentErrorMessageVersionAndDatasetTypeAreRead() {
            ObjectNode event = with(event(), "/run/facets", tree("""
                    {"parent": {"run": {"runId": "p-run"}, "job": {"namespace": "airflow", "name": "dag"}},
                     "errorMessage": {"message": "division by zero", "programmingLanguage": "python"}}
                    """));
            event = with(event, "/outputs/0/facets", tree("""
                    {"version": {"datasetVersion": "v7"}, "datasetType": {"datasetType": "MODEL"}}
                    """));

            ParsedEvent parsed = parse(event);

            assertThat(parsed.run().parent()).isEqualTo(new ParsedEvent.ParentRun("p-run", "airflow", "dag"));
            assertThat(parsed.run().errorMessage()).isEqualTo("division by zero");
            assertThat(parsed.outputs().get(0).version()).isEqualTo("v7");
            assertThat(parsed.outputs().get(0).datasetType()).isEqualTo("MODEL");
        }

        @Test
        void nestedSchemaFieldsGetDottedPathsAndTheirParentPath() {
            ObjectNode event = with(event(), "/inputs/0/facets", tree("""
                    {"schema": {"fields": [
                      {"name": "id", "type": "bigint"},
                      {"name": "address", "type": "struct", "fields": [
                        {"name": "city", "type": "string", "description": "City name"},
                        {"name": "geo", "type": "struct", "fields": [{"name": "lat", "type": "double"}]}
                      ]},
                      {"type": "string"},
                      {"name": "id", "type": "int"},
                      {"name": "tags", "type": "array", "fields": []}
                    ]}}
                    """));

            assertThat(parse(event).inputs().get(0).fields()).containsExactly(
                    new FieldDef("id", null, "id", "bigint", null),
                    new FieldDef("address", null, "address", "struct", null),
                    new FieldDef("address.city", "address", "city", "string", "City name"),
                    new FieldDef("address.geo", "address", "geo", "struct", null),
                    new FieldDef("address.geo.lat", "address.geo", "lat", "double", null),
                    new FieldDef("tags", null, "tags", "array", null));
        }

        @Test
        void symlinksAreReadWithTheirType() {
            ObjectNode event = with(event(), "/outputs/0/facets", tree("""
                    {"symlinks": {"identifiers": [
                      {"namespace": "hive://metastore:9083", "name": "warehouse.orders_daily", "type": "TABLE"},
                      {"namespace": "s3://warehouse", "name": "/orders/daily"},
                      {"name": "no-namespace", "type": "TABLE"}
                    ]}}
                    """));

            assertThat(parse(event).outputs().get(0).symlinks()).containsExactly(
                    new DatasetSnapshot.Symlink(new DatasetKey("hive://metastore:9083", "warehouse.orders_daily"), "TABLE"),
                    new DatasetSnapshot.Symlink(new DatasetKey("s3://warehouse", "/orders/daily"), null));
        }

        @Test
        void realSparkEventHasATableSymlinkOnItsFileOutput() {
            ParsedEvent parsed = EventParser.parse(openLineageBytes("spark/compat-cll-08-ctas-complete.json"));

            DatasetSnapshot output = parsed.outputs().get(0);
            assertThat(output.key()).isEqualTo(new DatasetKey("file", "/tmp/cll_test/tbl1"));
            assertThat(output.symlinks()).containsExactly(
                    new DatasetSnapshot.Symlink(new DatasetKey("file:/tmp/cll_test", "default.tbl1"), "TABLE"));
            assertThat(output.fields()).extracting(FieldDef::path).containsExactly("ident", "trans", "agg");
        }
    }

    @Nested
    class ColumnLineage {

        private final DatasetKey source = new DatasetKey("postgres://db:5432", "shop.orders");

        @Test
        void transformationsFormGivesOneEdgePerTransformation() {
            ObjectNode event = with(event(), "/outputs/0/facets", tree("""
                    {"columnLineage": {"fields": {"total": {"inputFields": [
                      {"namespace": "postgres://db:5432", "name": "shop.orders", "field": "amount", "transformations": [
                        {"type": "direct", "subtype": "aggregation", "description": "sum(amount)", "masking": false},
                        {"type": "INDIRECT", "subtype": "FILTER"},
                        {"type": "DIRECT", "subtype": "TRANSFORMATION", "masking": true},
                        {"masking": "yes"}
                      ]}
                    ]}}}}
                    """));

            assertThat(parse(event).outputs().get(0).columnLineage()).containsExactly(
                    new ColumnLineageEdge(source, "amount", "total", "DIRECT", "AGGREGATION", false, "sum(amount)"),
                    new ColumnLineageEdge(source, "amount", "total", "INDIRECT", "FILTER", false, null),
                    new ColumnLineageEdge(source, "amount", "total", "DIRECT", "TRANSFORMATION", true, null),
                    new ColumnLineageEdge(source, "amount", "total", "DIRECT", "UNKNOWN", false, null));
        }

        @Test
        void legacyTransformationTypeForm() {
            ObjectNode event = with(event(), "/outputs/0/facets", tree("""
                    {"columnLineage": {"fields": {
                      "id":    {"inputFields": [{"namespace": "postgres://db:5432", "name": "shop.orders", "field": "id"}],
                                "transformationType": "IDENTITY", "transformationDescription": "identical"},
                      "email": {"inputFields": [{"namespace": "postgres://db:5432", "name": "shop.orders", "field": "email",
                                                 "transformations": []}],
                                "transformationType": "MASKED", "transformationDescription": "sha256(email)"},
                      "note":  {"inputFields": [{"namespace": "postgres://db:5432", "name": "shop.orders", "field": "note"}],
                                "transformationType": "", "transformationDescription": ""},
                      "day":   {"inputFields": [{"namespace": "postgres://db:5432", "name": "shop.orders", "field": "ts"}]}
                    }}}
                    """));

            assertThat(parse(event).outputs().get(0).columnLineage()).containsExactly(
                    new ColumnLineageEdge(source, "id", "id", "DIRECT", "IDENTITY", false, "identical"),
                    new ColumnLineageEdge(source, "email", "email", "DIRECT", "TRANSFORMATION", true, "sha256(email)"),
                    new ColumnLineageEdge(source, "note", "note", "DIRECT", "UNKNOWN", false, ""),
                    new ColumnLineageEdge(source, "ts", "day", "DIRECT", "UNKNOWN", false, null));
        }

        @Test
        void datasetWideInputsReachEveryTopLevelSchemaFieldAndEveryLineageField() {
            ObjectNode event = with(event(), "/outputs/0/facets", tree("""
                    {"schema": {"fields": [
                       {"name": "id"}, {"name": "address", "fields": [{"name": "city"}]}]},
                     "columnLineage": {
                       "fields": {"extra": {"inputFields": [
                         {"namespace": "postgres://db:5432", "name": "shop.orders", "field": "x"}]}},
                       "dataset": [
                         {"namespace": "postgres://db:5432", "name": "shop.orders", "field": "status"},
                         {"namespace": "postgres://db:5432", "name": "shop.orders", "field": "customer_id",
                          "transformations": [{"type": "INDIRECT", "subtype": "JOIN"}]}
                       ]}}
                    """));

            assertThat(parse(event).outputs().get(0).columnLineage()).containsExactly(
                    new ColumnLineageEdge(source, "x", "extra", "DIRECT", "UNKNOWN", false, null),
                    new ColumnLineageEdge(source, "status", "id", "INDIRECT", "UNKNOWN", false, null),
                    new ColumnLineageEdge(source, "status", "address", "INDIRECT", "UNKNOWN", false, null),
                    new ColumnLineageEdge(source, "status", "extra", "INDIRECT", "UNKNOWN", false, null),
                    new ColumnLineageEdge(source, "customer_id", "id", "INDIRECT", "JOIN", false, null),
                    new ColumnLineageEdge(source, "customer_id", "address", "INDIRECT", "JOIN", false, null),
                    new ColumnLineageEdge(source, "customer_id", "extra", "INDIRECT", "JOIN", false, null));
        }

        @Test
        void inputFieldsWithoutIdentityAreSkipped() {
            ObjectNode event = with(event(), "/outputs/0/facets", tree("""
                    {"columnLineage": {"fields": {"total": {"inputFields": [
                      {"name": "shop.orders", "field": "amount"},
                      {"namespace": "postgres://db:5432", "name": "shop.orders"},
                      "amount",
                      {"namespace": "postgres://db:5432", "name": "shop.orders", "field": "amount"}
                    ]}}}}
                    """));

            assertThat(parse(event).outputs().get(0).columnLineage()).containsExactly(
                    new ColumnLineageEdge(source, "amount", "total", "DIRECT", "UNKNOWN", false, null));
        }

        @Test
        void realSparkCtasGivesOneEdgePerTransformation() {
            ParsedEvent parsed = EventParser.parse(openLineageBytes("spark/compat-cll-08-ctas-complete.json"));
            DatasetKey source1 = new DatasetKey("file", "/tmp/cll_test/cll_source1");
            DatasetKey source2 = new DatasetKey("file", "/tmp/cll_test/cll_source2");

            List<ColumnLineageEdge> edges = parsed.outputs().get(0).columnLineage();

            assertThat(edges).hasSize(21);
            assertThat(edges).filteredOn(e -> e.type().equals("DIRECT")).containsExactly(
                    new ColumnLineageEdge(source1, "a", "ident", "DIRECT", "IDENTITY", false, ""),
                    new ColumnLineageEdge(source1, "b", "trans", "DIRECT", "TRANSFORMATION", false, ""),
                    new ColumnLineageEdge(source2, "c", "agg", "DIRECT", "AGGREGATION", false, ""));
            assertThat(edges).filteredOn(e -> e.toField().equals("ident")).containsExactly(
                    new ColumnLineageEdge(source1, "a", "ident", "DIRECT", "IDENTITY", false, ""),
                    new ColumnLineageEdge(source1, "a", "ident", "INDIRECT", "GROUP_BY", false, ""),
                    new ColumnLineageEdge(source1, "a", "ident", "INDIRECT", "JOIN", false, ""),
                    new ColumnLineageEdge(source1, "a", "ident", "INDIRECT", "FILTER", false, ""),
                    new ColumnLineageEdge(source1, "b", "ident", "INDIRECT", "GROUP_BY", false, ""),
                    new ColumnLineageEdge(source2, "a", "ident", "INDIRECT", "JOIN", false, ""),
                    new ColumnLineageEdge(source2, "a", "ident", "INDIRECT", "FILTER", false, ""));
            assertThat(parsed.run().parent()).isEqualTo(new ParsedEvent.ParentRun("019127de-fd25-7707-bfa4-3ec02693a531",
                    "testColumnLevelLineage", "open_lineage_integration_create_table"));
        }

        @Test
        void realHiveCtasDatasetWideLineageReachesEveryOutputField() {
            ParsedEvent parsed = EventParser.parse(openLineageBytes("hive/data-rentgen-hive-ctas.json"));
            DatasetKey source = new DatasetKey("hive://test-hadoop:9083", "mydatabase.source_table");

            DatasetSnapshot output = parsed.outputs().get(0);

            assertThat(output.key()).isEqualTo(new DatasetKey("hive://test-hadoop:9083", "mydatabase.target_table"));
            assertThat(output.columnLineage()).containsExactly(
                    new ColumnLineageEdge(source, "dt", "dt", "DIRECT", "IDENTITY", false, ""),
                    new ColumnLineageEdge(source, "customer_id", "customer_id", "DIRECT", "IDENTITY", false, ""),
                    new ColumnLineageEdge(source, "total_spent", "total_spent", "DIRECT", "IDENTITY", false, ""),
                    new ColumnLineageEdge(source, "customer_id", "dt", "INDIRECT", "JOIN", false, ""),
                    new ColumnLineageEdge(source, "customer_id", "customer_id", "INDIRECT", "JOIN", false, ""),
                    new ColumnLineageEdge(source, "customer_id", "total_spent", "INDIRECT", "JOIN", false, ""));
        }

        @Test
        void realAirflowEventUsesTheLegacyTransformationType() {
            ParsedEvent parsed = EventParser.parse(openLineageBytes("airflow/compat-bq-dag-03-upload-complete.json"));
            DatasetKey copied = new DatasetKey("gs://mock-bucket", "copied.csv");
            DatasetKey test = new DatasetKey("gs://mock-bucket", "test.csv");

            DatasetSnapshot output = parsed.outputs().get(0);

            assertThat(output.key()).isEqualTo(new DatasetKey("bigquery", "mock-project.test.upload"));
            assertThat(output.columnLineage()).containsExactly(
                    new ColumnLineageEdge(copied, "a", "a", "DIRECT", "IDENTITY", false, "identical"),
                    new ColumnLineageEdge(test, "a", "a", "DIRECT", "IDENTITY", false, "identical"),
                    new ColumnLineageEdge(copied, "b", "b", "DIRECT", "IDENTITY", false, "identical"),
                    new ColumnLineageEdge(test, "b", "b", "DIRECT", "IDENTITY", false, "identical"),
                    new ColumnLineageEdge(copied, "c", "c", "DIRECT", "IDENTITY", false, "identical"),
                    new ColumnLineageEdge(test, "c", "c", "DIRECT", "IDENTITY", false, "identical"),
                    new ColumnLineageEdge(copied, "d", "d", "DIRECT", "IDENTITY", false, "identical"),
                    new ColumnLineageEdge(test, "d", "d", "DIRECT", "IDENTITY", false, "identical"));
        }
    }

    @Nested
    class Corpus {

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.provenant.ingest.EventParserTest#corpusFiles")
        void everyRealEventIsAccepted(String file) {
            for (Object item : itemsOf(file)) {
                ParsedEvent event = item instanceof JsonNode node ? EventParser.parse(node)
                        : EventParser.parse((byte[]) item);
                assertThat(event.hash()).hasSize(64);
            }
        }
    }

    static Stream<Arguments> identifiersWithControlCharacters() {
        return Stream.of(
                Arguments.of("/job/name", "daily\u0001orders", "job.name"),
                Arguments.of("/job/namespace", "etl\nprod", "job.namespace"),
                Arguments.of("/run/runId", "abc\u007f", "run.runId"),
                Arguments.of("/inputs/1/name", "shop\torders", "inputs[1].name"),
                Arguments.of("/outputs/0/namespace", "s3://warehouse\u0000", "outputs[0].namespace"));
    }

    /** Every event file of the corpus, except the one that lacks its runId on purpose. */
    static Stream<String> corpusFiles() throws IOException {
        Path root = openLineage("");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> p.endsWith(".json") || p.endsWith(".ndjson"))
                    .filter(p -> !p.equals("spec-examples/proxy-event_no_run_id.json"))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    private static List<Object> itemsOf(String file) {
        byte[] bytes = openLineageBytes(file);
        String text = new String(bytes, StandardCharsets.UTF_8).strip();
        if (file.endsWith(".ndjson") || text.startsWith("[")) {
            return BatchItems.split(bytes, 10_000);
        }
        return List.of(bytes);
    }

    // ---- building events ---------------------------------------------------------------------

    private static ObjectNode event() {
        return (ObjectNode) tree(MINIMAL_START);
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ParsedEvent parse(JsonNode event) {
        try {
            return EventParser.parse(JSON.writeValueAsBytes(event));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ParsedEvent parse(String body) {
        return EventParser.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    /** Sets the value at a JSON pointer such as {@code /inputs/1/name}, creating nothing but the last step. */
    private static ObjectNode with(ObjectNode event, String pointer, JsonNode value) {
        JsonPointer path = JsonPointer.compile(pointer);
        JsonNode parent = event.at(path.head());
        if (parent instanceof ArrayNode array) {
            array.set(path.last().getMatchingIndex(), value);
        } else {
            ((ObjectNode) parent).set(path.last().getMatchingProperty(), value);
        }
        return event;
    }

    private static ObjectNode without(ObjectNode event, String pointer) {
        JsonPointer path = JsonPointer.compile(pointer);
        JsonNode parent = event.at(path.head());
        if (parent instanceof ArrayNode array) {
            array.remove(path.last().getMatchingIndex());
        } else {
            ((ObjectNode) parent).remove(path.last().getMatchingProperty());
        }
        return event;
    }
}

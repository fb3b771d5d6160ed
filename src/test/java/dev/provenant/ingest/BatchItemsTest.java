package dev.provenant.ingest;

import static dev.provenant.ingest.IngestFixtures.assertRejected;
import static dev.provenant.ingest.IngestFixtures.openLineageBytes;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BatchItemsTest {

    @Test
    void jsonArrayGivesItsParsedElements() {
        List<Object> items = split(" \n[{\"a\":1},\n {\"b\":2}]\n", 10);

        assertThat(items).hasSize(2).allSatisfy(item -> assertThat(item).isInstanceOf(JsonNode.class));
        assertThat(items).extracting(Object::toString).containsExactly("{\"a\":1}", "{\"b\":2}");
    }

    @Test
    void realArrayFileGivesOneItemPerEvent() {
        List<Object> items = BatchItems.split(openLineageBytes("other/confluent-bridge-9-node-pipeline-array.json"), 100);

        assertThat(items).hasSize(5).allSatisfy(item -> assertThat(item).isInstanceOf(JsonNode.class));
    }

    @Test
    void ndjsonGivesOneRawLinePerNonBlankLine() {
        List<Object> items = split("{\"a\":1}\n\n   \n{\"b\":2}\n\t\n{\"c\":3}", 10);

        assertThat(items).hasSize(3).allSatisfy(item -> assertThat(item).isInstanceOf(byte[].class));
        assertThat(items).extracting(BatchItemsTest::text).containsExactly("{\"a\":1}", "{\"b\":2}", "{\"c\":3}");
    }

    @Test
    void ndjsonWithCrlfLineEndsGivesTheSameEvents() {
        List<Object> items = split("{\"a\":1}\r\n\r\n{\"b\":2}\r\n", 10);

        assertThat(items).hasSize(2);
        assertThat(items).extracting(item -> EventParser.readTree((byte[]) item, "").toString())
                .containsExactly("{\"a\":1}", "{\"b\":2}");
    }

    @Test
    void malformedLineIsKeptAsAnItemSoOnlyItIsRejected() {
        List<Object> items = split("{\"a\":1}\nnot json\n{\"c\":3}\n", 10);

        assertThat(items).extracting(BatchItemsTest::text).containsExactly("{\"a\":1}", "not json", "{\"c\":3}");
    }

    @Test
    void realNdjsonFileGivesOneItemPerEvent() {
        List<Object> items = BatchItems.split(openLineageBytes("airflow/data-rentgen-airflow-dag.ndjson"), 100);

        assertThat(items).hasSize(4);
        assertThat(items).extracting(item -> EventParser.parse((byte[]) item).eventType())
                .containsExactly("START", "START", "COMPLETE", "COMPLETE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n\n", "\r\n \t\r\n", "[]", " [ ] "})
    void emptyBodyIsRejected(String body) {
        assertRejected(() -> split(body, 10), 400, "malformed_json", null);
    }

    @Test
    void malformedArrayIsRejectedAsAWhole() {
        assertRejected(() -> split("[{\"a\":1}, {\"b\":", 10), 400, "malformed_json", "[1].b");
    }

    @Test
    void exactlyMaxItemsIsAccepted() {
        assertThat(split("{}\n{}\n{}\n", 3)).hasSize(3);
        assertThat(split("[{},{},{}]", 3)).hasSize(3);
    }

    @Test
    void moreNdjsonLinesThanMaxItemsIsTooMany() {
        assertRejected(() -> split("{}\n{}\n{}\n{}\n", 3), 413, "too_many_items", null);
    }

    @Test
    void longerArrayThanMaxItemsIsTooMany() {
        assertRejected(() -> split("[{},{},{},{}]", 3), 413, "too_many_items", null);
    }

    @Test
    void blankLinesDoNotCountTowardsTheLimit() {
        assertThat(split("\n\n{}\n\n\n{}\n\n\n{}\n\n", 3)).hasSize(3);
    }

    private static List<Object> split(String body, int maxItems) {
        return BatchItems.split(body.getBytes(StandardCharsets.UTF_8), maxItems);
    }

    private static String text(Object item) {
        return new String((byte[]) item, StandardCharsets.UTF_8);
    }
}

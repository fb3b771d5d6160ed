package dev.provenant.ingest;

import static dev.provenant.ingest.IngestFixtures.assertRejected;
import static dev.provenant.ingest.IngestFixtures.openLineageBytes;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    @Test
    void keyOrderAndWhitespaceDoNotChangeTheBytesOrTheHash() {
        byte[] compact = canonical("{\"b\":{\"d\":\"x\",\"c\":[1,2]},\"a\":1}");
        byte[] pretty = canonical("""
                {
                  "a" : 1,
                  "b" : { "c" : [ 1, 2 ],
                          "d" : "x" }
                }
                """);

        assertThat(new String(compact, StandardCharsets.UTF_8)).isEqualTo("{\"a\":1,\"b\":{\"c\":[1,2],\"d\":\"x\"}}");
        assertThat(pretty).isEqualTo(compact);
        assertThat(CanonicalJson.sha256(pretty)).isEqualTo(CanonicalJson.sha256(compact));
    }

    @Test
    void sameEventPostedWithOtherKeyOrderHasTheSameHash() {
        String a = "{\"eventTime\":\"2024-05-01T12:00:00Z\",\"producer\":\"p\",\"run\":{\"runId\":\"r\"},"
                + "\"job\":{\"namespace\":\"n\",\"name\":\"j\"}}";
        String b = "{ \"job\": {\"name\": \"j\", \"namespace\": \"n\"},\n \"run\": {\"runId\": \"r\"},\n"
                + " \"producer\": \"p\", \"eventTime\": \"2024-05-01T12:00:00Z\" }";

        assertThat(EventParser.parse(b.getBytes(StandardCharsets.UTF_8)).hash())
                .isEqualTo(EventParser.parse(a.getBytes(StandardCharsets.UTF_8)).hash());
    }

    @Test
    void numbersKeepTheirTextSo1Point10AndOnePoint1Differ() {
        byte[] tenths = canonical("{\"x\":1.10}");
        byte[] tenth = canonical("{\"x\":1.1}");

        assertThat(new String(tenths, StandardCharsets.UTF_8)).isEqualTo("{\"x\":1.10}");
        assertThat(new String(tenth, StandardCharsets.UTF_8)).isEqualTo("{\"x\":1.1}");
        assertThat(CanonicalJson.sha256(tenths)).isNotEqualTo(CanonicalJson.sha256(tenth));
    }

    @Test
    void largeIntegersAndDecimalScaleAreKept() {
        assertThat(text("{\"big\":123456789012345678901234567890,\"exp\":2.50E-3}"))
                .isEqualTo("{\"big\":123456789012345678901234567890,\"exp\":0.00250}");
    }

    @Test
    void stringsAreWrittenAsUtf8AndEscapedOnlyWhereJsonNeedsIt() {
        assertThat(canonical("{\"s\":\"caf\\u00e9 \\\"q\\\" \\u0001 \\/\"}"))
                .isEqualTo("{\"s\":\"café \\\"q\\\" \\u0001 /\"}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void charactersBeyondTheBmpAreWrittenAsEscapedSurrogatePairs() {
        // Pinned because the hash of every stored event with such a character depends on it.
        assertThat(text("{\"s\":\"\uD83D\uDE00\"}")).isEqualTo("{\"s\":\"\\uD83D\\uDE00\"}");
        assertThat(text("{\"s\":\"\\ud83d\\ude00\"}")).isEqualTo("{\"s\":\"\\uD83D\\uDE00\"}");
    }

    @Test
    void literalsArraysAndNullsAreKept() {
        assertThat(text("[true, false, null, [], {}, \"\"]")).isEqualTo("[true,false,null,[],{},\"\"]");
    }

    @Test
    void sha256IsLowercaseHexOf64Characters() {
        assertThat(CanonicalJson.sha256(new byte[0]))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(CanonicalJson.sha256("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(CanonicalJson.sha256(openLineageBytes("hive/data-rentgen-hive-ctas.json"))).matches("[0-9a-f]{64}");
    }

    @Test
    void unpairedSurrogateIsAnEncodingErrorAtItsPath() {
        JsonNode node = EventParser.readTree("{\"a\":{\"list\":[\"ok\",\"\\ud800\"]}}".getBytes(StandardCharsets.UTF_8), "");

        assertRejected(() -> CanonicalJson.bytes(node), 400, "invalid_encoding", "a.list[1]");
    }

    private static byte[] canonical(String json) {
        return CanonicalJson.bytes(EventParser.readTree(json.getBytes(StandardCharsets.UTF_8), ""));
    }

    private static String text(String json) {
        return new String(canonical(json), StandardCharsets.UTF_8);
    }
}

package dev.provenant.ingest;

import static dev.provenant.ingest.IngestFixtures.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestBodiesTest {

    private static final byte[] EVENT = "{\"eventTime\":\"2024-05-01T12:00:00Z\"}".getBytes(StandardCharsets.UTF_8);
    private static final long ONE_MB = 1024 * 1024;

    @Test
    void plainBodyIsReturnedAsSent() {
        assertThat(read(EVENT, "application/json", null, ONE_MB)).isEqualTo(EVENT);
        assertThat(read(EVENT, "application/json", "identity", ONE_MB)).isEqualTo(EVENT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "x-gzip", "GZIP", " gzip "})
    void gzipBodyIsDecompressed(String encoding) {
        assertThat(read(gzip(EVENT), "application/json", encoding, ONE_MB)).isEqualTo(EVENT);
    }

    @Test
    void bodyOfExactlyTheLimitIsAccepted() {
        byte[] body = new byte[1000];

        assertThat(read(body, null, null, 1000)).hasSize(1000);
        assertThat(read(gzip(body), null, "gzip", 1000)).hasSize(1000);
    }

    @Test
    void plainBodyOverTheLimitIsTooLarge() {
        assertRejected(() -> read(new byte[1001], "application/json", null, 1000), 413, "payload_too_large", null);
    }

    @Test
    void gzipBombIsStoppedAtTheLimitWithoutReadingItAll() {
        byte[] bomb = gzippedZeros(100 * ONE_MB);
        CountingInputStream body = new CountingInputStream(new ByteArrayInputStream(bomb));

        assertRejected(() -> RequestBodies.read(body, "application/json", "gzip", ONE_MB, RequestBodies.JSON_TYPES),
                413, "payload_too_large", null);
        // 1 MB of zeros is about 1 KB compressed; reading stops long before the ~100 KB of the whole bomb.
        assertThat(body.count).isLessThan(bomb.length);
    }

    @Test
    void bytesThatAreNoGzipAreMalformedGzip() {
        assertRejected(() -> read(EVENT, "application/json", "gzip", ONE_MB), 400, "malformed_gzip", null);
    }

    @Test
    void gzipCutInItsCompressedDataIsMalformedGzip() {
        byte[] gzip = gzip(EVENT);
        byte[] truncated = Arrays.copyOf(gzip, gzip.length - 12);

        assertRejected(() -> read(truncated, "application/json", "gzip", ONE_MB), 400, "malformed_gzip", null);
    }

    @Test
    void gzipWithWrongChecksumIsMalformedGzip() {
        byte[] gzip = gzip(EVENT);
        gzip[gzip.length - 6] ^= 1;

        assertRejected(() -> read(gzip, "application/json", "gzip", ONE_MB), 400, "malformed_gzip", null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"br", "deflate", "compress", "gzip, br"})
    void otherContentEncodingIsUnsupported(String encoding) {
        assertRejected(() -> read(EVENT, "application/json", encoding, ONE_MB), 415, "unsupported_encoding",
                "Content-Encoding");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/xml", "multipart/form-data; boundary=x", "application/x-ndjson"})
    void otherContentTypeIsUnsupportedForOneEvent(String contentType) {
        assertRejected(() -> read(EVENT, contentType, null, ONE_MB), 415, "unsupported_media_type", "Content-Type");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/json; charset=utf-8", "Application/JSON;charset=UTF-8",
        "application/vnd.openlineage+json", ""})
    void jsonContentTypesAreAccepted(String contentType) {
        assertThat(read(EVENT, contentType, null, ONE_MB)).isEqualTo(EVENT);
    }

    @Test
    void missingContentTypeIsAccepted() {
        assertThat(read(EVENT, null, null, ONE_MB)).isEqualTo(EVENT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/x-ndjson", "application/jsonl", "application/ndjson", "application/json"})
    void batchAcceptsNdjsonTypes(String contentType) {
        byte[] body = RequestBodies.read(new ByteArrayInputStream(EVENT), contentType, null, ONE_MB,
                RequestBodies.BATCH_TYPES);

        assertThat(body).isEqualTo(EVENT);
    }

    @Test
    void mediaTypeIsCheckedBeforeTheBodyIsRead() {
        CountingInputStream body = new CountingInputStream(new ByteArrayInputStream(EVENT));

        assertRejected(() -> RequestBodies.read(body, "text/plain", "gzip", ONE_MB, RequestBodies.JSON_TYPES),
                415, "unsupported_media_type", "Content-Type");
        assertThat(body.count).isZero();
    }

    private static byte[] read(byte[] body, String contentType, String contentEncoding, long maxBytes) {
        return RequestBodies.read(new ByteArrayInputStream(body), contentType, contentEncoding, maxBytes,
                RequestBodies.JSON_TYPES);
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] gzippedZeros(long count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] zeros = new byte[64 * 1024];
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 64 * 1024)) {
            for (long written = 0; written < count; written += zeros.length) {
                gzip.write(zeros);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Counts the bytes the reader pulled from the request body. */
    private static final class CountingInputStream extends FilterInputStream {

        long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}

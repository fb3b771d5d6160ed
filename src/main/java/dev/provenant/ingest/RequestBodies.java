package dev.provenant.ingest;

import dev.provenant.web.ApiException;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads an ingest request body: checks its media type and encoding, gunzips it when it says gzip, and
 * stops at the size limit both before and after decompression, so a gzip bomb costs at most the limit.
 */
final class RequestBodies {

    static final Set<String> JSON_TYPES = Set.of("application/json");
    static final Set<String> BATCH_TYPES = Set.of("application/json", "application/x-ndjson", "application/jsonl",
            "application/ndjson");

    private RequestBodies() {}

    static byte[] read(InputStream body, String contentType, String contentEncoding, long maxBytes,
            Set<String> acceptedTypes) {
        requireMediaType(contentType, acceptedTypes);
        InputStream in = decoded(body, contentEncoding);
        try (in) {
            return readBounded(in, maxBytes);
        } catch (ZipException e) {
            throw ApiException.badRequest("malformed_gzip", "the body says Content-Encoding: gzip but is not valid gzip: "
                    + e.getMessage(), null);
        } catch (EOFException e) {
            throw ApiException.badRequest("malformed_gzip", "the gzip body is truncated", null);
        } catch (IOException e) {
            if ("Unexpected end of ZLIB input stream".equals(e.getMessage())) {
                throw ApiException.badRequest("malformed_gzip", "the gzip body is truncated", null);
            }
            throw new UncheckedIOException(e);
        }
    }

    static void requireMediaType(String contentType, Set<String> accepted) {
        if (contentType == null || contentType.isBlank()) {
            return; // curl and some proxies omit it; the body is parsed as JSON and validated anyway
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!accepted.contains(type) && !(type.startsWith("application/") && type.endsWith("+json"))) {
            throw new ApiException(415, "unsupported_media_type",
                    "Content-Type must be one of " + accepted + ", got " + type, "Content-Type");
        }
    }

    private static InputStream decoded(InputStream body, String contentEncoding) {
        String encoding = contentEncoding == null ? "identity" : contentEncoding.strip().toLowerCase(Locale.ROOT);
        return switch (encoding) {
            case "", "identity" -> body;
            case "gzip", "x-gzip" -> {
                try {
                    yield new GZIPInputStream(body, 64 * 1024);
                } catch (ZipException e) {
                    throw ApiException.badRequest("malformed_gzip", "the body says Content-Encoding: gzip but is not gzip",
                            null);
                } catch (IOException e) {
                    throw ApiException.badRequest("malformed_gzip", "the gzip body is truncated", null);
                }
            }
            default -> throw new ApiException(415, "unsupported_encoding",
                    "Content-Encoding must be gzip or identity, got " + encoding, "Content-Encoding");
        };
    }

    static byte[] readBounded(InputStream in, long maxBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) != -1) {
            total += n;
            if (total > maxBytes) {
                throw tooLarge(maxBytes);
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    static ApiException tooLarge(long maxBytes) {
        return new ApiException(413, "payload_too_large", "the request body is larger than " + maxBytes
                + " bytes (provenant.ingest.max-bytes), counted after decompression", null);
    }
}

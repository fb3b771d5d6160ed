package dev.provenant.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.provenant.web.ApiException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a batch body into items: a JSON array gives its elements (parsed), anything else is NDJSON
 * and gives one raw line per item, so that one malformed line rejects only itself.
 */
final class BatchItems {

    private BatchItems() {}

    /** Each element is a {@link JsonNode} (array form) or a {@code byte[]} line (NDJSON form). */
    static List<Object> split(byte[] body, int maxItems) {
        int first = firstNonWhitespace(body, 0);
        if (first < 0) {
            throw ApiException.badRequest("malformed_json", "the batch is empty", null);
        }
        List<Object> items = new ArrayList<>();
        if (body[first] == '[') {
            JsonNode array = EventParser.readTree(body, "");
            array.forEach(items::add);
            requireWithinLimit(items.size(), maxItems);
        } else {
            splitLines(body, maxItems, items);
        }
        if (items.isEmpty()) {
            throw ApiException.badRequest("malformed_json", "the batch holds no event", null);
        }
        return items;
    }

    private static void splitLines(byte[] body, int maxItems, List<Object> items) {
        int start = 0;
        for (int i = 0; i <= body.length; i++) {
            if (i == body.length || body[i] == '\n') {
                if (firstNonWhitespace(body, start, i) >= 0) {
                    items.add(Arrays.copyOfRange(body, start, i));
                    requireWithinLimit(items.size(), maxItems);
                }
                start = i + 1;
            }
        }
    }

    private static void requireWithinLimit(int count, int maxItems) {
        if (count > maxItems) {
            throw new ApiException(413, "too_many_items", "a batch holds at most " + maxItems
                    + " events (provenant.ingest.max-batch-items)", null);
        }
    }

    private static int firstNonWhitespace(byte[] body, int from) {
        return firstNonWhitespace(body, from, body.length);
    }

    private static int firstNonWhitespace(byte[] body, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = body[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return i;
            }
        }
        return -1;
    }
}

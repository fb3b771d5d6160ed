package dev.provenant.web.ui;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The stable URLs of the UI pages and their JSON API equivalents, built in one place. */
final class Links {

    private Links() {}

    static String dataset(String namespace, String name) {
        return url("/datasets", "namespace", namespace, "name", name);
    }

    static String model(String namespace, String name) {
        return url("/models", "namespace", namespace, "name", name);
    }

    static String job(String namespace, String name) {
        return url("/jobs", "namespace", namespace, "name", name);
    }

    static String run(String runId) {
        return url("/runs", "runId", runId);
    }

    static String entity(String kind, String namespace, String name, String field) {
        return switch (kind) {
            case "job" -> job(namespace, name);
            case "model" -> model(namespace, name);
            case "field" -> lineage("field", namespace, name, field, null);
            default -> dataset(namespace, name);
        };
    }

    static String lineage(String type, String namespace, String name, String field, String view) {
        return url("/lineage", "type", type, "namespace", namespace, "name", name, "field", field, "view", view);
    }

    /** A query string from name/value pairs, skipping null values; values may be lists (repeated parameters). */
    static String url(String path, Object... pairs) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            params.put((String) pairs[i], pairs[i + 1]);
        }
        return url(path, params);
    }

    static String url(String path, Map<String, ?> params) {
        StringBuilder url = new StringBuilder(path);
        char sep = '?';
        for (Map.Entry<String, ?> e : params.entrySet()) {
            List<?> values = e.getValue() instanceof List<?> list ? list : java.util.Collections.singletonList(e.getValue());
            for (Object value : values) {
                if (value == null || value.toString().isEmpty()) {
                    continue;
                }
                url.append(sep).append(enc(e.getKey())).append('=').append(enc(value.toString()));
                sep = '&';
            }
        }
        return url.toString();
    }

    static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}

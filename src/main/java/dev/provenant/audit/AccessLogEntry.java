package dev.provenant.audit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provenant.ingest.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One request as the access log keeps it: when, what (method, path, the route rule that applied and the
 * query with its entity parameters), who (token id, name, role; null on public routes and failed
 * authentication), from where, and the outcome status.
 */
public record AccessLogEntry(Instant at, String method, String path, String route, String query, int status,
        String callerId, String callerName, String role, String client, long durationMs) {

    /** Longest query string kept; longer ones are cut (the hash covers what is kept). */
    static final int MAX_QUERY = 2000;

    /** Text is stored as well-formed UTF-8 (an unpaired surrogate becomes '?'), so it hashes the same after a round trip. */
    public AccessLogEntry {
        method = clean(method);
        path = clean(path);
        route = clean(route);
        query = clean(query == null || query.length() <= MAX_QUERY ? query : query.substring(0, MAX_QUERY));
        callerId = clean(callerId);
        callerName = clean(callerName);
        role = clean(role);
        client = clean(client);
    }

    private static String clean(String text) {
        return text == null ? null : new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    /**
     * SHA-256 of the entry's canonical JSON (keys sorted, nulls left out, {@code at} as ISO-8601 UTC):
     * what the chain links, recomputed from the stored properties when the log is verified.
     */
    public String hash() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("at", at.toString());
        putText(node, "method", method);
        putText(node, "path", path);
        putText(node, "route", route);
        putText(node, "query", query);
        node.put("status", status);
        putText(node, "callerId", callerId);
        putText(node, "callerName", callerName);
        putText(node, "role", role);
        putText(node, "client", client);
        node.put("durationMs", durationMs);
        return CanonicalJson.sha256(CanonicalJson.bytes(node));
    }

    private static void putText(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }
}

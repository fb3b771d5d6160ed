package dev.provenant.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provenant.analyst.AnalystQueryExecuted;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Puts what an analyst ran into the access-log entry of the request that ran it (as its {@code detail}),
 * so the query is chained and verified with the request rather than as a second entry that could be
 * separated from it. Who ran it is already on the entry: the filter records the request's caller, the
 * same one the event names.
 */
@ApplicationScoped
public class AnalystQueryAudit {

    static final String KIND = "analyst_query";
    /** Longest query text kept; a longer one is cut and {@code queryChars} gives its length. */
    static final int MAX_QUERY_TEXT = 10_000;
    /** Longest parameter JSON kept; larger parameters are left out and {@code parametersCut} says so. */
    static final int MAX_PARAMETERS_JSON = 10_000;

    private static final Logger LOG = Logger.getLogger(AnalystQueryAudit.class);

    private final CurrentVertxRequest request;
    private final ObjectMapper json;

    public AnalystQueryAudit(CurrentVertxRequest request, ObjectMapper json) {
        this.request = request;
        this.json = json;
    }

    void on(@Observes AnalystQueryExecuted event) {
        RoutingContext context = request.getCurrent();
        if (context == null) {
            // Only the HTTP endpoint runs analyst queries; anything else has no request to record.
            LOG.warnf("Analyst query by %s outside an HTTP request: not in the access log",
                    event.caller() == null ? "unknown" : event.caller().name());
            return;
        }
        context.put(AccessLogEntry.DETAIL_CONTEXT_KEY, detail(event));
    }

    String detail(AnalystQueryExecuted event) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("kind", KIND);
        if (event.query() != null) {
            String query = event.query();
            detail.put("query", query.length() <= MAX_QUERY_TEXT ? query : query.substring(0, MAX_QUERY_TEXT));
            if (query.length() > MAX_QUERY_TEXT) {
                detail.put("queryChars", query.length());
            }
        }
        if (event.libraryQuery() != null) {
            detail.put("libraryQuery", event.libraryQuery());
        }
        String parameters = parametersJson(event.parameters());
        if (parameters != null && parameters.length() <= MAX_PARAMETERS_JSON) {
            detail.put("parameters", event.parameters());
        } else {
            detail.put("parametersCut", true);
        }
        detail.put("outcome", event.outcome());
        detail.put("rows", event.rows());
        detail.put("truncated", event.truncated());
        detail.put("elapsedMs", event.elapsedMs());
        try {
            return json.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the access-log detail of an analyst query is not JSON", e);
        }
    }

    /** Null when the parameters cannot be written as JSON (then they are left out, not the whole detail). */
    private String parametersJson(Map<String, Object> parameters) {
        try {
            return json.writeValueAsString(parameters);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}

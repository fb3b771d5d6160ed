package dev.provenant.analyst;

import dev.provenant.config.ProvenantConfig;
import dev.provenant.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The analysts' Cypher console: checks a request, resolves library queries and their parameters, runs the
 * query read-only within the configured time and row limits, and reports every run as an
 * {@link AnalystQueryExecuted} event.
 */
@ApplicationScoped
public class CypherConsoleService {

    private final AnalystQueryRepository repository;
    private final QueryLibrary library;
    private final Event<AnalystQueryExecuted> executed;
    private final Duration timeout;
    private final int maxRows;

    public CypherConsoleService(AnalystQueryRepository repository, QueryLibrary library, ProvenantConfig config,
            Event<AnalystQueryExecuted> executed) {
        this.repository = repository;
        this.library = library;
        this.executed = executed;
        this.timeout = config.cypher().timeout();
        this.maxRows = config.cypher().maxRows();
    }

    public List<LibraryQuery> library() {
        return library.all();
    }

    public CypherAnswer run(CypherRequest request, String caller) {
        long start = System.nanoTime();
        String query = request == null ? null : request.query();
        String libraryId = request == null ? null : request.libraryQuery();
        Map<String, Object> parameters = request == null || request.parameters() == null ? Map.of()
                : request.parameters();
        String outcome = "internal_error";
        QueryRows rows = null;
        try {
            boolean adHoc = validate(query, libraryId);
            String cypher = adHoc ? query : resolve(libraryId).cypher();
            if (!adHoc) {
                parameters = bind(resolve(libraryId), parameters);
            }
            rows = repository.run(cypher, parameters, timeout, maxRows, adHoc);
            outcome = "ok";
            return new CypherAnswer(rows.columns(), rows.rows(), rows.truncated(), millisSince(start),
                    rows.notifications());
        } catch (ApiException e) {
            outcome = e.body().error();
            throw e;
        } finally {
            executed.fire(new AnalystQueryExecuted(Instant.now(), caller, libraryId == null ? query : null, libraryId,
                    Collections.unmodifiableMap(new LinkedHashMap<>(parameters)), outcome,
                    rows == null ? 0 : rows.rows().size(), rows != null && rows.truncated(), millisSince(start)));
        }
    }

    /** @return whether the request is an ad-hoc query (else a library query) */
    private static boolean validate(String query, String libraryId) {
        boolean hasQuery = query != null && !query.isBlank();
        boolean hasLibrary = libraryId != null && !libraryId.isBlank();
        if (hasQuery && hasLibrary) {
            throw ApiException.badRequest("invalid_value", "send either query or libraryQuery, not both",
                    "libraryQuery");
        }
        if (!hasQuery && !hasLibrary) {
            throw ApiException.badRequest("missing_field",
                    "send {\"query\": \"...\", \"parameters\": {...}} or {\"libraryQuery\": \"<id>\", \"parameters\": {...}}",
                    "query");
        }
        return hasQuery;
    }

    private LibraryQuery resolve(String id) {
        return library.find(id).orElseThrow(() -> ApiException.badRequest("unknown_library_query",
                "no library query with id " + id + "; GET /api/v1/cypher/library lists them", "libraryQuery"));
    }

    /** The library query's parameters as sent, defaults filled in, each checked against its declared type. */
    private static Map<String, Object> bind(LibraryQuery query, Map<String, Object> sent) {
        Map<String, LibraryParameter> declared = new LinkedHashMap<>();
        query.parameters().forEach(p -> declared.put(p.name(), p));
        for (String name : sent.keySet()) {
            if (!declared.containsKey(name)) {
                throw ApiException.badRequest("invalid_parameter", query.id() + " has no parameter " + name
                        + "; it takes " + String.join(", ", declared.keySet()), "parameters." + name);
            }
        }
        Map<String, Object> bound = new LinkedHashMap<>();
        for (LibraryParameter p : declared.values()) {
            Object value = sent.containsKey(p.name()) ? sent.get(p.name()) : p.defaultValue();
            if (value == null && p.required()) {
                throw ApiException.badRequest("missing_parameter", query.id() + " needs the parameter " + p.name()
                        + " (" + p.type().name().toLowerCase(java.util.Locale.ROOT) + ")", "parameters." + p.name());
            }
            try {
                bound.put(p.name(), p.bind(value));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("invalid_parameter", e.getMessage(), "parameters." + p.name());
            }
        }
        return bound;
    }

    private static long millisSince(long start) {
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }
}

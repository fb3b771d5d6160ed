package dev.provenant.analyst;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provenant.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Every caller's own analyst query history: each query run through {@link CypherConsoleService} (the API and
 * the Cypher page alike), answered or refused, newest {@value #KEEP} per caller name. Callers only ever read
 * their own.
 */
@ApplicationScoped
public class QueryHistory {

    /** Entries kept per caller; older ones are deleted as new ones arrive. */
    public static final int KEEP = 50;
    /** Longest query text kept; history is for reloading queries, not for archiving dumps. */
    static final int MAX_QUERY_TEXT = 20_000;

    private static final Logger LOG = Logger.getLogger(QueryHistory.class);

    private final QueryHistoryRepository repository;
    private final ObjectMapper json;

    public QueryHistory(QueryHistoryRepository repository, ObjectMapper json) {
        this.repository = repository;
        this.json = json;
    }

    void on(@Observes AnalystQueryExecuted event) {
        if (event.caller() == null) {
            return;
        }
        String query = event.query() == null || event.query().length() <= MAX_QUERY_TEXT ? event.query()
                : event.query().substring(0, MAX_QUERY_TEXT);
        QueryHistoryEntry entry = new QueryHistoryEntry(UUID.randomUUID().toString(), query, event.libraryQuery(),
                parametersJson(event), event.at().atOffset(ZoneOffset.UTC), event.outcome(), event.rows(),
                event.elapsedMs());
        try {
            repository.record(event.caller().name(), event.caller().tokenId(), entry, KEEP);
        } catch (RuntimeException e) {
            // The query itself was answered; a history that could not be written must not turn it into an error.
            LOG.warnf(e, "Could not record the query of %s in its history", event.caller().name());
        }
    }

    /** The caller's history, newest first. */
    public List<QueryHistoryEntry> of(Caller caller) {
        return repository.find(caller.name(), KEEP);
    }

    /** One entry of the caller's own history; empty for an unknown id or someone else's entry. */
    public Optional<QueryHistoryEntry> entry(Caller caller, String id) {
        return id == null || id.isBlank() ? Optional.empty() : repository.find(caller.name(), id);
    }

    private String parametersJson(AnalystQueryExecuted event) {
        try {
            return json.writeValueAsString(event.parameters() == null ? java.util.Map.of() : event.parameters());
        } catch (JsonProcessingException e) {
            return "{}";
        }
    }
}

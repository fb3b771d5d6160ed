package dev.provenant.web.ui;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Entity reads behind the web UI pages: search, recent runs, dataset, job and run details, models.
 * Interim: these belong to the lineage (search, entities) and ml (models) features; the pages switch to
 * their services once those are on this branch, and this class and {@code cypher/web/} go away.
 */
@ApplicationScoped
public class Catalog {

    public record Hit(String kind, String namespace, String name, String field) {}

    public record Run(String runId, String state, String jobNamespace, String jobName, OffsetDateTime startedAt,
            OffsetDateTime endedAt, String access) {}

    public record Field(String path, String type, String description) {}

    public record Version(String version, OffsetDateTime firstSeen, String runId) {}

    public record Dataset(String namespace, String name, List<String> labels, Map<String, String> facets,
            List<Field> fields, List<Version> versions) {}

    public record Job(String namespace, String name, Map<String, String> facets, List<Run> runs) {}

    public record Io(String access, String namespace, String name, String version) {}

    public record RunDetail(List<Io> io, List<Run> children) {}

    public record Model(String namespace, String name) {}

    private final CatalogRepository repository;

    Catalog(CatalogRepository repository) {
        this.repository = repository;
    }

    /** Prefix search over names, namespaces and field paths; {@code kind} narrows to dataset, job, field or model. */
    public List<Hit> search(String text, String kind, int limit) {
        String query = luceneQuery(text);
        if (query.isEmpty()) {
            return List.of();
        }
        List<Hit> hits = repository.search(query, kind == null || kind.isBlank() ? limit : limit * 5);
        if (kind != null && !kind.isBlank()) {
            hits = hits.stream().filter(h -> h.kind().equals(kind)
                    || (kind.equals("dataset") && h.kind().equals("model"))).limit(limit).toList();
        }
        return hits;
    }

    public List<Run> recentRuns(int limit) {
        return repository.recentRuns(limit);
    }

    public Optional<Dataset> dataset(String namespace, String name) {
        return repository.dataset(namespace, name);
    }

    public List<Run> datasetRuns(String namespace, String name, int limit) {
        return repository.datasetRuns(namespace, name, limit);
    }

    public Optional<Job> job(String namespace, String name, int runs) {
        return repository.job(namespace, name, runs);
    }

    public RunDetail runDetail(String runId) {
        return repository.runDetail(runId);
    }

    public List<Model> models(int limit) {
        return repository.models(limit);
    }

    /**
     * Every term of the user's text, Lucene-escaped, matched anywhere inside a token (names such as
     * {@code lake.customers} are one token); all terms must match.
     */
    static String luceneQuery(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder query = new StringBuilder();
        for (String term : text.strip().split("[\\s]+")) {
            if (term.isEmpty()) {
                continue;
            }
            StringBuilder escaped = new StringBuilder();
            for (char c : term.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
                if ("+-&|!(){}[]^\"~*?:\\/".indexOf(c) >= 0) {
                    escaped.append('\\');
                }
                escaped.append(c);
            }
            query.append(query.isEmpty() ? "" : " AND ").append('*').append(escaped).append('*');
        }
        return query.toString();
    }
}

package dev.provenant.web.ui;

import dev.provenant.lineage.EntityService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Entity reads behind the web UI pages: search (the lineage feature's), recent runs, dataset, job and run
 * details, models. The detail reads of {@code cypher/web/} are interim: they move to the lineage and ml
 * features' services ({@code EntityService}, {@code ModelService}) page by page.
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
    private final EntityService entities;

    Catalog(CatalogRepository repository, EntityService entities) {
        this.repository = repository;
        this.entities = entities;
    }

    /** Search by the lineage feature's full-text search; {@code kind} narrows to dataset, job, field or model. */
    public List<Hit> search(String text, String kind, int limit) {
        return entities.search(text, kind, limit).stream()
                .map(h -> new Hit(h.type(), h.namespace(), h.name(), h.field())).toList();
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
}

package dev.provenant.lineage;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Datasets, jobs and search for callers outside the lineage package (the web UI reads through this). */
@ApplicationScoped
public class EntityService {

    private final EntityRepository entities;
    private final SearchRepository search;

    EntityService(EntityRepository entities, SearchRepository search) {
        this.entities = entities;
        this.search = search;
    }

    public Optional<DatasetView> dataset(String namespace, String name) {
        return entities.dataset(namespace, name);
    }

    public Optional<JobView> job(String namespace, String name) {
        return entities.job(namespace, name);
    }

    /** Names matched by their parts, best first; {@code type} is dataset, field, job, model or null for all. */
    public List<SearchResults.Hit> search(String text, String type, int limit) {
        String query = SearchQuery.lucene(text);
        return query == null ? List.of() : search.search(query, type, limit);
    }
}

package dev.provenant.analyst;

import dev.provenant.neo4j.CypherCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The curated analyst queries of {@code cypher/analyst/}, read and their headers checked at start-up. */
@ApplicationScoped
public class QueryLibrary {

    /** Every library file, in the order the library lists them; QueryLibraryTest holds it to the directory. */
    static final List<String> FILES = List.of(
            "analyst/find_raw_email_datasets",
            "analyst/find_downstream_of_dataset",
            "analyst/find_models_trained_on_pii",
            "analyst/find_depseudonymising_jobs",
            "analyst/find_unwritten_datasets",
            "analyst/find_longest_lineage_chains",
            "analyst/find_fan_in_hotspots",
            "analyst/find_failed_runs",
            "analyst/find_changed_field_lineage");

    private final Map<String, LibraryQuery> queries = new LinkedHashMap<>();

    public QueryLibrary(CypherCatalog cypher) {
        for (String file : FILES) {
            String id = file.substring("analyst/".length());
            queries.put(id, LibraryHeaders.parse(id, cypher.get(file)));
        }
    }

    public List<LibraryQuery> all() {
        return List.copyOf(queries.values());
    }

    public Optional<LibraryQuery> find(String id) {
        return Optional.ofNullable(queries.get(id));
    }
}

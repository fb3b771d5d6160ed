package dev.provenant.lineage;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** Full-text search hits, best first. */
public record SearchResults(List<Hit> results) {

    /** {@code type} is dataset, field, job or model; {@code field} is the path of a field hit. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Hit(String type, String namespace, String name, String field, double score) {}
}

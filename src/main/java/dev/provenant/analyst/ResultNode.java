package dev.provenant.analyst;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/** A node in a query answer: Neo4j's element id, its labels (sorted) and properties (sorted by key). */
@JsonPropertyOrder({"id", "labels", "properties"})
public record ResultNode(String id, List<String> labels, Map<String, Object> properties) {}

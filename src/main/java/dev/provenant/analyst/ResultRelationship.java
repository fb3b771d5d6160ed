package dev.provenant.analyst;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/** A relationship in a query answer: element id, type, the element ids of its start and end nodes, properties. */
@JsonPropertyOrder({"id", "type", "start", "end", "properties"})
public record ResultRelationship(String id, String type, String start, String end, Map<String, Object> properties) {}

package dev.provenant.analyst;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** A path in a query answer: its nodes in order and the relationships between them. */
@JsonPropertyOrder({"nodes", "relationships"})
public record ResultPath(List<ResultNode> nodes, List<ResultRelationship> relationships) {}

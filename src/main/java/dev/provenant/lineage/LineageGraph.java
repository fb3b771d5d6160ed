package dev.provenant.lineage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The answer of a lineage query: nodes, edges in flow direction (upstream to downstream), and whether a
 * cap (depth, maxNodes, per-node fan-out) left part of the lineage out.
 */
public record LineageGraph(List<Node> nodes, List<Edge> edges, @JsonProperty("isPartial") boolean isPartial) {

    /** A dataset, job or field; {@code field} is set for fields, {@code model}/{@code feature} for ML datasets. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Node(String id, String type, String namespace, String name, String field, Boolean model,
            Boolean feature) {}

    /**
     * Dataset lineage edges have type INPUT_TO or OUTPUTS; column lineage edges have type DIRECT or INDIRECT
     * with their subtype, masking and the job that produced them.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Edge(String from, String to, String type, String subtype, Boolean masking, RunView.JobRef job,
            boolean current) {}
}

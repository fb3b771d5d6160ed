package dev.provenant.web.graph;

import java.util.List;

/**
 * What a lineage drawing shows, independent of where it came from (the lineage page, the Cypher console):
 * boxes, the groups that hold them (datasets around their fields in the column view) and the arrows between
 * them. Text is plain; the renderer escapes it.
 */
public record GraphView(List<Node> nodes, List<Edge> edges, List<Group> groups, String label) {

    public GraphView {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
        groups = List.copyOf(groups);
    }

    /**
     * A box. {@code kind} is dataset, job, field or model; {@code badge} is a short text shown in the box
     * (the PII state, so that state never relies on colour alone) and {@code styleClass} extra CSS classes
     * (for example {@code pii-raw}). {@code actions} are links drawn beside the box (expand upstream or
     * downstream).
     */
    public record Node(String id, String kind, String title, String subtitle, String href, String detail,
            String badge, String styleClass, String group, boolean selected, boolean highlighted,
            List<Action> actions) {

        public Node {
            actions = actions == null ? List.of() : List.copyOf(actions);
        }
    }

    /** A group box (a dataset holding its fields). */
    public record Group(String id, String title, String href, String detail) {}

    /** An arrow in flow direction; {@code label} is drawn on it (the FEEDS subtype), stale edges are dashed. */
    public record Edge(String from, String to, String label, String detail, boolean stale, boolean highlighted,
            String styleClass) {}

    /**
     * A link on a node. {@code href} is a full page (works without JavaScript); {@code fragmentHref}, when
     * set, is fetched by htmx and swapped into {@code #lineage-graph} instead.
     */
    public record Action(String symbol, String label, String href, String fragmentHref, boolean upstream) {}
}

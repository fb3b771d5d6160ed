package dev.provenant.web.ui;

import dev.provenant.lineage.LineageQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parameters of {@code /lineage}, validated, and the URLs of the same page with one thing changed (the
 * controls, "go deeper", "show more", expanding a node). {@code expand} holds {@code up:<nodeId>} or
 * {@code down:<nodeId>} for every node expanded in place.
 */
record LineageRequest(LineageQuery.EntityType type, String namespace, String name, String field,
        LineageQuery.Direction direction, int depth, int maxNodes, boolean includeStale, String view,
        List<String> expand, boolean collapseJobs) {

    static final int DEFAULT_DEPTH = 4;
    static final int DEFAULT_MAX_NODES = 200;
    static final int MAX_NODES = 5000;
    static final int MAX_DEPTH = 20;
    static final List<String> VIEWS = List.of("graph", "columns", "pii");

    LineageRequest {
        expand = expand == null ? List.of() : List.copyOf(expand);
    }

    static LineageRequest parse(String type, String namespace, String name, String field, String direction,
            Integer depth, Integer maxNodes, boolean includeStale, String view, List<String> expand,
            boolean collapseJobs) {
        LineageQuery.EntityType entity;
        try {
            entity = LineageQuery.EntityType.valueOf(type == null ? "DATASET" : type.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new PageException(400, "Unknown type", "type must be dataset, job or field");
        }
        if (namespace == null || namespace.isBlank() || name == null || name.isBlank()) {
            throw new PageException(400, "Missing parameters", "namespace and name are required");
        }
        if (entity == LineageQuery.EntityType.FIELD && (field == null || field.isBlank())) {
            throw new PageException(400, "Missing parameters", "field is required for type=field");
        }
        LineageQuery.Direction dir;
        try {
            dir = LineageQuery.Direction.valueOf(direction == null || direction.isBlank() ? "BOTH"
                    : direction.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new PageException(400, "Unknown direction", "direction must be upstream, downstream or both");
        }
        String v = view == null || view.isBlank() ? "graph" : view.strip().toLowerCase(Locale.ROOT);
        if (!VIEWS.contains(v)) {
            throw new PageException(400, "Unknown view", "view must be graph, columns or pii");
        }
        int d = depth == null ? DEFAULT_DEPTH : Math.max(0, Math.min(MAX_DEPTH, depth));
        int m = maxNodes == null ? DEFAULT_MAX_NODES : Math.max(1, Math.min(MAX_NODES, maxNodes));
        List<String> ex = expand == null ? List.of() : expand.stream().filter(e -> e != null
                && (e.startsWith("up:") || e.startsWith("down:"))).distinct().limit(50).toList();
        return new LineageRequest(entity, namespace, name, entity == LineageQuery.EntityType.FIELD ? field : null,
                dir, d, m, includeStale, v, ex, collapseJobs);
    }

    String typeName() {
        return type.name().toLowerCase(Locale.ROOT);
    }

    /** Jobs drawn as labelled edges between the datasets they connect (dataset views only). */
    boolean jobsCollapsed() {
        return collapseJobs && !columns() && type != LineageQuery.EntityType.JOB;
    }

    boolean columns() {
        return type == LineageQuery.EntityType.FIELD || view.equals("columns")
                || (view.equals("pii") && type != LineageQuery.EntityType.JOB && field != null);
    }

    String page() {
        return url("/lineage", params());
    }

    String fragment() {
        return url("/lineage/graph", params());
    }

    LineageRequest withExpanded(String entry) {
        List<String> more = new ArrayList<>(expand);
        if (!more.contains(entry)) {
            more.add(entry);
        }
        return new LineageRequest(type, namespace, name, field, direction, depth, maxNodes, includeStale, view, more,
                collapseJobs);
    }

    LineageRequest withDepth(int newDepth) {
        return new LineageRequest(type, namespace, name, field, direction, Math.min(MAX_DEPTH, newDepth), maxNodes,
                includeStale, view, expand, collapseJobs);
    }

    LineageRequest withMaxNodes(int newMax) {
        return new LineageRequest(type, namespace, name, field, direction, depth, Math.min(MAX_NODES, newMax),
                includeStale, view, expand, collapseJobs);
    }

    LineageRequest withStale(boolean stale) {
        return new LineageRequest(type, namespace, name, field, direction, depth, maxNodes, stale, view, expand,
                collapseJobs);
    }

    LineageRequest withView(String newView) {
        return new LineageRequest(type, namespace, name, field, direction, depth, maxNodes, includeStale, newView,
                List.of(), collapseJobs);
    }

    String json() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", typeName());
        p.put("namespace", namespace);
        p.put("name", name);
        p.put("field", field);
        p.put("direction", direction.name());
        p.put("depth", String.valueOf(depth));
        p.put("maxNodes", String.valueOf(maxNodes));
        p.put("includeStale", includeStale ? "true" : null);
        return Links.url("/api/v1/lineage", p);
    }

    private Map<String, Object> params() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", typeName());
        p.put("namespace", namespace);
        p.put("name", name);
        p.put("field", field);
        p.put("direction", direction.name().toLowerCase(Locale.ROOT));
        p.put("depth", String.valueOf(depth));
        p.put("view", view.equals("graph") ? null : view);
        p.put("maxNodes", maxNodes == DEFAULT_MAX_NODES ? null : String.valueOf(maxNodes));
        p.put("includeStale", includeStale ? "true" : null);
        p.put("collapseJobs", collapseJobs ? "true" : null);
        p.put("expand", expand);
        return p;
    }

    private static String url(String path, Map<String, Object> params) {
        return Links.url(path, params);
    }
}

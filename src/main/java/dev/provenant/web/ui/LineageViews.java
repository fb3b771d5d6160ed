package dev.provenant.web.ui;

import dev.provenant.lineage.LineageGraph;
import dev.provenant.lineage.LineageQuery;
import dev.provenant.lineage.LineageService;
import dev.provenant.web.ApiException;
import dev.provenant.web.graph.GraphView;
import dev.provenant.web.graph.SvgLineageRenderer;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the lineage page's drawing from the lineage service: the start's lineage, plus one more step
 * around every node expanded in place; in the column view, the column lineage of every field of the
 * dataset with fields grouped in their datasets; in the PII view, every box labelled with its PII state
 * and the selected field's evidence path highlighted.
 */
@ApplicationScoped
public class LineageViews {

    /** A column view follows at most this many fields of the start dataset. */
    static final int MAX_COLUMN_FIELDS = 80;

    private final LineageService lineage;
    private final Catalog catalog;
    private final PiiLookup pii;
    private final SvgLineageRenderer renderer = new SvgLineageRenderer();

    public LineageViews(LineageService lineage, Catalog catalog, PiiLookup pii) {
        this.lineage = lineage;
        this.catalog = catalog;
        this.pii = pii;
    }

    /** Nodes and edges gathered from one or more lineage answers. */
    static final class Merged {
        final Map<String, LineageGraph.Node> nodes = new LinkedHashMap<>();
        final Set<LineageGraph.Edge> edges = new LinkedHashSet<>();
        boolean partial;
        String startId;
        final List<String> notices = new ArrayList<>();

        void add(LineageGraph graph) {
            graph.nodes().forEach(n -> nodes.putIfAbsent(n.id(), n));
            edges.addAll(graph.edges());
            partial |= graph.isPartial();
        }
    }

    Merged gather(LineageRequest request) {
        Merged merged = new Merged();
        boolean columnsOfDataset = request.columns() && request.type() == LineageQuery.EntityType.DATASET;
        if (request.view().equals("columns") && request.type() == LineageQuery.EntityType.JOB) {
            merged.notices.add("The column view needs a dataset or a field; this is the dataset view of the job.");
        }
        if (columnsOfDataset) {
            Catalog.Dataset dataset = catalog.dataset(request.namespace(), request.name())
                    .orElseThrow(() -> new PageException(404, "Dataset not found",
                            "No dataset " + request.namespace() + " / " + request.name()));
            int fieldDepth = Math.max(1, (request.depth() + 1) / 2);
            List<Catalog.Field> fields = dataset.fields();
            if (fields.isEmpty()) {
                merged.notices.add("No fields are known for this dataset (its events carried no schema facet).");
            }
            if (fields.size() > MAX_COLUMN_FIELDS) {
                merged.notices.add("Showing the lineage of the first " + MAX_COLUMN_FIELDS + " of " + fields.size()
                        + " fields.");
                merged.partial = true;
                fields = fields.subList(0, MAX_COLUMN_FIELDS);
            }
            for (Catalog.Field f : fields) {
                merged.add(lineage.lineage(new LineageQuery(LineageQuery.EntityType.FIELD, request.namespace(),
                        request.name(), f.path(), request.direction(), fieldDepth, request.maxNodes(),
                        request.includeStale(), null)));
            }
            merged.startId = datasetId(request.namespace(), request.name());
        } else {
            LineageGraph graph = lineage.lineage(new LineageQuery(request.type(), request.namespace(), request.name(),
                    request.field(), request.direction(), request.depth(), request.maxNodes(), request.includeStale(),
                    null));
            merged.startId = graph.nodes().isEmpty() ? null : graph.nodes().get(0).id();
            merged.add(graph);
        }
        boolean fields = request.columns();
        for (String entry : request.expand()) {
            boolean up = entry.startsWith("up:");
            Optional<String[]> key = parseId(entry.substring(up ? 3 : 5));
            if (key.isEmpty() || (key.get()[0].equals("field") != fields)) {
                continue;
            }
            String[] k = key.get();
            LineageQuery.EntityType type = LineageQuery.EntityType.valueOf(k[0].toUpperCase(Locale.ROOT));
            try {
                merged.add(lineage.lineage(new LineageQuery(type, k[1], k[2], k.length > 3 ? k[3] : null,
                        up ? LineageQuery.Direction.UPSTREAM : LineageQuery.Direction.DOWNSTREAM, fields ? 1 : 2,
                        request.maxNodes(), request.includeStale(), null)));
            } catch (ApiException gone) {
                merged.notices.add("A node asked to be expanded is no longer known.");
            }
        }
        if (merged.nodes.size() > request.maxNodes()) {
            List<String> keep = merged.nodes.keySet().stream().limit(request.maxNodes()).toList();
            merged.nodes.keySet().retainAll(new HashSet<>(keep));
            merged.edges.removeIf(e -> !merged.nodes.containsKey(e.from()) || !merged.nodes.containsKey(e.to()));
            merged.partial = true;
        }
        return merged;
    }

    Views.LineageFragment fragment(LineageRequest request) {
        Merged merged = gather(request);
        if (request.jobsCollapsed()) {
            collapseJobs(merged);
        }
        boolean piiView = request.view().equals("pii") && pii.available();
        Map<String, Optional<PiiLookup.DatasetPii>> piiCache = new HashMap<>();
        Set<String> highlightedEdges = new HashSet<>();
        Set<String> highlightedNodes = new HashSet<>();
        List<Views.EvidenceRow> evidence = new ArrayList<>();
        if (piiView && request.field() != null) {
            evidence(request, merged, piiCache, highlightedEdges, highlightedNodes, evidence);
        }

        Set<String> hasIncoming = new HashSet<>();
        Set<String> hasOutgoing = new HashSet<>();
        merged.edges.forEach(e -> {
            hasOutgoing.add(e.from());
            hasIncoming.add(e.to());
        });
        Set<String> expanded = new HashSet<>(request.expand());

        List<GraphView.Node> nodes = new ArrayList<>();
        Map<String, GraphView.Group> groups = new LinkedHashMap<>();
        List<Views.TableRow> rows = new ArrayList<>();
        for (LineageGraph.Node n : merged.nodes.values()) {
            String kind = Boolean.TRUE.equals(n.model()) ? "model" : n.type();
            String state = piiView ? state(n, piiCache) : null;
            String group = null;
            if (n.field() != null) {
                group = datasetId(n.namespace(), n.name());
                groups.putIfAbsent(group, new GraphView.Group(group, n.name(), Links.dataset(n.namespace(), n.name()),
                        "dataset " + n.namespace() + " / " + n.name()));
            }
            List<GraphView.Action> actions = new ArrayList<>();
            String upHref = null;
            String downHref = null;
            if (!hasIncoming.contains(n.id()) && !expanded.contains("up:" + n.id())
                    && request.direction() != LineageQuery.Direction.DOWNSTREAM) {
                LineageRequest more = request.withExpanded("up:" + n.id());
                upHref = more.page();
                actions.add(new GraphView.Action("+", "Expand upstream of " + label(n), upHref, more.fragment(), true));
            }
            if (!hasOutgoing.contains(n.id()) && !expanded.contains("down:" + n.id())
                    && request.direction() != LineageQuery.Direction.UPSTREAM) {
                LineageRequest more = request.withExpanded("down:" + n.id());
                downHref = more.page();
                actions.add(new GraphView.Action("+", "Expand downstream of " + label(n), downHref, more.fragment(),
                        false));
            }
            String centre = Links.lineage(n.type(), n.namespace(), n.name(), n.field(),
                    request.view().equals("graph") ? null : request.view());
            String detail = n.type() + " " + n.namespace() + " / " + n.name() + (n.field() == null ? "" : " / " + n.field())
                    + (state == null ? "" : " — PII state " + state) + " — open to centre the lineage here";
            nodes.add(new GraphView.Node(n.id(), kind, n.field() != null ? n.field() : n.name(), n.namespace(), centre,
                    detail, state, state == null ? null : "pii-" + state.toLowerCase(Locale.ROOT), group,
                    n.id().equals(merged.startId), highlightedNodes.contains(n.id()), actions));
            rows.add(new Views.TableRow(kind, label(n), state, n.field() != null ? centre
                    : Links.entity(kind, n.namespace(), n.name(), null), upHref, downHref));
        }
        // Parallel edges (one per FEEDS subtype, or per job when jobs are collapsed) become one arrow whose
        // label lists them all, so a column view stays legible.
        Map<String, List<LineageGraph.Edge>> parallel = new LinkedHashMap<>();
        for (LineageGraph.Edge e : merged.edges) {
            parallel.computeIfAbsent(e.from() + "→" + e.to(), k -> new ArrayList<>()).add(e);
        }
        List<GraphView.Edge> edges = new ArrayList<>();
        for (Map.Entry<String, List<LineageGraph.Edge>> entry : parallel.entrySet()) {
            List<String> labels = new ArrayList<>();
            List<String> details = new ArrayList<>();
            boolean allStale = true;
            boolean allIndirect = true;
            for (LineageGraph.Edge e : entry.getValue()) {
                boolean through = "JOB".equals(e.type());
                boolean column = !through && (e.subtype() != null || "DIRECT".equals(e.type())
                        || "INDIRECT".equals(e.type()));
                String label = through ? e.subtype()
                        : column ? e.subtype() + (Boolean.TRUE.equals(e.masking()) ? " (masked)" : "") : null;
                if (label != null && !labels.contains(label)) {
                    labels.add(label);
                }
                details.add(through ? "through job " + e.job().namespace() + " / " + e.job().name()
                        : column ? e.type() + " " + e.subtype() + (Boolean.TRUE.equals(e.masking()) ? ", masking" : "")
                        + (e.job() == null ? "" : " by job " + e.job().namespace() + " / " + e.job().name()) : e.type());
                allStale &= !e.current();
                allIndirect &= "INDIRECT".equals(e.type());
            }
            LineageGraph.Edge first = entry.getValue().get(0);
            edges.add(new GraphView.Edge(first.from(), first.to(), labels.isEmpty() ? null : String.join(", ", labels),
                    String.join("; ", details), allStale, highlightedEdges.contains(entry.getKey()),
                    allIndirect ? "indirect" : null));
        }
        String subject = request.typeName() + " " + request.name() + (request.field() == null ? "" : "." + request.field());
        GraphView view = new GraphView(nodes, edges, List.copyOf(groups.values()),
                "Lineage of " + subject + ": " + nodes.size() + " nodes, " + edges.size() + " edges");
        String svg = renderer.render(view);
        String notice = String.join(" ", merged.notices);
        if (request.view().equals("pii") && !pii.available()) {
            notice = (notice + " PII states are not available on this server yet: the graph is shown without them.")
                    .strip();
        }
        return new Views.LineageFragment(svg, nodes.size(), edges.size(), merged.partial,
                request.depth() < LineageRequest.MAX_DEPTH ? request.withDepth(request.depth() + 2).page() : null,
                request.maxNodes() < LineageRequest.MAX_NODES ? request.withMaxNodes(request.maxNodes() * 2).page() : null,
                request.withStale(!request.includeStale()).page(), notice.isEmpty() ? null : notice, rows, evidence);
    }

    /**
     * Replaces every job (but the start) by edges from each dataset it reads to each dataset it writes,
     * labelled with the job's name, so a large estate reads as datasets only.
     */
    static void collapseJobs(Merged merged) {
        List<LineageGraph.Node> jobs = merged.nodes.values().stream()
                .filter(n -> n.type().equals("job") && !n.id().equals(merged.startId)).toList();
        for (LineageGraph.Node job : jobs) {
            List<LineageGraph.Edge> in = merged.edges.stream().filter(e -> e.to().equals(job.id())).toList();
            List<LineageGraph.Edge> out = merged.edges.stream().filter(e -> e.from().equals(job.id())).toList();
            merged.edges.removeAll(in);
            merged.edges.removeAll(out);
            merged.nodes.remove(job.id());
            for (LineageGraph.Edge i : in) {
                for (LineageGraph.Edge o : out) {
                    merged.edges.add(new LineageGraph.Edge(i.from(), o.to(), "JOB", job.name(), null,
                            new dev.provenant.lineage.RunView.JobRef(job.namespace(), job.name()),
                            i.current() && o.current()));
                }
            }
        }
    }

    private void evidence(LineageRequest request, Merged merged, Map<String, Optional<PiiLookup.DatasetPii>> cache,
            Set<String> edges, Set<String> nodes, List<Views.EvidenceRow> rows) {
        Optional<PiiLookup.FieldPii> field = lookup(request.namespace(), request.name(), cache)
                .flatMap(d -> d.fields().stream().filter(f -> f.name().equals(request.field())).findFirst());
        if (field.isEmpty() || field.get().evidence() == null) {
            return;
        }
        for (PiiLookup.Hop hop : field.get().evidence()) {
            if (hop.from().field() == null || hop.to().field() == null) {
                // A dataset-level hop (the job reported no column lineage): listed, not drawn among fields.
                rows.add(new Views.EvidenceRow(hop.from().name(), hop.to().name(),
                        hop.job() == null ? "" : hop.job().namespace() + " / " + hop.job().name(), hop.type(),
                        hop.subtype() == null ? "" : hop.subtype(), Boolean.TRUE.equals(hop.masking()) ? "yes" : "no",
                        Links.dataset(hop.from().namespace(), hop.from().name())));
                continue;
            }
            String from = fieldId(hop.from());
            String to = fieldId(hop.to());
            // The evidence path may reach further upstream than the depth asked for: draw it all.
            merged.nodes.putIfAbsent(from, new LineageGraph.Node(from, "field", hop.from().namespace(),
                    hop.from().name(), hop.from().field(), null, null));
            merged.nodes.putIfAbsent(to, new LineageGraph.Node(to, "field", hop.to().namespace(), hop.to().name(),
                    hop.to().field(), null, null));
            boolean drawn = merged.edges.stream().anyMatch(e -> e.from().equals(from) && e.to().equals(to));
            if (!drawn) {
                merged.edges.add(new LineageGraph.Edge(from, to, hop.type(), hop.subtype(), hop.masking(),
                        hop.job() == null ? null : new dev.provenant.lineage.RunView.JobRef(hop.job().namespace(),
                                hop.job().name()), true));
            }
            edges.add(from + "→" + to);
            nodes.add(from);
            nodes.add(to);
            rows.add(new Views.EvidenceRow(hop.from().name() + "." + hop.from().field(),
                    hop.to().name() + "." + hop.to().field(),
                    hop.job() == null ? "" : hop.job().namespace() + " / " + hop.job().name(), hop.type(), hop.subtype(),
                    Boolean.TRUE.equals(hop.masking()) ? "yes" : "no",
                    Links.lineage("field", hop.from().namespace(), hop.from().name(), hop.from().field(), "pii")));
        }
    }

    private String state(LineageGraph.Node n, Map<String, Optional<PiiLookup.DatasetPii>> cache) {
        if (n.type().equals("job")) {
            return null;
        }
        Optional<PiiLookup.DatasetPii> dataset = lookup(n.namespace(), n.name(), cache);
        if (n.field() == null) {
            return dataset.map(d -> d.state() == null ? "CLEAR" : d.state()).orElse("CLEAR");
        }
        return dataset.flatMap(d -> d.fields().stream().filter(f -> f.name().equals(n.field())).findFirst())
                .map(f -> f.state() == null ? "CLEAR" : f.state()).orElse("CLEAR");
    }

    private Optional<PiiLookup.DatasetPii> lookup(String namespace, String name,
            Map<String, Optional<PiiLookup.DatasetPii>> cache) {
        return cache.computeIfAbsent(namespace + "\u0000" + name, k -> pii.dataset(namespace, name));
    }

    private static String label(LineageGraph.Node n) {
        return n.namespace() + " / " + n.name() + (n.field() == null ? "" : " / " + n.field());
    }

    /** The ids the lineage service gives its nodes: kind, then the URL-encoded parts, joined by colons. */
    static String datasetId(String namespace, String name) {
        return "dataset:" + enc(namespace) + ":" + enc(name);
    }

    static String fieldId(PiiLookup.Ref ref) {
        return "field:" + enc(ref.namespace()) + ":" + enc(ref.name()) + ":" + enc(ref.field());
    }

    /** [kind, namespace, name(, field)] of a node id, or empty when it is not one. */
    static Optional<String[]> parseId(String id) {
        String[] parts = id.split(":", -1);
        if (parts.length < 3 || parts.length > 4 || !List.of("dataset", "job", "field").contains(parts[0])
                || (parts[0].equals("field") != (parts.length == 4))) {
            return Optional.empty();
        }
        String[] decoded = new String[parts.length];
        decoded[0] = parts[0];
        for (int i = 1; i < parts.length; i++) {
            decoded[i] = URLDecoder.decode(parts[i], StandardCharsets.UTF_8);
        }
        return Optional.of(decoded);
    }

    private static String enc(String part) {
        return URLEncoder.encode(part, StandardCharsets.UTF_8);
    }
}

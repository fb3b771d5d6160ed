package dev.provenant.lineage;

import dev.provenant.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Directed lineage traversal, one level per query: UPSTREAM only ever follows flow edges backwards and
 * DOWNSTREAM forwards (BOTH is the union of the two walks, never a sideways hop). Cycles end at nodes
 * already seen; supernodes are cut at a per-node fan-out cap; the answer stops at maxNodes. Any cut sets
 * isPartial.
 */
@ApplicationScoped
public class LineageService {

    /** Most neighbours taken from one node per level: a dataset read by thousands of jobs stays cheap. */
    static final int MAX_FAN_OUT = 1000;

    private final LineageGraphRepository repository;

    public LineageService(LineageGraphRepository repository) {
        this.repository = repository;
    }

    public LineageGraph lineage(LineageQuery query) {
        LineageGraphRepository.Start start = repository.start(query.type(), query.namespace(), query.name(),
                        query.field())
                .orElseThrow(() -> ApiException.notFound("no " + query.type().label() + " " + describe(query)));
        Traversal traversal = new Traversal(query);
        traversal.add(start.id(), node(query.type() == LineageQuery.EntityType.FIELD, start.labels(), start.namespace(),
                start.name(), start.field()));
        if (query.direction() != LineageQuery.Direction.DOWNSTREAM) {
            traversal.walk(start.id(), true);
        }
        if (query.direction() != LineageQuery.Direction.UPSTREAM) {
            traversal.walk(start.id(), false);
        }
        return new LineageGraph(List.copyOf(traversal.nodes.values()), List.copyOf(traversal.edges), traversal.partial);
    }

    private final class Traversal {
        private final LineageQuery query;
        private final boolean fields;
        private final int fanOut;
        private final Map<String, LineageGraph.Node> nodes = new LinkedHashMap<>();
        private final Set<LineageGraph.Edge> edges = new LinkedHashSet<>();
        private boolean partial;

        Traversal(LineageQuery query) {
            this.query = query;
            this.fields = query.type() == LineageQuery.EntityType.FIELD;
            this.fanOut = Math.min(MAX_FAN_OUT, query.maxNodes());
        }

        void add(String elementId, LineageGraph.Node node) {
            nodes.put(elementId, node);
        }

        void walk(String startId, boolean upstream) {
            Set<String> visited = new HashSet<>(Set.of(startId));
            List<String> frontier = List.of(startId);
            for (int level = 1; level <= query.depth() && !frontier.isEmpty(); level++) {
                frontier = step(frontier, upstream, visited);
            }
            if (!frontier.isEmpty() && !partial) {
                // Depth reached: is there anything beyond it?
                partial = repository.expand(fields, upstream, frontier, 1, query.includeStale(), query.asOf()).stream()
                        .anyMatch(hop -> !visited.contains(hop.id()));
            }
        }

        private List<String> step(List<String> frontier, boolean upstream, Set<String> visited) {
            List<LineageGraphRepository.Hop> hops = repository.expand(fields, upstream, frontier, fanOut + 1,
                    query.includeStale(), query.asOf());
            Map<String, Integer> perNode = new LinkedHashMap<>();
            List<String> next = new ArrayList<>();
            for (LineageGraphRepository.Hop hop : hops) {
                if (perNode.merge(hop.fromId(), 1, Integer::sum) > fanOut) {
                    partial = true;
                    continue;
                }
                if (!nodes.containsKey(hop.id())) {
                    if (nodes.size() >= query.maxNodes()) {
                        partial = true;
                        continue;
                    }
                    nodes.put(hop.id(), node(fields, hop.labels(), hop.namespace(), hop.name(), hop.field()));
                }
                if (visited.add(hop.id())) {
                    next.add(hop.id());
                }
                String from = upstream ? hop.id() : hop.fromId();
                String to = upstream ? hop.fromId() : hop.id();
                edges.add(new LineageGraph.Edge(nodes.get(from).id(), nodes.get(to).id(), hop.type(), hop.subtype(),
                        hop.masking(), hop.jobName() == null ? null : new RunView.JobRef(hop.jobNamespace(), hop.jobName()),
                        hop.current()));
            }
            return next;
        }
    }

    static LineageGraph.Node node(boolean field, List<String> labels, String namespace, String name,
            String path) {
        if (field) {
            return new LineageGraph.Node("field:" + enc(namespace) + ":" + enc(name) + ":" + enc(path), "field",
                    namespace, name, path, null, null);
        }
        boolean job = labels.contains("Job");
        String type = job ? "job" : "dataset";
        return new LineageGraph.Node(type + ":" + enc(namespace) + ":" + enc(name), type, namespace, name, null,
                job ? null : labels.contains("Model"), job ? null : labels.contains("Feature"));
    }

    private static String enc(String part) {
        return URLEncoder.encode(part, StandardCharsets.UTF_8);
    }

    private static String describe(LineageQuery query) {
        return query.namespace() + " / " + query.name() + (query.field() == null ? "" : " / " + query.field());
    }
}

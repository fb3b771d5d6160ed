package dev.provenant.lineage;

import dev.provenant.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shortest flow path between two nodes by bidirectional, level-by-level breadth-first search: downstream from
 * {@code from} and upstream from {@code to}, always growing the smaller frontier, one bounded Cypher query per
 * level (the same per-node fan-out cap as traversal). It stops when the two searches meet or when their depths
 * add up to maxDepth, so its cost is bounded on cycles and supernodes alike.
 */
@ApplicationScoped
public class LineagePathService {

    private final LineageGraphRepository repository;

    public LineagePathService(LineageGraphRepository repository) {
        this.repository = repository;
    }

    public LineageGraph path(PathQuery query) {
        LineageGraphRepository.Start from = start(query.from(), "from");
        LineageGraphRepository.Start to = start(query.to(), "to");
        boolean fields = query.fields();
        if (from.id().equals(to.id())) {
            return new LineageGraph(List.of(node(fields, from)), List.of(), false);
        }
        Search forward = new Search(from.id(), false);
        Search backward = new Search(to.id(), true);
        int fanOut = LineageService.MAX_FAN_OUT;
        boolean partial = false;
        while (forward.depth + backward.depth < query.maxDepth()
                && !forward.frontier.isEmpty() && !backward.frontier.isEmpty()) {
            Search grow = forward.frontier.size() <= backward.frontier.size() ? forward : backward;
            Search other = grow == forward ? backward : forward;
            List<LineageGraphRepository.Hop> hops = repository.expand(fields, grow.upstream, grow.frontier,
                    fanOut + 1, query.includeStale(), query.asOf());
            Map<String, Integer> perNode = new HashMap<>();
            List<String> next = new ArrayList<>();
            String meet = null;
            int best = Integer.MAX_VALUE;
            for (LineageGraphRepository.Hop hop : hops) {
                if (perNode.merge(hop.fromId(), 1, Integer::sum) > fanOut) {
                    partial = true;
                    continue;
                }
                if (grow.reached.containsKey(hop.id())) {
                    continue;
                }
                grow.reached.put(hop.id(), new Step(hop.fromId(), hop, grow.depth + 1));
                next.add(hop.id());
                Step there = other.reached.get(hop.id());
                if (there != null && grow.depth + 1 + there.depth() < best) {
                    best = grow.depth + 1 + there.depth();
                    meet = hop.id();
                }
            }
            grow.frontier = next;
            grow.depth++;
            if (meet != null) {
                return assemble(fields, meet, forward, backward, from, to, partial);
            }
        }
        String why = partial ? " (the per-node fan-out cap of " + fanOut + " left some lineage unexplored)" : "";
        throw new ApiException(404, "no_path", "no flow path from " + query.from().describe() + " to "
                + query.to().describe() + " within " + query.maxDepth() + " edges" + why, null);
    }

    /** How a search reached a node: the node it came from, over which hop, at which depth. */
    private record Step(String previous, LineageGraphRepository.Hop hop, int depth) {}

    private static final class Search {
        final boolean upstream;
        final Map<String, Step> reached = new LinkedHashMap<>();
        List<String> frontier;
        int depth;

        Search(String startId, boolean upstream) {
            this.upstream = upstream;
            this.frontier = List.of(startId);
            reached.put(startId, new Step(null, null, 0));
        }
    }

    private LineageGraph assemble(boolean fields, String meet, Search forward, Search backward,
            LineageGraphRepository.Start from, LineageGraphRepository.Start to, boolean partial) {
        // Hops in flow order: walk the downstream search back to the start, then the upstream search on to the end.
        Deque<LineageGraphRepository.Hop> before = new ArrayDeque<>();
        for (Step s = forward.reached.get(meet); s.previous() != null; s = forward.reached.get(s.previous())) {
            before.addFirst(s.hop());
        }
        List<LineageGraphRepository.Hop> after = new ArrayList<>();
        for (Step s = backward.reached.get(meet); s.previous() != null; s = backward.reached.get(s.previous())) {
            after.add(s.hop());
        }
        List<LineageGraph.Node> nodes = new ArrayList<>();
        List<LineageGraph.Edge> edges = new ArrayList<>();
        LineageGraph.Node current = node(fields, from);
        nodes.add(current);
        for (LineageGraphRepository.Hop hop : before) {
            // Downstream hop: fromId is the node before, id the node after.
            LineageGraph.Node next = node(fields, hop);
            edges.add(edge(current, next, hop));
            nodes.add(next);
            current = next;
        }
        for (LineageGraphRepository.Hop hop : after) {
            // Upstream hop: id is the node before (already added), fromId the node after.
            LineageGraph.Node next = hop.fromId().equals(to.id())
                    ? node(fields, to) : node(fields, backward.reached.get(hop.fromId()).hop());
            edges.add(edge(current, next, hop));
            nodes.add(next);
            current = next;
        }
        // A cap that cut the search may have hidden a shorter path: isPartial says so.
        return new LineageGraph(nodes, edges, partial);
    }

    private LineageGraphRepository.Start start(PathQuery.Endpoint endpoint, String side) {
        return repository.start(endpoint.type(), endpoint.namespace(), endpoint.name(), endpoint.field())
                .orElseThrow(() -> new ApiException(404, "not_found", "unknown " + side + " endpoint: no "
                        + endpoint.describe(), side + "Name"));
    }

    private static LineageGraph.Node node(boolean fields, LineageGraphRepository.Start start) {
        return LineageService.node(fields, start.labels(), start.namespace(), start.name(), start.field());
    }

    private static LineageGraph.Node node(boolean fields, LineageGraphRepository.Hop hop) {
        return LineageService.node(fields, hop.labels(), hop.namespace(), hop.name(), hop.field());
    }

    private static LineageGraph.Edge edge(LineageGraph.Node from, LineageGraph.Node to, LineageGraphRepository.Hop hop) {
        return new LineageGraph.Edge(from.id(), to.id(), hop.type(), hop.subtype(), hop.masking(),
                hop.jobName() == null ? null : new RunView.JobRef(hop.jobNamespace(), hop.jobName()), hop.current());
    }
}

package dev.provenant.pii;

import dev.provenant.pii.PiiRefs.Declaration;
import dev.provenant.pii.PiiRefs.FieldRef;
import dev.provenant.pii.PiiRefs.Hop;
import dev.provenant.pii.PiiRefs.JobRef;
import dev.provenant.pii.PiiRefs.Verdict;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An in-memory region of the lineage graph and the pure propagation over it (no database).
 *
 * <p>Nodes are fields, plus one node per dataset that takes part in dataset-only lineage. Edges are
 * current FEEDS hops (capped by {@link PiiState#capOf}) and, for a job that reported no column lineage
 * for an output, hops from every field of every input to the output (capped at POSSIBLE). A field's
 * state is the most severe state any path from a declaration lets through, where a path lets through
 * the weakest cap on it. It is computed one level at a time, most severe first: a field is at least
 * level L exactly when a declaration reaches it using only hops whose cap is at least L, so one
 * breadth-first walk per level over those hops finds both the state and the shortest path to it (the
 * evidence). Visited sets end every walk, so cycles terminate. Categories are the union over every
 * declaration that reaches the field at all.
 */
final class PropagationGraph {

    private record Edge(int from, int to, PiiState cap, int weight, Hop hop) {}

    private final Set<JobRef> barriers;
    private final Map<FieldRef, Integer> ids = new HashMap<>();
    private final List<FieldRef> refs = new ArrayList<>();
    private final List<Edge> edges = new ArrayList<>();
    private final Set<FieldRef> directInputs = new HashSet<>();
    private final Set<FieldRef> notPersonal = new HashSet<>();
    private final Map<FieldRef, Declaration> declarations = new HashMap<>();

    PropagationGraph(Collection<JobRef> barriers) {
        this.barriers = Set.copyOf(barriers);
    }

    int node(FieldRef ref) {
        return ids.computeIfAbsent(ref, r -> {
            refs.add(r);
            return refs.size() - 1;
        });
    }

    /** A current column lineage hop. Barred jobs let nothing through, but their lineage still counts as lineage. */
    void feeds(FieldRef from, FieldRef to, JobRef job, String type, String subtype, boolean masking) {
        if (!"INDIRECT".equalsIgnoreCase(type)) {
            directInputs.add(to);
        }
        int f = node(from);
        int t = node(to);
        if (barriers.contains(job)) {
            return;
        }
        edges.add(new Edge(f, t, PiiState.capOf(type, subtype, masking), 1,
                new Hop(from, to, job, type, subtype, masking)));
    }

    /**
     * A job read {@code inputFields} (and the input dataset itself) and wrote the output without
     * reporting column lineage for it: whatever personal data the input holds may be anywhere in the
     * output. Modelled as input -> output dataset node (one hop) -> each output field (no extra hop).
     */
    void datasetLineage(FieldRef input, List<FieldRef> inputFields, JobRef job, FieldRef output,
            List<FieldRef> outputFields) {
        if (barriers.contains(job)) {
            return;
        }
        int out = node(output.datasetRef());
        for (FieldRef from : concat(input.datasetRef(), inputFields)) {
            edges.add(new Edge(node(from), out, PiiState.POSSIBLE, 1,
                    new Hop(from, output.datasetRef(), job, "DATASET", null, false)));
        }
        for (FieldRef field : outputFields) {
            edges.add(new Edge(out, node(field), PiiState.POSSIBLE, 0, null));
        }
    }

    /** Whether current DIRECT column lineage leads into the field: then lineage, not its name, decides. */
    boolean hasDirectInput(FieldRef field) {
        return directInputs.contains(field);
    }

    void declare(Declaration declaration) {
        node(declaration.field());
        declarations.put(declaration.field(), declaration);
    }

    /** A steward's false-positive override: the field is not personal and passes nothing on. */
    void notPersonal(FieldRef field) {
        node(field);
        notPersonal.add(field);
    }

    Map<FieldRef, Verdict> propagate() {
        int n = refs.size();
        List<List<Edge>> out = adjacency(n);
        boolean[] blocked = new boolean[n];
        notPersonal.forEach(r -> blocked[ids.get(r)] = true);
        int[] sources = declarations.keySet().stream().sorted(FieldRef.ORDER).mapToInt(ids::get)
                .filter(i -> !blocked[i]).toArray();

        PiiState[] state = new PiiState[n];
        Arrays.fill(state, PiiState.CLEAR);
        List<List<Hop>> evidence = new ArrayList<>(Collections.nCopies(n, List.of()));
        int[] dist = new int[n];
        Edge[] pred = new Edge[n];
        for (PiiState level : PiiState.LEVELS) {
            Arrays.fill(dist, -1);
            Arrays.fill(pred, null);
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            for (int s : sources) {
                dist[s] = 0;
                queue.addLast(s);
            }
            // 0-1 breadth-first search: hops into a dataset's own fields cost nothing.
            while (!queue.isEmpty()) {
                int u = queue.pollFirst();
                for (Edge e : out.get(u)) {
                    if (!e.cap().atLeast(level) || blocked[e.to()]) {
                        continue;
                    }
                    int d = dist[u] + e.weight();
                    if (dist[e.to()] == -1 || d < dist[e.to()]) {
                        dist[e.to()] = d;
                        pred[e.to()] = e;
                        if (e.weight() == 0) {
                            queue.addFirst(e.to());
                        } else {
                            queue.addLast(e.to());
                        }
                    }
                }
            }
            for (int v = 0; v < n; v++) {
                if (dist[v] >= 0 && state[v] == PiiState.CLEAR) {
                    state[v] = level;
                    evidence.set(v, path(v, pred, n));
                }
            }
        }

        List<String> categoryNames = new ArrayList<>(new TreeSet<>(declarations.values().stream()
                .flatMap(d -> d.categories().stream()).toList()));
        BitSet[] categories = categories(out, blocked, sources, categoryNames);
        Map<FieldRef, Verdict> verdicts = new LinkedHashMap<>();
        for (int v = 0; v < n; v++) {
            FieldRef ref = refs.get(v);
            if (state[v] == PiiState.CLEAR) {
                verdicts.put(ref, Verdict.CLEAR);
                continue;
            }
            List<String> names = categories[v].stream().mapToObj(categoryNames::get).toList();
            Declaration declared = declarations.get(ref);
            verdicts.put(ref, new Verdict(state[v], names, evidence.get(v), declared == null ? null : declared.source()));
        }
        return verdicts;
    }

    Set<FieldRef> notPersonalFields() {
        return Collections.unmodifiableSet(notPersonal);
    }

    /** Outgoing edges per node, in a fixed order so that ties between equally short paths break the same way. */
    private List<List<Edge>> adjacency(int n) {
        List<List<Edge>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new ArrayList<>());
        }
        Comparator<Edge> order = Comparator.comparing((Edge e) -> refs.get(e.to()), FieldRef.ORDER)
                .thenComparing(e -> e.hop() == null ? "" : e.hop().job().namespace() + '\u0000' + e.hop().job().name())
                .thenComparing(e -> e.hop() == null ? "" : e.hop().type() + '\u0000' + e.hop().subtype());
        edges.stream().sorted(order).forEach(e -> out.get(e.from()).add(e));
        return out;
    }

    /** Walks the search tree back to the declaration; a dataset-node step folds into the hop before it. */
    private List<Hop> path(int v, Edge[] pred, int n) {
        List<Hop> hops = new ArrayList<>();
        FieldRef foldedTo = null;
        int guard = 0;
        for (Edge e = pred[v]; e != null && guard++ <= n; e = pred[e.from()]) {
            if (e.hop() == null) {
                foldedTo = refs.get(e.to());
                continue;
            }
            Hop hop = e.hop();
            if (foldedTo != null) {
                hop = new Hop(hop.from(), foldedTo, hop.job(), hop.type(), hop.subtype(), hop.masking());
                foldedTo = null;
            }
            hops.add(hop);
        }
        Collections.reverse(hops);
        return List.copyOf(hops);
    }

    private BitSet[] categories(List<List<Edge>> out, boolean[] blocked, int[] sources, List<String> names) {
        int n = refs.size();
        BitSet[] bits = new BitSet[n];
        for (int i = 0; i < n; i++) {
            bits[i] = new BitSet();
        }
        ArrayDeque<Integer> work = new ArrayDeque<>();
        for (int s : sources) {
            for (String category : declarations.get(refs.get(s)).categories()) {
                bits[s].set(names.indexOf(category));
            }
            work.add(s);
        }
        // Bits only ever grow, so each node is re-queued at most once per category: this ends on cycles.
        while (!work.isEmpty()) {
            int u = work.poll();
            for (Edge e : out.get(u)) {
                if (blocked[e.to()]) {
                    continue;
                }
                BitSet merged = (BitSet) bits[e.to()].clone();
                merged.or(bits[u]);
                if (!merged.equals(bits[e.to()])) {
                    bits[e.to()] = merged;
                    work.add(e.to());
                }
            }
        }
        return bits;
    }

    private static List<FieldRef> concat(FieldRef first, List<FieldRef> rest) {
        List<FieldRef> all = new ArrayList<>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all;
    }
}

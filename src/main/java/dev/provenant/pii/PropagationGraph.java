package dev.provenant.pii;

import dev.provenant.pii.PiiRefs.Declaration;
import dev.provenant.pii.PiiRefs.FieldRef;
import dev.provenant.pii.PiiRefs.Hop;
import dev.provenant.pii.PiiRefs.JobRef;
import dev.provenant.pii.PiiRefs.Trail;
import dev.provenant.pii.PiiRefs.Verdict;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
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
 * declaration that reaches the field at all; per category the walk also keeps the shortest distance from
 * a declaration of it ({@link #categoryDistances}). Stored with the verdicts, those distances let an
 * incremental update tell a category still carried from one that only a cycle fed back to itself: every
 * quantity stored is then a shortest distance (or the path chosen among the shortest), and shortest
 * distances are the only values consistent with their neighbours' ({@link Relaxation}).
 *
 * <p>Among equally short paths the one chosen does not depend on the order of the walk: a node keeps the
 * incoming hop from the most severe source, then the one that sorts first (source field, job, type, subtype). That makes a path the same whether the
 * whole graph is walked or only a region downstream of a change, where the fields just upstream of the
 * region enter as <em>seeds</em>: their stored verdict and, per less severe state, their stored shortest
 * path ({@link Trail}), so a walk through them continues exactly the path a full walk would find.
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
    private final Map<FieldRef, Seed> seeds = new HashMap<>();
    private final Map<FieldRef, List<Trail>> trails = new HashMap<>();
    private final Map<FieldRef, List<Integer>> categoryDistances = new HashMap<>();

    /** A node just upstream of the region, entering with what a previous walk stored for it. */
    private record Seed(PiiState state, List<String> categories, List<Integer> distances, List<Hop> evidence,
            List<Trail> trail) {

        /** The stored distance from a declaration of the category; verdicts stored without them use the evidence's. */
        int distance(int category) {
            return distances == null || distances.size() != categories.size() ? evidence.size()
                    : distances.get(category);
        }

        /** The stored shortest path at {@code level}: the entry of the least severe state at or above it. */
        List<Hop> pathAt(PiiState level) {
            if (!state.atLeast(level)) {
                return null;
            }
            List<Hop> path = evidence;
            for (Trail t : trail) {
                if (t.state().atLeast(level)) {
                    path = t.evidence();
                }
            }
            return path;
        }
    }

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
        // A field of the input carries whatever its dataset node does, at no greater distance; the dataset
        // node is a source of its own only when the dataset has no known fields.
        for (FieldRef from : inputFields.isEmpty() ? List.of(input.datasetRef()) : inputFields) {
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

    /** A node just upstream of the region with its stored (non-CLEAR) verdict and trail. */
    void seed(FieldRef ref, PiiState state, List<String> categories, List<Hop> evidence, List<Trail> trail) {
        seed(ref, state, categories, null, evidence, trail);
    }

    /** As {@link #seed(FieldRef, PiiState, List, List, List)}, with the stored distance per category. */
    void seed(FieldRef ref, PiiState state, List<String> categories, List<Integer> distances, List<Hop> evidence,
            List<Trail> trail) {
        if (state == PiiState.CLEAR) {
            return;
        }
        node(ref);
        seeds.put(ref, new Seed(state, List.copyOf(categories), distances == null ? null : List.copyOf(distances),
                List.copyOf(evidence), List.copyOf(trail)));
    }

    /**
     * After {@link #propagate}: per non-CLEAR node, the length of the shortest path from a declaration of
     * each of its categories, in the order of {@link Verdict#categories()}.
     */
    Map<FieldRef, List<Integer>> categoryDistances() {
        return Collections.unmodifiableMap(categoryDistances);
    }

    /** After {@link #propagate}: per field, its shortest paths at less severe states where they differ. */
    Map<FieldRef, List<Trail>> trails() {
        return Collections.unmodifiableMap(trails);
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
        List<List<Hop>> recorded = new ArrayList<>(Collections.nCopies(n, (List<Hop>) null));
        int[] dist = new int[n];
        Edge[] pred = new Edge[n];
        List<Hop>[] prefix = newPrefixes(n);
        trails.clear();
        for (PiiState level : PiiState.LEVELS) {
            Arrays.fill(dist, -1);
            Arrays.fill(pred, null);
            Arrays.fill(prefix, null);
            Buckets queue = new Buckets();
            for (int s : sources) {
                dist[s] = 0;
                queue.add(0, s);
            }
            seeds.forEach((ref, seed) -> {
                int s = ids.get(ref);
                List<Hop> path = seed.pathAt(level);
                if (path != null && !blocked[s] && dist[s] == -1) {
                    dist[s] = path.size();
                    prefix[s] = path;
                    queue.add(path.size(), s);
                }
            });
            // Dial's algorithm: hops into a dataset's own fields cost nothing, every other hop one.
            for (int u = queue.poll(dist); u >= 0; u = queue.poll(dist)) {
                for (Edge e : out.get(u)) {
                    if (!e.cap().atLeast(level) || blocked[e.to()]) {
                        continue;
                    }
                    int d = dist[u] + e.weight();
                    if (dist[e.to()] == -1 || d < dist[e.to()]) {
                        dist[e.to()] = d;
                        pred[e.to()] = e;
                        queue.add(d, e.to());
                    } else if (d == dist[e.to()] && pred[e.to()] != null && before(e, pred[e.to()], state, level)) {
                        pred[e.to()] = e;
                    }
                }
            }
            for (int v = 0; v < n; v++) {
                if (dist[v] < 0) {
                    continue;
                }
                List<Hop> path = path(v, pred, prefix, n);
                if (state[v] == PiiState.CLEAR) {
                    state[v] = level;
                    evidence.set(v, path);
                    recorded.set(v, path);
                } else if (!path.equals(recorded.get(v))) {
                    trails.computeIfAbsent(refs.get(v), r -> new ArrayList<>()).add(new Trail(level, path));
                    recorded.set(v, path);
                }
            }
        }

        Set<String> allCategories = new TreeSet<>();
        declarations.values().forEach(d -> allCategories.addAll(d.categories()));
        seeds.values().forEach(seed -> allCategories.addAll(seed.categories()));
        List<String> categoryNames = new ArrayList<>(allCategories);
        int[][] reach = categoryDistances(out, blocked, sources, categoryNames);
        categoryDistances.clear();
        Map<FieldRef, Verdict> verdicts = new LinkedHashMap<>();
        for (int v = 0; v < n; v++) {
            FieldRef ref = refs.get(v);
            if (state[v] == PiiState.CLEAR) {
                verdicts.put(ref, Verdict.CLEAR);
                continue;
            }
            List<String> names = new ArrayList<>();
            List<Integer> distances = new ArrayList<>();
            for (int c = 0; c < categoryNames.size(); c++) {
                if (reach[c][v] >= 0) {
                    names.add(categoryNames.get(c));
                    distances.add(reach[c][v]);
                }
            }
            categoryDistances.put(ref, List.copyOf(distances));
            Declaration declared = declarations.get(ref);
            verdicts.put(ref, new Verdict(state[v], List.copyOf(names), evidence.get(v),
                    declared == null ? null : declared.source()));
        }
        return verdicts;
    }

    Set<FieldRef> notPersonalFields() {
        return Collections.unmodifiableSet(notPersonal);
    }

    /** Outgoing edges per node. Their order does not matter: ties between paths break by {@link #before}. */
    private List<List<Edge>> adjacency(int n) {
        List<List<Edge>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new ArrayList<>());
        }
        edges.forEach(e -> out.get(e.from()).add(e));
        return out;
    }

    /**
     * Walks the search tree back to the declaration (or to a seed, whose stored path comes first); a
     * dataset-node step folds into the hop before it.
     */
    private List<Hop> path(int v, Edge[] pred, List<Hop>[] prefix, int n) {
        List<Hop> hops = new ArrayList<>();
        FieldRef foldedTo = null;
        int guard = 0;
        int root = v;
        for (Edge e = pred[v]; e != null && guard++ <= n; e = pred[e.from()]) {
            root = e.from();
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
        if (prefix[root] != null && !prefix[root].isEmpty()) {
            List<Hop> whole = new ArrayList<>(prefix[root]);
            whole.addAll(hops);
            return List.copyOf(whole);
        }
        return List.copyOf(hops);
    }

    /**
     * Whether hop {@code a} is preferred to {@code b} among equally short ways into the same node: from the
     * field with the more severe state of its own (a raw copy says more than a join key), then by source
     * field, job, type and subtype. States of more severe levels are final by now; a node first reached at
     * this level will have the level's state.
     */
    private boolean before(Edge a, Edge b, PiiState[] state, PiiState level) {
        PiiState sa = state[a.from()] == PiiState.CLEAR ? level : state[a.from()];
        PiiState sb = state[b.from()] == PiiState.CLEAR ? level : state[b.from()];
        if (sa != sb) {
            return sa.atLeast(sb);
        }
        int c = FieldRef.ORDER.compare(refs.get(a.from()), refs.get(b.from()));
        if (c != 0) {
            return c < 0;
        }
        return hopKey(a).compareTo(hopKey(b)) < 0;
    }

    private static String hopKey(Edge e) {
        Hop h = e.hop();
        return h == null ? "" : h.job().namespace() + '\u0000' + h.job().name() + '\u0000' + h.type() + '\u0000'
                + h.subtype() + '\u0000' + h.masking();
    }

    @SuppressWarnings("unchecked")
    private static List<Hop>[] newPrefixes(int n) {
        return (List<Hop>[]) new List<?>[n];
    }

    /** Nodes by distance for Dial's algorithm; an entry whose node has since got closer is skipped. */
    private static final class Buckets {
        private final List<ArrayDeque<Integer>> byDistance = new ArrayList<>();
        private int current;

        void add(int distance, int node) {
            while (byDistance.size() <= distance) {
                byDistance.add(new ArrayDeque<>());
            }
            byDistance.get(distance).addLast(node);
            current = Math.min(current, distance);
        }

        /** The next node at its final distance, or -1 when none is left. */
        int poll(int[] dist) {
            while (current < byDistance.size()) {
                ArrayDeque<Integer> bucket = byDistance.get(current);
                while (!bucket.isEmpty()) {
                    int node = bucket.pollFirst();
                    if (dist[node] == current) {
                        return node;
                    }
                }
                current++;
            }
            return -1;
        }
    }

    /**
     * Per category, each node's distance from the nearest declaration of it (-1: not reached), over every
     * hop a walk may take (Dial's algorithm again: a seed enters at its stored distance).
     */
    private int[][] categoryDistances(List<List<Edge>> out, boolean[] blocked, int[] sources, List<String> names) {
        int n = refs.size();
        int[][] distances = new int[names.size()][];
        for (int c = 0; c < names.size(); c++) {
            String name = names.get(c);
            int[] dist = new int[n];
            Arrays.fill(dist, -1);
            Buckets queue = new Buckets();
            for (int s : sources) {
                if (declarations.get(refs.get(s)).categories().contains(name)) {
                    dist[s] = 0;
                    queue.add(0, s);
                }
            }
            seeds.forEach((ref, seed) -> {
                int s = ids.get(ref);
                int k = seed.categories().indexOf(name);
                if (k >= 0 && !blocked[s] && (dist[s] == -1 || seed.distance(k) < dist[s])) {
                    dist[s] = seed.distance(k);
                    queue.add(dist[s], s);
                }
            });
            for (int u = queue.poll(dist); u >= 0; u = queue.poll(dist)) {
                for (Edge e : out.get(u)) {
                    int d = dist[u] + e.weight();
                    if (!blocked[e.to()] && (dist[e.to()] == -1 || d < dist[e.to()])) {
                        dist[e.to()] = d;
                        queue.add(d, e.to());
                    }
                }
            }
            distances[c] = dist;
        }
        return distances;
    }

}

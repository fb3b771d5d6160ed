package dev.provenant.pii;

import dev.provenant.pii.PiiRefs.DatasetRef;
import dev.provenant.pii.PiiRefs.FieldRef;
import dev.provenant.pii.PiiRefs.Hop;
import dev.provenant.pii.PiiRefs.JobRef;
import dev.provenant.pii.PiiRefs.Trail;
import dev.provenant.pii.PiiRefs.Verdict;
import dev.provenant.pii.PiiRepository.DatasetRow;
import dev.provenant.pii.PiiRepository.DatasetVerdictRow;
import dev.provenant.pii.PiiRepository.FieldRow;
import dev.provenant.pii.PiiRepository.FieldVerdictRow;
import dev.provenant.pii.PiiRepository.Region;
import dev.provenant.pii.PiiRepository.StoredVerdict;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Propagates over a region and gives the verdicts of its target datasets (and their fields) as they are
 * stored: all of them ({@link #each}, for verdicts over history, which are never stored), or only those
 * that differ from what the region says is stored ({@link #compute}: what a full recompute, a region
 * update and each wave of a {@link Relaxation} write). Pure: no database.
 */
final class RegionVerdicts {

    /** The verdicts to store: only those that differ from the stored ones. */
    record Changes(List<FieldVerdictRow> fields, List<DatasetVerdictRow> datasets) {}

    /** Receives each target's verdict in stored form, with the row it was computed for. */
    interface Sink {
        void field(FieldRow row, StoredVerdict verdict);

        void dataset(DatasetRow row, StoredVerdict verdict);
    }

    private RegionVerdicts() {}

    static Changes compute(Region region, Set<DatasetRef> targets, Collection<JobRef> barriers,
            Optional<NameRules> rules) {
        List<FieldVerdictRow> fieldRows = new ArrayList<>();
        List<DatasetVerdictRow> datasetRows = new ArrayList<>();
        each(region, targets, barriers, rules, new Sink() {
            @Override
            public void field(FieldRow row, StoredVerdict verdict) {
                if (!verdict.equals(row.stored())) {
                    fieldRows.add(new FieldVerdictRow(row.field(), verdict));
                }
            }

            @Override
            public void dataset(DatasetRow row, StoredVerdict verdict) {
                if (!verdict.equals(row.stored())) {
                    datasetRows.add(new DatasetVerdictRow(row.dataset(), verdict));
                }
            }
        });
        return new Changes(fieldRows, datasetRows);
    }

    /** Every target field's verdict (fields in {@link FieldRef#ORDER} where personal), then every target dataset's. */
    static void each(Region region, Set<DatasetRef> targets, Collection<JobRef> barriers, Optional<NameRules> rules,
            Sink sink) {
        PropagationGraph graph = RegionGraphs.declared(region, barriers, rules);
        Map<FieldRef, Verdict> verdicts = graph.propagate();
        Map<FieldRef, List<Trail>> trails = graph.trails();
        Map<FieldRef, List<Integer>> distances = graph.categoryDistances();

        EvidenceJson json = new EvidenceJson();
        Map<DatasetRef, Verdict> rolledUp = new HashMap<>();
        Map<DatasetRef, Map<String, Integer>> rolledUpDistances = new HashMap<>();
        Set<DatasetRef> withFields = new HashSet<>();
        // Personal fields roll up in a fixed order (a dataset's evidence is its first worst field's); CLEAR ones add
        // nothing to a roll-up, so the hundreds of thousands of them need no sorting.
        Predicate<FieldRow> personal = row -> verdicts.getOrDefault(row.field(), Verdict.CLEAR).state() != PiiState.CLEAR;
        List<FieldRow> fields = Stream.concat(
                region.fields().stream().filter(personal).sorted(Comparator.comparing(FieldRow::field, FieldRef.ORDER)),
                region.fields().stream().filter(personal.negate())).toList();
        for (FieldRow row : fields) {
            DatasetRef dataset = row.field().dataset();
            if (!targets.contains(dataset)) {
                continue;
            }
            withFields.add(dataset);
            Verdict verdict = verdicts.getOrDefault(row.field(), Verdict.CLEAR);
            rolledUp.merge(dataset, verdict, PiiPropagator::rollUp);
            nearest(rolledUpDistances, dataset, verdict, distances.get(row.field()));
            String source = RegionGraphs.sourceOf(region, row.field(), verdict, graph.notPersonalFields());
            sink.field(row, stored(verdict, distances.get(row.field()), source, trails.get(row.field()), json));
        }
        for (DatasetRow row : region.datasets()) {
            if (!targets.contains(row.dataset())) {
                continue;
            }
            FieldRef node = FieldRef.dataset(row.dataset().namespace(), row.dataset().name());
            Verdict own = verdicts.getOrDefault(node, Verdict.CLEAR);
            nearest(rolledUpDistances, row.dataset(), own, distances.get(node));
            Verdict verdict = PiiPropagator.rollUp(own, rolledUp.getOrDefault(row.dataset(), Verdict.CLEAR));
            Map<String, Integer> nearest = rolledUpDistances.getOrDefault(row.dataset(), Map.of());
            List<Integer> rolledDistances = verdict.categories().stream().map(nearest::get).toList();
            // A dataset without fields enters later regions as a node of its own, trail and all.
            List<Trail> trail = withFields.contains(row.dataset()) ? null : trails.get(node);
            sink.dataset(row, stored(verdict, rolledDistances, null, trail, json));
        }
    }

    /** A verdict as stored: CLEAR is all null. */
    private static StoredVerdict stored(Verdict verdict, List<Integer> distances, String source, List<Trail> trail,
            EvidenceJson json) {
        if (verdict.state() == PiiState.CLEAR) {
            return new StoredVerdict(null, null, null, source, null, null);
        }
        return new StoredVerdict(verdict.state().property(), verdict.categories(), json.of(verdict.evidence()),
                source, PiiPropagator.trailJson(trail), distances == null ? List.of() : distances);
    }

    /**
     * Evidence as the JSON {@link PiiPropagator#evidenceJson} writes, built from each hop's JSON once: the paths
     * of a region share most of their hops, and a dataset's evidence is the very list of one of its fields.
     * Serialising every path hop by hop was a quarter of a full recompute's propagation time.
     */
    static final class EvidenceJson {
        private final Map<Hop, String> hops = new HashMap<>();
        private final Map<List<Hop>, String> paths = new IdentityHashMap<>();

        String of(List<Hop> evidence) {
            return paths.computeIfAbsent(evidence, path -> {
                StringBuilder json = new StringBuilder(path.size() * 256).append('[');
                for (int i = 0; i < path.size(); i++) {
                    json.append(i == 0 ? "" : ",").append(hops.computeIfAbsent(path.get(i), PiiPropagator::json));
                }
                return json.append(']').toString();
            });
        }
    }

    private static void nearest(Map<DatasetRef, Map<String, Integer>> into, DatasetRef dataset, Verdict verdict,
            List<Integer> distances) {
        if (distances == null) {
            return;
        }
        Map<String, Integer> nearest = into.computeIfAbsent(dataset, k -> new TreeMap<>());
        for (int i = 0; i < distances.size(); i++) {
            nearest.merge(verdict.categories().get(i), distances.get(i), Math::min);
        }
    }
}

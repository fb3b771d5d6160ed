package dev.provenant.pii;

import dev.provenant.pii.PiiRefs.DatasetRef;
import dev.provenant.pii.PiiRefs.FieldRef;
import dev.provenant.pii.PiiRefs.JobRef;
import dev.provenant.pii.PiiRepository.DatasetRow;
import dev.provenant.pii.PiiRepository.DatasetVerdictRow;
import dev.provenant.pii.PiiRepository.FieldRow;
import dev.provenant.pii.PiiRepository.FieldVerdictRow;
import dev.provenant.pii.PiiRepository.Region;
import dev.provenant.pii.PiiRepository.StoredVerdict;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An incremental update that walks only as far as verdicts actually change.
 *
 * <p>It recomputes the changed datasets first (a <em>wave</em>: the datasets as a region, seeded with
 * the current verdicts of the fields just upstream), then the datasets holding the fields that the
 * changed fields feed, and so on until a wave changes nothing. Nothing is written until the end, so a
 * later wave reads earlier waves' results from memory.
 *
 * <p>Why that gives what a full recompute would: everything stored is a shortest distance (per state
 * level and per category, see {@link PropagationGraph}) or a path chosen among the shortest by a fixed
 * rule. Before the update every field's stored values agree with its inputs'; a wave makes its fields
 * agree with their inputs again, and whatever it changes sends the fields it feeds into the next wave. So
 * when the walk ends every field agrees with its inputs, and on a graph whose every cycle has a hop of
 * length one, shortest distances are the only values that do. What that argument needs, and what makes
 * the walk give up (and the caller fall back to recomputing the whole downstream region):
 * <ul>
 *   <li>a removed edge inside a cycle can leave values that only the cycle sustains; they then grow by the
 *       cycle's length on every turn, so a dataset visited more than {@link #MAX_VISITS} times ends the walk;
 *   <li>the walk does not model a job without column lineage into an output (every field of its inputs
 *       feeds every field of the output through the dataset): a wave that meets one ends the walk;
 *   <li>verdicts stored by a version that kept no category distances cannot be trusted;
 *   <li>past {@link #MAX_DATASETS_READ} datasets read, recomputing the region at once is cheaper.
 * </ul>
 */
final class Relaxation {

    /** How many times one dataset may be recomputed in one walk before a cycle is suspected. */
    static final int MAX_VISITS = 8;
    /** Datasets read (waves and their boundaries) before the walk hands over to a region recompute. */
    static final int MAX_DATASETS_READ = 20_000;

    /** What the walk reads from the graph. */
    interface Lineage {

        /** The datasets as a region, with the fields just upstream as its boundary (their stored verdicts). */
        Region region(List<DatasetRef> datasets);

        /**
         * The datasets holding fields the given fields feed by current column lineage, and the outputs of jobs
         * that read their datasets without reporting column lineage into that output.
         */
        List<DatasetRef> fedBy(List<FieldRef> fields);
    }

    /** The verdicts that changed, and how much was read to find them. */
    record Result(List<FieldVerdictRow> fields, List<DatasetVerdictRow> datasets, int datasetsRead, int waves) {}

    private final Lineage lineage;
    private final Collection<JobRef> barriers;
    private final Optional<NameRules> rules;
    private final Map<FieldRef, StoredVerdict> fields = new LinkedHashMap<>();
    private final Map<DatasetRef, StoredVerdict> datasets = new LinkedHashMap<>();

    Relaxation(Lineage lineage, Collection<JobRef> barriers, Optional<NameRules> rules) {
        this.lineage = lineage;
        this.barriers = barriers;
        this.rules = rules;
    }

    /**
     * Walks from the changed datasets; empty when the walk gave up (see the class comment). An instance
     * keeps what its walk computed, so it walks once.
     */
    Optional<Result> run(Collection<DatasetRef> changed) {
        Map<DatasetRef, Integer> visits = new HashMap<>();
        Set<DatasetRef> wave = new LinkedHashSet<>(changed);
        int read = 0;
        int waves = 0;
        while (!wave.isEmpty()) {
            for (DatasetRef d : wave) {
                if (visits.merge(d, 1, Integer::sum) > MAX_VISITS) {
                    return Optional.empty();
                }
            }
            Region region = lineage.region(List.copyOf(wave));
            read += region.datasets().size() + region.boundaryDatasets().size();
            waves++;
            if (!region.jobs().isEmpty() || read > MAX_DATASETS_READ) {
                return Optional.empty();
            }
            region = current(region);
            if (region.fields().stream().anyMatch(f -> f.stored().lacksDistances())
                    || region.boundaryFields().stream().anyMatch(f -> f.stored().lacksDistances())) {
                return Optional.empty();
            }
            RegionVerdicts.Changes changes = RegionVerdicts.compute(region, wave, barriers, rules);
            List<FieldRef> changedFields = new ArrayList<>();
            for (FieldVerdictRow row : changes.fields()) {
                fields.put(row.field(), row.verdict());
                changedFields.add(row.field());
            }
            changes.datasets().forEach(row -> datasets.put(row.dataset(), row.verdict()));
            wave = changedFields.isEmpty() ? Set.of() : new LinkedHashSet<>(lineage.fedBy(changedFields));
        }
        return Optional.of(new Result(
                fields.entrySet().stream().map(e -> new FieldVerdictRow(e.getKey(), e.getValue())).toList(),
                datasets.entrySet().stream().map(e -> new DatasetVerdictRow(e.getKey(), e.getValue())).toList(),
                read, waves));
    }

    /** The region with the verdicts earlier waves computed in place of the stored ones. */
    private Region current(Region region) {
        if (fields.isEmpty() && datasets.isEmpty()) {
            return region;
        }
        return new Region(datasets(region.datasets()), fields(region.fields()), region.feeds(), region.jobs(),
                region.declarations(), datasets(region.boundaryDatasets()), fields(region.boundaryFields()));
    }

    private List<FieldRow> fields(List<FieldRow> rows) {
        return rows.stream().map(r -> fields.containsKey(r.field()) ? new FieldRow(r.field(), fields.get(r.field())) : r)
                .toList();
    }

    private List<DatasetRow> datasets(List<DatasetRow> rows) {
        return rows.stream().map(r -> datasets.containsKey(r.dataset())
                ? new DatasetRow(r.dataset(), r.tags(), datasets.get(r.dataset())) : r).toList();
    }
}

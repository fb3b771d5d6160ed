package dev.provenant.pii;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provenant.pii.PiiRefs.DatasetRef;
import dev.provenant.pii.PiiRefs.Declaration;
import dev.provenant.pii.PiiRefs.FieldRef;
import dev.provenant.pii.PiiRefs.JobRef;
import dev.provenant.pii.PiiRepository.DeclarationRow;
import dev.provenant.pii.PiiRepository.FeedsRow;
import dev.provenant.pii.PiiRepository.JobRow;
import dev.provenant.pii.PiiRepository.Region;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a region read from the graph into a {@link PropagationGraph}: lineage hops, then declarations
 * in order of authority. A steward's word on a field beats the dataset's tags facet, which beats a
 * name rule; name rules only guess for fields without incoming DIRECT column lineage.
 */
final class RegionGraphs {

    static final String STEWARD = "STEWARD";
    static final String TAG = "TAG";
    static final String NAME_RULE = "NAME_RULE";
    /** Stored as the source of a field a steward (or a tag with value false) declared not personal. */
    static final String NOT_PERSONAL_SUFFIX = "_NOT_PERSONAL";

    private static final ObjectMapper JSON = new ObjectMapper();

    private RegionGraphs() {}

    /** The region's lineage only, with no declaration yet. */
    static PropagationGraph lineage(Region region, Collection<JobRef> barriers) {
        return lineage(region, barriers, false);
    }

    /**
     * The region's lineage; with {@code copiesOnly}, without the column hops that cannot carry a copy
     * of a value (INDIRECT hops and masking aggregations), for erasure reports.
     */
    static PropagationGraph lineage(Region region, Collection<JobRef> barriers, boolean copiesOnly) {
        PropagationGraph graph = new PropagationGraph(barriers);
        Map<DatasetRef, List<FieldRef>> fields = fieldsByDataset(region);
        region.datasets().forEach(d -> graph.node(FieldRef.dataset(d.dataset().namespace(), d.dataset().name())));
        region.boundaryDatasets().forEach(d -> graph.node(FieldRef.dataset(d.dataset().namespace(), d.dataset().name())));
        fields.values().forEach(list -> list.forEach(graph::node));
        for (FeedsRow feeds : region.feeds()) {
            if (copiesOnly && !PiiState.capOf(feeds.type(), feeds.subtype(), feeds.masking()).atLeast(PiiState.PSEUDONYMISED)) {
                continue;
            }
            graph.feeds(feeds.from(), feeds.to(), feeds.job(), feeds.type(), feeds.subtype(), feeds.masking());
        }
        // The region's job rows are only the steps without column lineage (find_region_jobs).
        for (JobRow job : region.jobs()) {
            graph.datasetLineage(FieldRef.dataset(job.input().namespace(), job.input().name()),
                    fields.getOrDefault(job.input(), List.of()), job.job(),
                    FieldRef.dataset(job.output().namespace(), job.output().name()),
                    fields.getOrDefault(job.output(), List.of()));
        }
        return graph;
    }

    /**
     * Lineage plus every declaration that applies (steward, tags facet, then name rules) on the region's
     * fields, and the boundary's stored verdicts as seeds. A boundary dataset is a seed of its own only
     * when it has no fields: otherwise its fields carry what it holds.
     */
    static PropagationGraph declared(Region region, Collection<JobRef> barriers, Optional<NameRules> rules) {
        PropagationGraph graph = lineage(region, barriers);
        for (PiiRepository.FieldRow row : region.boundaryFields()) {
            seed(graph, row.field(), row.stored());
        }
        Set<DatasetRef> withFields = new HashSet<>();
        region.boundaryFields().forEach(f -> withFields.add(f.field().dataset()));
        for (PiiRepository.DatasetRow row : region.boundaryDatasets()) {
            if (!withFields.contains(row.dataset())) {
                seed(graph, FieldRef.dataset(row.dataset().namespace(), row.dataset().name()), row.stored());
            }
        }
        Map<FieldRef, DeclarationRow> steward = new HashMap<>();
        region.declarations().forEach(d -> steward.put(d.field(), d));
        Map<FieldRef, String> tags = new LinkedHashMap<>();
        region.datasets().forEach(d -> tags.putAll(piiTags(d.dataset(), d.tags())));
        // Column names repeat across datasets (id, email, ...): each is matched against the rules once.
        Map<String, Optional<String>> guesses = new HashMap<>();
        for (PiiRepository.FieldRow row : region.fields()) {
            FieldRef field = row.field();
            DeclarationRow declaration = steward.get(field);
            if (declaration != null) {
                if (declaration.personal()) {
                    graph.declare(new Declaration(field, normalise(declaration.categories()), STEWARD));
                } else {
                    graph.notPersonal(field);
                }
                continue;
            }
            String tag = tags.get(field);
            Optional<String> guess = rules.isEmpty() ? Optional.empty()
                    : guesses.computeIfAbsent(field.field(), rules.get()::categoryOf);
            if (tag != null) {
                if (tag.equalsIgnoreCase("false")) {
                    graph.notPersonal(field);
                } else if (tag.equalsIgnoreCase("true")) {
                    graph.declare(new Declaration(field, guess.map(List::of).orElse(List.of()), TAG));
                } else {
                    graph.declare(new Declaration(field, normalise(Arrays.asList(tag.split("[,;]"))), TAG));
                }
                continue;
            }
            if (guess.isPresent() && !graph.hasDirectInput(field)) {
                graph.declare(new Declaration(field, List.of(guess.get()), NAME_RULE));
            }
        }
        return graph;
    }

    private static void seed(PropagationGraph graph, FieldRef ref, PiiRepository.StoredVerdict stored) {
        PiiState state = PiiState.fromProperty(stored.state());
        if (state != PiiState.CLEAR) {
            graph.seed(ref, state, stored.categories() == null ? List.of() : stored.categories(), stored.distances(),
                    PiiPropagator.evidence(stored.evidence()), PiiPropagator.trail(stored.trail()));
        }
    }

    /** How the field was declared, as stored in {@code piiSource}; null when it was not. */
    static String sourceOf(Region region, FieldRef field, PiiRefs.Verdict verdict, Set<FieldRef> notPersonal) {
        if (notPersonal.contains(field)) {
            boolean bySteward = region.declarations().stream().anyMatch(d -> d.field().equals(field));
            return (bySteward ? STEWARD : TAG) + NOT_PERSONAL_SUFFIX;
        }
        return verdict.source();
    }

    static List<String> normalise(Collection<String> categories) {
        return categories.stream().map(c -> c.strip().toUpperCase(Locale.ROOT)).filter(c -> !c.isEmpty()).distinct()
                .sorted().toList();
    }

    /**
     * The {@code pii} tags of a TagsDatasetFacet ({@code {"tags":[{"key":"pii","value":"true","field":"email"}]}})
     * by field. Tags without a field, and facets that are not well-formed, declare nothing.
     */
    static Map<FieldRef, String> piiTags(DatasetRef dataset, String facetJson) {
        Map<FieldRef, String> tags = new LinkedHashMap<>();
        if (facetJson == null) {
            return tags;
        }
        JsonNode facet;
        try {
            facet = JSON.readTree(facetJson);
        } catch (IOException e) {
            return tags;
        }
        JsonNode list = facet == null ? null : facet.get("tags");
        if (list == null || !list.isArray()) {
            return tags;
        }
        for (JsonNode tag : list) {
            String key = text(tag, "key");
            String field = text(tag, "field");
            String value = text(tag, "value");
            if (key != null && key.strip().equalsIgnoreCase("pii") && field != null && !field.isBlank()) {
                tags.put(new FieldRef(dataset.namespace(), dataset.name(), field),
                        value == null || value.isBlank() ? "true" : value.strip());
            }
        }
        return tags;
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node == null ? null : node.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Map<DatasetRef, List<FieldRef>> fieldsByDataset(Region region) {
        Map<DatasetRef, List<FieldRef>> fields = new HashMap<>();
        region.fields().forEach(f -> fields.computeIfAbsent(f.field().dataset(), k -> new ArrayList<>()).add(f.field()));
        region.boundaryFields().forEach(f -> fields.computeIfAbsent(f.field().dataset(), k -> new ArrayList<>())
                .add(f.field()));
        return fields;
    }
}

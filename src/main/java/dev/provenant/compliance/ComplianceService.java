package dev.provenant.compliance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.provenant.compliance.ComplianceViews.CategoryDataset;
import dev.provenant.compliance.ComplianceViews.CategoryField;
import dev.provenant.compliance.ComplianceViews.CategoryJob;
import dev.provenant.compliance.ComplianceViews.CategoryModel;
import dev.provenant.compliance.ComplianceViews.DataSource;
import dev.provenant.compliance.ComplianceViews.EntityKey;
import dev.provenant.compliance.ComplianceViews.ModelDocumentation;
import dev.provenant.compliance.ComplianceViews.ModelSection;
import dev.provenant.compliance.ComplianceViews.ProcessingRecord;
import dev.provenant.compliance.ComplianceViews.Transformations;
import dev.provenant.lineage.LineageGraph;
import dev.provenant.lineage.LineageQuery;
import dev.provenant.lineage.LineageService;
import dev.provenant.ml.ModelService;
import dev.provenant.ml.ModelViews.ModelDetail;
import dev.provenant.ml.ModelViews.UpstreamDataset;
import dev.provenant.pii.PiiService;
import dev.provenant.pii.PiiState;
import dev.provenant.pii.PiiViews.DeclarationView;
import dev.provenant.pii.PiiViews.ModelView;
import dev.provenant.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The compliance reports, assembled from what the ML, PII and lineage services already answer (so a
 * report never disagrees with the API it cites) plus owners and the category-wide reads and writes.
 */
@ApplicationScoped
public class ComplianceService {

    /** The audit scope walk: the one the model API uses (ten dataset hops, at most 2000 nodes). */
    static final int SCOPE_DEPTH = 20;
    static final int SCOPE_MAX_NODES = 2000;
    private static final Pattern CATEGORY = Pattern.compile("[A-Z0-9_]{1,64}");

    private final ModelService models;
    private final PiiService pii;
    private final LineageService lineage;
    private final ComplianceRepository repository;
    private final ObjectMapper json;

    public ComplianceService(ModelService models, PiiService pii, LineageService lineage,
            ComplianceRepository repository, ObjectMapper json) {
        this.models = models;
        this.pii = pii;
        this.lineage = lineage;
        this.repository = repository;
        this.json = json;
    }

    public ModelDocumentation modelDocumentation(String namespace, String name) {
        ModelDetail model = models.model(required(namespace, "namespace"), required(name, "name"));
        ModelView personal = pii.model(model.namespace(), model.name());
        List<EntityKey> datasets = new ArrayList<>();
        datasets.add(new EntityKey(model.namespace(), model.name()));
        for (UpstreamDataset d : model.upstream().datasets()) {
            datasets.add(new EntityKey(d.namespace(), d.name()));
        }
        List<DataSource> sources = repository.sources(datasets.subList(1, datasets.size())).stream()
                .map(s -> new DataSource(s.namespace(), s.name(), s.labels().contains("Model"),
                        s.labels().contains("Feature"), PiiState.fromProperty(s.piiState()).name(), s.piiCategories(),
                        owners(s.ownership()), parse(s.ownership())))
                .toList();
        return new ModelDocumentation(model.namespace(), model.name(), now(),
                new ModelSection(model.currentVersion(), model.feature(), model.facets()), model.upstream(), personal,
                sources, new Transformations(model.upstream().jobs(), model.codeVersions()), model.parameters(),
                model.metrics(), model.trainingRuns(), model.trainingJobs(), declarationsOn(datasets));
    }

    /** Stewards' declarations (personal or not) on fields of the given datasets. */
    List<DeclarationView> declarationsOn(List<EntityKey> datasets) {
        Set<EntityKey> scope = Set.copyOf(datasets);
        return pii.declarations().stream().filter(d -> scope.contains(new EntityKey(d.namespace(), d.name()))).toList();
    }

    public ProcessingRecord processingRecord(String category) {
        String normalised = required(category, "category").strip().toUpperCase(Locale.ROOT);
        if (!CATEGORY.matcher(normalised).matches()) {
            throw ApiException.badRequest("invalid_value",
                    "category must be letters, digits and underscores (e.g. EMAIL)", "category");
        }
        List<ComplianceRepository.CategoryDatasetRow> rows = repository.categoryDatasets(normalised);
        List<CategoryDataset> datasets = rows.stream().map(d -> new CategoryDataset(d.namespace(), d.name(),
                PiiState.fromProperty(d.state()).name(), d.labels().contains("Model"), owners(d.ownership()),
                d.fields().stream().map(f -> new CategoryField(f.path(), PiiState.fromProperty(f.state()).name(),
                        f.source())).toList())).toList();
        List<EntityKey> keys = rows.stream().map(d -> new EntityKey(d.namespace(), d.name())).toList();

        Map<EntityKey, Set<EntityKey>> reads = new TreeMap<>(KEY_ORDER);
        Map<EntityKey, Set<EntityKey>> writes = new TreeMap<>(KEY_ORDER);
        Map<EntityKey, Set<EntityKey>> trainedBy = new TreeMap<>(KEY_ORDER);
        Set<EntityKey> holding = new TreeSet<>(KEY_ORDER);
        rows.stream().filter(d -> d.labels().contains("Model"))
                .forEach(d -> holding.add(new EntityKey(d.namespace(), d.name())));
        holding.forEach(m -> trainedBy.put(m, new TreeSet<>(KEY_ORDER)));
        for (ComplianceRepository.JobLinkRow link : repository.datasetJobs(keys)) {
            boolean read = link.access().equals("READS");
            (read ? reads : writes).computeIfAbsent(link.job(), k -> new TreeSet<>(KEY_ORDER)).add(link.dataset());
            (read ? writes : reads).computeIfAbsent(link.job(), k -> new TreeSet<>(KEY_ORDER));
            if (read) {
                // A job that reads the category and outputs a model trains that model on it.
                link.models().forEach(m -> trainedBy.computeIfAbsent(m, k -> new TreeSet<>(KEY_ORDER)).add(link.job()));
            }
        }
        List<CategoryJob> jobs = reads.keySet().stream()
                .map(j -> new CategoryJob(j.namespace(), j.name(), List.copyOf(reads.get(j)), List.copyOf(writes.get(j))))
                .toList();
        List<CategoryModel> modelsList = trainedBy.entrySet().stream()
                .map(e -> new CategoryModel(e.getKey().namespace(), e.getKey().name(), holding.contains(e.getKey()),
                        List.copyOf(e.getValue())))
                .toList();
        return new ProcessingRecord(normalised, now(), datasets, jobs, modelsList);
    }

    static final java.util.Comparator<EntityKey> KEY_ORDER = java.util.Comparator.comparing(EntityKey::namespace)
            .thenComparing(EntityKey::name);

    /** The upstream walk of a dataset or model: what an audit package covers. */
    LineageGraph upstream(String namespace, String name) {
        return lineage.lineage(new LineageQuery(LineageQuery.EntityType.DATASET, namespace, name, null,
                LineageQuery.Direction.UPSTREAM, SCOPE_DEPTH, SCOPE_MAX_NODES, false, null));
    }

    /** The owners' names of an ownership facet ({@code {"owners":[{"name":"team:x","type":"..."}]}}). */
    List<String> owners(String ownership) {
        JsonNode facet = parse(ownership);
        List<String> owners = new ArrayList<>();
        if (facet != null && facet.path("owners").isArray()) {
            for (JsonNode owner : facet.path("owners")) {
                if (owner.path("name").isTextual()) {
                    owners.add(owner.path("name").asText());
                }
            }
        }
        return List.copyOf(new LinkedHashSet<>(owners));
    }

    private JsonNode parse(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return json.readTree(raw);
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(raw);
        }
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    static String required(String value, String parameter) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("missing_parameter", parameter + " is required", parameter);
        }
        return value;
    }
}

package dev.provenant.ml;

import com.fasterxml.jackson.databind.JsonNode;
import dev.provenant.lineage.LineageGraph;
import dev.provenant.lineage.LineageQuery;
import dev.provenant.lineage.LineageService;
import dev.provenant.lineage.RunView;
import dev.provenant.ml.ModelViews.CodeVersion;
import dev.provenant.ml.ModelViews.FacetValue;
import dev.provenant.ml.ModelViews.ModelDetail;
import dev.provenant.ml.ModelViews.ModelSummary;
import dev.provenant.ml.ModelViews.TrainingJob;
import dev.provenant.ml.ModelViews.TrainingRun;
import dev.provenant.ml.ModelViews.Upstream;
import dev.provenant.ml.ModelViews.UpstreamDataset;
import dev.provenant.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Models with their training lineage. The upstream walk is the lineage API's own bounded, directed walk
 * (current edges), so a model's upstream is exactly what {@code GET /api/v1/lineage} shows for it.
 */
@ApplicationScoped
public class ModelService {

    /** The list stays cheap: a short walk and a few runs per model. */
    static final int LIST_DEPTH = 10;
    static final int LIST_MAX_NODES = 500;
    static final int LIST_RUNS = 5;
    /** One model: the walk the lineage API uses at depth 20 (ten dataset hops). */
    static final int DETAIL_DEPTH = 20;
    static final int DETAIL_MAX_NODES = 2000;
    static final int DETAIL_RUNS = 50;
    static final int JOB_RUNS = 3;

    private final ModelRepository repository;
    private final LineageService lineage;

    public ModelService(ModelRepository repository, LineageService lineage) {
        this.repository = repository;
        this.lineage = lineage;
    }

    public List<ModelSummary> list(int skip, int limit) {
        List<ModelSummary> models = new ArrayList<>();
        for (ModelRepository.DatasetRow model : repository.models(skip, limit)) {
            LineageGraph graph = upstream(model, LIST_DEPTH, LIST_MAX_NODES);
            models.add(new ModelSummary(model.namespace(), model.name(), model.feature(), model.currentVersion(),
                    writes(repository.trainingRuns(model, LIST_RUNS)), jobs(repository.producingJobs(model, JOB_RUNS)),
                    datasets(graph), graph.isPartial()));
        }
        return models;
    }

    public ModelDetail model(String namespace, String name) {
        ModelRepository.DatasetRow model = repository.dataset(namespace, name)
                .orElseThrow(() -> ApiException.notFound("no dataset " + namespace + " / " + name));
        if (!model.model()) {
            throw ApiException.notFound("not a model: " + namespace + " / " + name
                    + " (neither its datasetType facet nor provenant.ml.model-patterns say so)");
        }
        List<ModelRepository.WriteRow> writes = repository.trainingRuns(model, DETAIL_RUNS);
        List<ModelRepository.JobRow> producers = repository.producingJobs(model, JOB_RUNS);
        LineageGraph graph = upstream(model, DETAIL_DEPTH, DETAIL_MAX_NODES);
        List<RunView.JobRef> jobRefs = graph.nodes().stream().filter(n -> n.type().equals("job"))
                .map(n -> new RunView.JobRef(n.namespace(), n.name())).toList();
        List<ModelRepository.JobRow> lineageJobs = repository.jobs(jobRefs);

        List<CodeVersion> code = new ArrayList<>();
        List<FacetValue> parameters = new ArrayList<>();
        Set<String> runsSeen = new LinkedHashSet<>();
        for (ModelRepository.WriteRow write : writes) {
            if (runsSeen.add(write.run().runId())) {
                runParameters(write.run(), parameters);
            }
        }
        for (ModelRepository.JobRow job : lineageJobs) {
            JsonNode location = job.facets().get("sourceCodeLocation");
            if (location != null && location.isObject()) {
                code.add(new CodeVersion(job.job(), text(location, "type"), text(location, "url"),
                        text(location, "repoUrl"), text(location, "path"), text(location, "version"),
                        text(location, "tag"), text(location, "branch")));
            }
            for (Map.Entry<String, JsonNode> facet : job.facets().entrySet()) {
                if (contains(facet.getKey(), "param")) {
                    parameters.add(new FacetValue("job", job.job(), null, null, facet.getKey(), facet.getValue()));
                }
            }
            for (ModelRepository.RunRow run : job.runs()) {
                if (runsSeen.add(run.runId())) {
                    runParameters(run, parameters);
                }
            }
        }

        List<FacetValue> metrics = new ArrayList<>();
        for (Map.Entry<String, JsonNode> facet : model.facets().entrySet()) {
            if (contains(facet.getKey(), "metric")) {
                metrics.add(new FacetValue("dataset", null, null, null, facet.getKey(), facet.getValue()));
            }
        }
        for (ModelRepository.WriteRow write : writes) {
            for (Map.Entry<String, JsonNode> facet : write.writeFacets().entrySet()) {
                if (contains(facet.getKey(), "metric")) {
                    metrics.add(new FacetValue("output", write.run().job(), write.run().runId(), write.version(),
                            facet.getKey(), facet.getValue()));
                }
            }
        }
        return new ModelDetail(model.namespace(), model.name(), model.feature(), model.currentVersion(),
                model.facets(), writes(writes), jobs(producers),
                new Upstream(datasets(graph), jobRefs, graph.isPartial()), code, parameters, metrics);
    }

    private LineageGraph upstream(ModelRepository.DatasetRow model, int depth, int maxNodes) {
        return lineage.lineage(new LineageQuery(LineageQuery.EntityType.DATASET, model.namespace(), model.name(), null,
                LineageQuery.Direction.UPSTREAM, depth, maxNodes, false, null));
    }

    private static List<UpstreamDataset> datasets(LineageGraph graph) {
        // The first node is the model itself.
        return graph.nodes().stream().skip(1).filter(n -> n.type().equals("dataset"))
                .map(n -> new UpstreamDataset(n.namespace(), n.name(), Boolean.TRUE.equals(n.feature()),
                        Boolean.TRUE.equals(n.model())))
                .toList();
    }

    private static List<TrainingRun> writes(List<ModelRepository.WriteRow> writes) {
        return writes.stream().map(w -> run(w.run(), w.version())).toList();
    }

    private static List<TrainingJob> jobs(List<ModelRepository.JobRow> jobs) {
        return jobs.stream().map(j -> new TrainingJob(j.job().namespace(), j.job().name(),
                j.runs().stream().map(r -> run(r, null)).toList())).toList();
    }

    private static TrainingRun run(ModelRepository.RunRow run, String version) {
        return new TrainingRun(run.runId(), run.state(), run.job(), run.startedAt(), run.endedAt(), version);
    }

    private static void runParameters(ModelRepository.RunRow run, List<FacetValue> into) {
        for (Map.Entry<String, JsonNode> facet : run.facets().entrySet()) {
            if (contains(facet.getKey(), "param")) {
                into.add(new FacetValue("run", run.job(), run.runId(), null, facet.getKey(), facet.getValue()));
            }
        }
    }

    private static boolean contains(String facetName, String word) {
        return facetName.toLowerCase(Locale.ROOT).contains(word);
    }

    private static String text(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return value == null || value.isNull() ? null : value.isTextual() ? value.asText() : value.toString();
    }
}

package dev.provenant.ml;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.provenant.lineage.RunView;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** The payloads of {@code GET /api/v1/models}. */
public final class ModelViews {

    private ModelViews() {}

    /** One entry of the model list: who trained it and what it was trained on. */
    public record ModelSummary(String namespace, String name, boolean feature, String currentVersion,
            List<TrainingRun> trainingRuns, List<TrainingJob> trainingJobs, List<UpstreamDataset> upstreamDatasets,
            boolean upstreamPartial) {}

    /** One model with its full training lineage. */
    public record ModelDetail(String namespace, String name, boolean feature, String currentVersion,
            Map<String, JsonNode> facets, List<TrainingRun> trainingRuns, List<TrainingJob> trainingJobs,
            Upstream upstream, List<CodeVersion> codeVersions, List<FacetValue> parameters,
            List<FacetValue> metrics) {}

    /** A run that wrote a version of the model ({@code version} set), or a latest run of a training job. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TrainingRun(String runId, String state, RunView.JobRef job, OffsetDateTime startedAt,
            OffsetDateTime endedAt, String version) {}

    /** A job whose current outputs include the model, with its latest runs. */
    public record TrainingJob(String namespace, String name, List<TrainingRun> latestRuns) {}

    /** A dataset upstream of the model; {@code feature} and {@code model} mark ML datasets. */
    public record UpstreamDataset(String namespace, String name, boolean feature, boolean model) {}

    /** Everything upstream of the model within the walk's bounds; {@code isPartial} when a bound cut it. */
    public record Upstream(List<UpstreamDataset> datasets, List<RunView.JobRef> jobs,
            @JsonProperty("isPartial") boolean isPartial) {}

    /** A job's {@code sourceCodeLocation} facet: where its code lives and at which version (commit). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CodeVersion(RunView.JobRef job, String type, String url, String repoUrl, String path,
            String version, String tag, String branch) {}

    /**
     * A facet kept as raw JSON: parameters come from run facets and job facets whose names contain
     * {@code param}, metrics from output facets and dataset facets whose names contain {@code metric}.
     * {@code runId} is set for run facets and writes, {@code version} for writes.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FacetValue(String source, RunView.JobRef job, String runId, String version, String facet,
            JsonNode value) {}
}

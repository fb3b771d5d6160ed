package dev.provenant.compliance;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.provenant.lineage.RunView;
import dev.provenant.ml.ModelViews;
import dev.provenant.pii.PiiViews;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** The JSON payloads of the compliance reports. See docs/compliance.md. */
public final class ComplianceViews {

    private ComplianceViews() {}

    /** A dataset or job key. */
    public record EntityKey(String namespace, String name) {}

    /**
     * Model documentation in the spirit of EU AI Act Annex IV and model cards: what the model is, what it
     * was trained on (and that data's lineage), which personal data reaches it and why, where the data
     * comes from and who owns it, the transformations and code versions, parameters, metrics, training
     * runs, and which stewards declared the personal data that reaches it.
     */
    public record ModelDocumentation(String namespace, String name, OffsetDateTime generatedAt, ModelSection model,
            ModelViews.Upstream trainingData, PiiViews.ModelView personalData, List<DataSource> dataSources,
            Transformations transformations, List<ModelViews.FacetValue> parameters,
            List<ModelViews.FacetValue> metrics, List<ModelViews.TrainingRun> trainingRuns,
            List<ModelViews.TrainingJob> trainingJobs, List<PiiViews.DeclarationView> declarations) {}

    public record ModelSection(String currentVersion, boolean feature, Map<String, JsonNode> facets) {}

    /**
     * A dataset upstream of the model: its PII roll-up ({@code piiState} CLEAR when none) and its
     * {@code ownership} facet as sent, with the owners' names pulled out.
     */
    public record DataSource(String namespace, String name, boolean model, boolean feature, String piiState,
            List<String> piiCategories, List<String> owners, JsonNode ownership) {}

    /** The jobs upstream of the model and the code versions their {@code sourceCodeLocation} facets name. */
    public record Transformations(List<RunView.JobRef> jobs, List<ModelViews.CodeVersion> codeVersions) {}

    /**
     * A record of processing activities (GDPR Art. 30 style) for one personal data category: the
     * datasets that hold it (with the fields), the jobs that read or write those datasets, and the
     * models that hold it or whose training jobs read it.
     */
    public record ProcessingRecord(String category, OffsetDateTime generatedAt, List<CategoryDataset> datasets,
            List<CategoryJob> jobs, List<CategoryModel> models) {}

    public record CategoryDataset(String namespace, String name, String state, boolean model, List<String> owners,
            List<CategoryField> fields) {}

    /** A field carrying the category: its PII state and, when declared, who declared it (piiSource). */
    public record CategoryField(String path, String state, String source) {}

    public record CategoryJob(String namespace, String name, List<EntityKey> reads, List<EntityKey> writes) {}

    /** A model and why it is listed: {@code holds} when its own roll-up names the category, else the jobs. */
    public record CategoryModel(String namespace, String name, boolean holds, List<EntityKey> trainedBy) {}

    /** What an audit package covers; {@code isPartial} when the upstream walk hit its bounds. */
    public record Scope(EntityKey root, boolean model, List<EntityKey> datasets, List<EntityKey> jobs,
            @JsonProperty("isPartial") boolean isPartial) {}

    /** One stored event of the scope; {@code file} is absent when retention pruned its payload. */
    public record EventEntry(long seq, String hash, String prevHash, String chainHash, String kind, String eventType,
            OffsetDateTime eventTime, String runId, OffsetDateTime receivedAt, OffsetDateTime payloadPrunedAt,
            String file) {}

    /** {@code package.json} of an audit package: what is in it and how to check it. */
    public record PackageInfo(OffsetDateTime generatedAt, Scope scope, int events, int prunedEvents,
            boolean eventsTruncated, int accessLogEntries, boolean accessLogTruncated, List<String> categories,
            List<String> files, String verification) {}
}

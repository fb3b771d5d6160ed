package dev.provenant.pii;

import dev.provenant.pii.PiiRefs.Hop;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** The JSON payloads of the PII API. */
public final class PiiViews {

    private PiiViews() {}

    /** GET /api/v1/pii/dataset: DESIGN.md section 5, plus the dataset's categories and each field's source. */
    public record DatasetView(String namespace, String name, PiiState state, List<String> categories,
            List<FieldView> fields) {}

    /**
     * One field: {@code declared} when a steward, the tags facet or a name rule declared it personal
     * ({@code source} says which; {@code STEWARD_NOT_PERSONAL} / {@code TAG_NOT_PERSONAL} mark a
     * false-positive override), and the evidence path from a declaration (empty for the declaration itself).
     */
    public record FieldView(String name, PiiState state, boolean declared, String source, List<String> categories,
            List<Hop> evidence) {}

    /** A dataset's roll-up without its fields. */
    public record DatasetSummary(String namespace, String name, PiiState state, List<String> categories,
            List<Hop> evidence) {}

    /**
     * A model's training data verdict. {@code state}/{@code categories}: the worst among the model itself
     * and the datasets its jobs read (whose verdicts already carry what column lineage brought from
     * further up), with the evidence of the worst in {@code worst}. {@code upstreamState} /
     * {@code upstreamCategories}: the worst among everything upstream at any distance, listed in
     * {@code upstream}, nearest first.
     */
    public record ModelView(String namespace, String name, PiiState state, List<String> categories,
            DatasetSummary worst, List<DatasetSummary> trainingData, PiiState upstreamState,
            List<String> upstreamCategories, List<DatasetSummary> upstream) {}

    public record JobDatasetView(String namespace, String name, PiiState state, List<String> categories,
            List<FieldView> personalFields) {}

    public record JobView(String namespace, String name, PiiState reads, PiiState writes, BarrierView barrier,
            List<JobDatasetView> inputs, List<JobDatasetView> outputs) {}

    public record CopyView(String name, PiiState state, List<String> categories, List<Hop> evidence) {}

    public record DatasetCopies(String namespace, String name, List<CopyView> fields) {}

    public record ErasureView(String namespace, String name, List<String> sourceFields, List<DatasetCopies> datasets,
            List<DatasetSummary> possible) {}

    public record DeclarationRequest(String namespace, String name, String field, Boolean personal,
            List<String> categories, String reason) {}

    public record DeclarationView(String namespace, String name, String field, boolean personal,
            List<String> categories, String reason, String declaredBy, OffsetDateTime declaredAt) {}

    public record BarrierRequest(String namespace, String name, String reason) {}

    public record BarrierView(String namespace, String name, String reason, String declaredBy,
            OffsetDateTime declaredAt) {}

    public record CategoryCount(String category, long fields) {}

    public record DeclaredSource(String namespace, String name, String field, String source, PiiState state,
            List<String> categories) {}

    public record ExposedDataset(String namespace, String name, PiiState state, List<String> categories, long raw,
            long pseudonymised) {}

    public record OverviewView(Map<PiiState, Long> fields, Map<PiiState, Long> datasets, List<CategoryCount> categories,
            List<DeclaredSource> declaredSources, List<ExposedDataset> mostExposed) {}
}

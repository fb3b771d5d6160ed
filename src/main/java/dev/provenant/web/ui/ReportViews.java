package dev.provenant.web.ui;

import java.util.List;

/** View models of the compliance reports and the admin pages: plain values with their links already built. */
public final class ReportViews {

    private ReportViews() {}

    /** What every printable report states: when it was generated, by whom, and where its JSON is. */
    public record Generated(String at, String by, String role, String jsonHref) {}

    /** A PII state with the CSS class suffix of its badge. */
    public record StateRow(String state, String namespace, String name, String categories, String href) {}

    /** One hop of an evidence path: from field to field through a job, with the transformation. */
    public record HopRow(String from, String fromHref, String to, String job, String jobHref, String transformation) {}

    public record EntityRow(String kind, String namespace, String name, String href) {}

    public record SourceRow(String namespace, String name, String kind, String state, String categories, String owners,
            String ownershipJson, String href) {}

    public record CodeRow(String job, String jobHref, String type, String location, String path, String version,
            String branch) {}

    public record FacetValueRow(String source, String job, String runId, String runHref, String version, String facet,
            String json) {}

    public record TrainingRunRow(String runId, String href, String state, String job, String startedAt,
            String endedAt, String version) {}

    public record DeclarationRow(String dataset, String field, String href, boolean personal, String categories,
            String declaredBy, String declaredAt, String reason) {}

    /** The personal data section of a model's documentation: the verdict, the worst dataset and its path. */
    public record PersonalData(String state, String categories, StateRow worst, List<HopRow> evidence,
            String upstreamState, String upstreamCategories, List<StateRow> upstream) {}

    public record ModelDocumentationPage(String namespace, String name, String modelHref, String lineageHref,
            String piiLineageHref, String auditPackageHref, String currentVersion, boolean feature,
            List<Views.FacetRow> facets, List<EntityRow> trainingDatasets, List<EntityRow> trainingJobs,
            boolean partial, PersonalData personalData, List<SourceRow> sources, List<CodeRow> codeVersions,
            List<FacetValueRow> parameters, List<FacetValueRow> metrics, List<TrainingRunRow> trainingRuns,
            List<Views.Link> trainingJobLinks, List<DeclarationRow> declarations) {}

    public record CategoryDatasetRow(String namespace, String name, String href, String state, boolean model,
            String owners, List<CategoryFieldRow> fields) {}

    public record CategoryFieldRow(String path, String state, String source) {}

    public record CategoryJobRow(String namespace, String name, String href, List<Views.Link> reads,
            List<Views.Link> writes) {}

    public record CategoryModelRow(String namespace, String name, String href, String documentationHref,
            boolean holds, List<Views.Link> trainedBy) {}

    /** A record of processing, or (category null) the picker of the categories known. */
    public record ProcessingRecordPage(String category, List<Views.Link> categories, List<CategoryDatasetRow> datasets,
            List<CategoryJobRow> jobs, List<CategoryModelRow> models) {}

    /** One downstream field holding a copy, with the path from the source. */
    public record CopyRow(String state, String namespace, String name, String field, String categories,
            String datasetHref, String lineageHref, List<HopRow> path) {}

    public record ErasureImpactPage(String namespace, String name, String field, String datasetHref,
            List<String> sourceFields, List<CopyRow> copies, List<StateRow> possible, long datasetCount) {}

    public record TokenRow(String id, String name, String role, String state, String createdAt, String createdBy,
            String expiresAt, String revokedAt, String revokedBy, boolean revocable) {}

    /** The token list with the create form; {@code error} names what was wrong with the last submission. */
    public record TokensPage(List<TokenRow> tokens, List<String> roles, String error, String name, String role,
            String expiresAt) {}

    /** A token just issued: the only page that ever shows its secret. */
    public record IssuedTokenPage(String id, String name, String role, String expiresAt, String secret) {}

    public record AccessRow(long seq, String at, String method, String path, String query, String status,
            String caller, String role, String client, long durationMs, String detail) {}

    public record ChainRow(String chain, boolean ok, long checked, long headSeq, long prunedPayloads, String broken) {}

    public record VerifyView(boolean ok, long checked, String firstBroken, List<ChainRow> chains) {}

    public record AccessLogPage(List<AccessRow> entries, String from, String to, String caller, String path,
            String status, String olderHref, String newestHref, String jsonHref, String csvHref, String ndjsonHref,
            VerifyView verify, String verifyHref) {}
}

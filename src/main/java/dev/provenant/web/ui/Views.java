package dev.provenant.web.ui;

import java.util.List;

/** View models of the web UI pages: plain values with their links already built. */
public final class Views {

    private Views() {}

    /**
     * Every page gets this: its title, the JSON API equivalent and the session's CSRF token for its forms.
     * What the caller's role may use is the layout's business ({@code signedIn}, see {@link SignedInCaller}).
     */
    public record Frame(String title, String apiHref, String csrf, String query) {

        public boolean signedInWithSession() {
            return csrf != null;
        }
    }

    public record Link(String text, String href) {}

    public record SearchHit(String kind, String namespace, String name, String field, String href, String lineageHref) {}

    public record RunRow(String runId, String state, String jobNamespace, String jobName, String startedAt, String endedAt,
            String duration, String href, String jobHref, String note) {}

    public record FieldRow(String path, String type, String description, String piiState, String piiCategories,
            String lineageHref, String piiHref) {}

    public record VersionRow(String version, String firstSeen, String runHref) {}

    public record FacetRow(String name, String json) {}

    public record DatasetPage(String kind, String namespace, String name, List<FieldRow> fields, List<VersionRow> versions,
            List<FacetRow> facets, List<Link> producers, List<Link> consumers, List<RunRow> runs, String piiState,
            boolean piiAvailable, String lineageHref, String columnsHref, String piiHref) {}

    public record JobPage(String namespace, String name, List<RunRow> runs, List<Link> inputs, List<Link> outputs,
            String sql, String sourceLocation, List<FacetRow> facets, String lineageHref) {}

    public record RunPage(String runId, String state, String startedAt, String endedAt, String duration, Link job,
            Link parent, String errorMessage, List<RunRow> children, List<IoRow> io, List<FacetRow> facets,
            List<TimelineRow> timeline) {}

    public record IoRow(String access, String namespace, String name, String version, String href) {}

    public record TimelineRow(String label, String time) {}

    public record HomePage(long events, long datasets, long fields, long jobs, long runs, long models,
            List<RunRow> recentRuns, List<Link> modelLinks, List<ExposedRow> exposed, boolean piiAvailable) {}

    public record ExposedRow(String state, String namespace, String name, String categories, String href) {}

    public record PiiCategoryRow(String category, long fields, long datasets, String fieldsList) {}

    public record PiiPage(boolean available, List<PiiCategoryRow> categories, List<ExposedRow> exposed,
            String erasureNamespace, String erasureName, String erasureField, List<ExposedRow> erasureImpact,
            String erasureMessage) {}

    public record ModelPage(String namespace, String name, String worstState, List<PiiReach> personalData,
            boolean piiAvailable, String lineageHref, String piiLineageHref, List<Link> trainingData) {}

    public record PiiReach(String state, String namespace, String name, String categories, String href) {}

    /** The lineage page: the query it answers, its controls' values and the drawing. */
    public record LineagePage(String type, String namespace, String name, String field, String direction, int depth,
            int maxNodes, boolean includeStale, boolean collapseJobs, String view, List<String> expand, String subject,
            LineageFragment graph, String jsonHref, String subjectHref, List<Link> views, boolean piiAvailable) {}

    /** The part htmx swaps when a node is expanded: the drawing, its notices and its table. */
    public record LineageFragment(String svg, int nodeCount, int edgeCount, boolean partial, String deeperHref,
            String moreHref, String staleHref, String notice, List<TableRow> rows, List<EvidenceRow> evidence) {}

    public record TableRow(String kind, String label, String badge, String href, String upstream, String downstream) {}

    public record EvidenceRow(String from, String to, String job, String type, String subtype, String masking,
            String fromHref) {}
}

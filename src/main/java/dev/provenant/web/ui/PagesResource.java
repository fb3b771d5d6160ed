package dev.provenant.web.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provenant.lineage.LineageGraph;
import dev.provenant.lineage.LineageQuery;
import dev.provenant.lineage.LineageService;
import dev.provenant.lineage.OverviewService;
import dev.provenant.lineage.RunView;
import dev.provenant.lineage.Stats;
import dev.provenant.security.WebSessions;
import dev.provenant.web.ApiException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The web UI pages, rendered on the server from Qute templates under {@code ui-templates/pages/}. Each page
 * has a stable URL with its parameters and links the JSON API that answers the same question. Pages read
 * through the same services as the API, never over HTTP.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class PagesResource {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx", Locale.ROOT);

    @CheckedTemplate(basePath = "pages")
    static class Templates {
        static native TemplateInstance home(Views.Frame frame, Views.HomePage page);

        static native TemplateInstance search(Views.Frame frame, String q, String type, List<Views.SearchHit> hits);

        static native TemplateInstance dataset(Views.Frame frame, Views.DatasetPage page);

        static native TemplateInstance job(Views.Frame frame, Views.JobPage page);

        static native TemplateInstance run(Views.Frame frame, Views.RunPage page);

        static native TemplateInstance models(Views.Frame frame, List<Views.Link> models);

        static native TemplateInstance model(Views.Frame frame, Views.ModelPage page);

        static native TemplateInstance lineage(Views.Frame frame, Views.LineagePage page, Views.LineageFragment graph);

        static native TemplateInstance lineageGraph(Views.LineageFragment graph);

        static native TemplateInstance pii(Views.Frame frame, Views.PiiPage page);

        static native TemplateInstance error(Views.Frame frame, int status, String title, String message);
    }

    private final OverviewService overview;
    private final LineageService lineage;
    private final LineageViews lineageViews;
    private final Catalog catalog;
    private final PiiLookup pii;
    private final WebSessions sessions;
    private final ObjectMapper json;

    public PagesResource(OverviewService overview, LineageService lineage, LineageViews lineageViews, Catalog catalog,
            PiiLookup pii, WebSessions sessions, ObjectMapper json) {
        this.overview = overview;
        this.lineage = lineage;
        this.lineageViews = lineageViews;
        this.catalog = catalog;
        this.pii = pii;
        this.sessions = sessions;
        this.json = json;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance home(@CookieParam(WebSessions.COOKIE) String session) {
        Stats stats = overview.stats();
        List<Views.RunRow> runs = catalog.recentRuns(10).stream().map(PagesResource::runRow).toList();
        List<Views.Link> models = catalog.models(10).stream()
                .map(m -> new Views.Link(m.namespace() + " / " + m.name(), Links.model(m.namespace(), m.name()))).toList();
        List<Views.ExposedRow> exposed = pii.mostExposed(10).stream().map(PagesResource::exposedRow).toList();
        return Templates.home(frame("Provenant", "/api/v1/stats", session, null), new Views.HomePage(stats.events(),
                stats.datasets(), stats.fields(), stats.jobs(), stats.runs(), stats.models(), runs, models, exposed,
                pii.available()));
    }

    @GET
    @Path("search")
    @Operation(hidden = true)
    public TemplateInstance search(@QueryParam("q") String q, @QueryParam("type") String type,
            @CookieParam(WebSessions.COOKIE) String session) {
        String kind = type == null || type.isBlank() ? null : type.strip().toLowerCase(Locale.ROOT);
        if (kind != null && !List.of("dataset", "job", "field", "model").contains(kind)) {
            throw new PageException(400, "Unknown type", "type must be dataset, job, field or model");
        }
        List<Views.SearchHit> hits = catalog.search(q, kind, 50).stream().map(h -> new Views.SearchHit(h.kind(),
                h.namespace(), h.name(), h.field(), Links.entity(h.kind(), h.namespace(), h.name(), h.field()),
                Links.lineage(h.kind().equals("model") ? "dataset" : h.kind(), h.namespace(), h.name(), h.field(), null)))
                .toList();
        String title = q == null || q.isBlank() ? "Search" : "Search: " + q;
        return Templates.search(frame(title, Links.url("/api/v1/search", "q", q, "type", kind), session, q),
                q == null ? "" : q, kind == null ? "" : kind, hits);
    }

    @GET
    @Path("datasets")
    @Operation(hidden = true)
    public TemplateInstance dataset(@QueryParam("namespace") String namespace, @QueryParam("name") String name,
            @CookieParam(WebSessions.COOKIE) String session) {
        Views.DatasetPage page = datasetPage(namespace, name);
        return Templates.dataset(frame((page.kind().equals("model") ? "Model " : "Dataset ") + name,
                Links.url("/api/v1/datasets", "namespace", namespace, "name", name), session, null), page);
    }

    @GET
    @Path("jobs")
    @Operation(hidden = true)
    public TemplateInstance job(@QueryParam("namespace") String namespace, @QueryParam("name") String name,
            @CookieParam(WebSessions.COOKIE) String session) {
        required(namespace, name);
        Catalog.Job job = catalog.job(namespace, name, 20)
                .orElseThrow(() -> new PageException(404, "Job not found", "No job " + namespace + " / " + name));
        LineageGraph around = lineage.lineage(new LineageQuery(LineageQuery.EntityType.JOB, namespace, name, null,
                LineageQuery.Direction.BOTH, 1, 500, false, null));
        String start = around.nodes().get(0).id();
        List<Views.Link> inputs = new ArrayList<>();
        List<Views.Link> outputs = new ArrayList<>();
        Map<String, LineageGraph.Node> byId = new java.util.HashMap<>();
        around.nodes().forEach(n -> byId.put(n.id(), n));
        for (LineageGraph.Edge e : around.edges()) {
            if (e.to().equals(start)) {
                inputs.add(datasetLink(byId.get(e.from())));
            } else if (e.from().equals(start)) {
                outputs.add(datasetLink(byId.get(e.to())));
            }
        }
        Map<String, String> facets = job.facets();
        String sql = field(facets.get("sql"), "query");
        String source = Optional.ofNullable(field(facets.get("sourceCodeLocation"), "url"))
                .or(() -> Optional.ofNullable(field(facets.get("sourceCodeLocation"), "repoUrl")))
                .map(u -> u + Optional.ofNullable(field(facets.get("sourceCodeLocation"), "path")).map(p -> " (" + p + ")")
                        .orElse(""))
                .orElse(null);
        Views.JobPage page = new Views.JobPage(namespace, name, job.runs().stream().map(PagesResource::runRow).toList(),
                inputs, outputs, sql, source, facetRows(facets), Links.lineage("job", namespace, name, null, null));
        return Templates.job(frame("Job " + name, Links.url("/api/v1/jobs", "namespace", namespace, "name", name),
                session, null), page);
    }

    @GET
    @Path("runs")
    @Operation(hidden = true)
    public TemplateInstance run(@QueryParam("runId") String runId, @CookieParam(WebSessions.COOKIE) String session) {
        if (runId == null || runId.isBlank()) {
            throw new PageException(400, "Missing parameters", "runId is required");
        }
        RunView run = overview.run(runId)
                .orElseThrow(() -> new PageException(404, "Run not found", "No run with runId " + runId));
        Catalog.RunDetail detail = catalog.runDetail(runId);
        List<Views.TimelineRow> timeline = new ArrayList<>();
        if (run.startedAt() != null) {
            timeline.add(new Views.TimelineRow("started", time(run.startedAt())));
        }
        if (run.endedAt() != null) {
            timeline.add(new Views.TimelineRow("ended (" + run.state() + ")", time(run.endedAt())));
        }
        List<Views.FacetRow> facets = new ArrayList<>();
        run.facets().forEach((k, v) -> facets.add(new Views.FacetRow(k, pretty(v))));
        Views.RunPage page = new Views.RunPage(run.runId(), run.state(), time(run.startedAt()), time(run.endedAt()),
                duration(run.startedAt(), run.endedAt()),
                run.job() == null ? null : new Views.Link(run.job().namespace() + " / " + run.job().name(),
                        Links.job(run.job().namespace(), run.job().name())),
                run.parent() == null ? null : new Views.Link(run.parent().runId()
                        + (run.parent().job() == null ? "" : " (" + run.parent().job().name() + ")"),
                        Links.run(run.parent().runId())),
                run.errorMessage(),
                detail.children().stream().map(PagesResource::runRow).toList(),
                detail.io().stream().map(io -> new Views.IoRow(io.access(), io.namespace(), io.name(), io.version(),
                        Links.dataset(io.namespace(), io.name()))).toList(),
                facets, timeline);
        return Templates.run(frame("Run " + runId, Links.url("/api/v1/runs", "runId", runId), session, null), page);
    }

    @GET
    @Path("models")
    @Operation(hidden = true)
    public TemplateInstance model(@QueryParam("namespace") String namespace, @QueryParam("name") String name,
            @CookieParam(WebSessions.COOKIE) String session) {
        if ((namespace == null || namespace.isBlank()) && (name == null || name.isBlank())) {
            List<Views.Link> models = catalog.models(200).stream().map(m -> new Views.Link(m.namespace() + " / "
                    + m.name(), Links.model(m.namespace(), m.name()))).toList();
            return Templates.models(frame("Models", "/api/v1/models", session, null), models);
        }
        required(namespace, name);
        catalog.dataset(namespace, name)
                .orElseThrow(() -> new PageException(404, "Model not found", "No model " + namespace + " / " + name));
        LineageGraph upstream = lineage.lineage(new LineageQuery(LineageQuery.EntityType.DATASET, namespace, name, null,
                LineageQuery.Direction.UPSTREAM, 20, 2000, false, null));
        List<Views.Link> training = new ArrayList<>();
        List<Views.PiiReach> reach = new ArrayList<>();
        String worst = "CLEAR";
        for (LineageGraph.Node n : upstream.nodes().subList(1, upstream.nodes().size())) {
            if (!n.type().equals("dataset")) {
                continue;
            }
            training.add(datasetLink(n));
            Optional<PiiLookup.DatasetPii> p = pii.dataset(n.namespace(), n.name());
            if (p.isPresent() && PiiLookup.severity(p.get().state()) < PiiLookup.severity("CLEAR")) {
                reach.add(new Views.PiiReach(p.get().state(), n.namespace(), n.name(),
                        String.join(", ", p.get().categories()), Links.dataset(n.namespace(), n.name())));
                if (PiiLookup.severity(p.get().state()) < PiiLookup.severity(worst)) {
                    worst = p.get().state();
                }
            }
        }
        reach.sort(java.util.Comparator.comparingInt(r -> PiiLookup.severity(r.state())));
        Views.ModelPage page = new Views.ModelPage(namespace, name, pii.available() ? worst : null, reach,
                pii.available(), Links.url("/lineage", "type", "dataset", "namespace", namespace, "name", name,
                        "direction", "upstream", "depth", "6"),
                Links.url("/lineage", "type", "dataset", "namespace", namespace, "name", name, "direction", "upstream",
                        "depth", "6", "view", "pii"), training);
        return Templates.model(frame("Model " + name, Links.url("/api/v1/models", "namespace", namespace, "name", name),
                session, null), page);
    }

    @GET
    @Path("lineage")
    @Operation(hidden = true)
    public TemplateInstance lineage(@QueryParam("type") String type, @QueryParam("namespace") String namespace,
            @QueryParam("name") String name, @QueryParam("field") String field,
            @QueryParam("direction") String direction, @QueryParam("depth") Integer depth,
            @QueryParam("maxNodes") Integer maxNodes, @QueryParam("includeStale") boolean includeStale,
            @QueryParam("view") String view, @QueryParam("expand") List<String> expand,
            @QueryParam("collapseJobs") boolean collapseJobs, @CookieParam(WebSessions.COOKIE) String session) {
        LineageRequest request = LineageRequest.parse(type, namespace, name, field, direction, depth, maxNodes,
                includeStale, view, expand, collapseJobs);
        Views.LineageFragment graph = fragment(request);
        String subject = request.typeName() + " " + request.namespace() + " / " + request.name()
                + (request.field() == null ? "" : " / " + request.field());
        String subjectHref = request.field() != null ? Links.dataset(request.namespace(), request.name())
                : Links.entity(request.typeName(), request.namespace(), request.name(), null);
        List<Views.Link> views = List.of(new Views.Link("Graph", request.withView("graph").page()),
                new Views.Link("Columns", request.withView("columns").page()),
                new Views.Link("PII", request.withView("pii").page()));
        Views.LineagePage page = new Views.LineagePage(request.typeName(), request.namespace(), request.name(),
                request.field(), request.direction().name().toLowerCase(Locale.ROOT), request.depth(),
                request.maxNodes(), request.includeStale(), request.collapseJobs(), request.view(), request.expand(),
                subject, graph,
                request.json(), subjectHref, views, pii.available());
        return Templates.lineage(frame("Lineage of " + request.name() + (request.field() == null ? ""
                : "." + request.field()), request.json(), session, null), page, graph);
    }

    /** The drawing alone, for htmx to swap in place when a node is expanded. */
    @GET
    @Path("lineage/graph")
    @Operation(hidden = true)
    public TemplateInstance lineageGraph(@QueryParam("type") String type, @QueryParam("namespace") String namespace,
            @QueryParam("name") String name, @QueryParam("field") String field,
            @QueryParam("direction") String direction, @QueryParam("depth") Integer depth,
            @QueryParam("maxNodes") Integer maxNodes, @QueryParam("includeStale") boolean includeStale,
            @QueryParam("view") String view, @QueryParam("expand") List<String> expand,
            @QueryParam("collapseJobs") boolean collapseJobs) {
        return Templates.lineageGraph(fragment(LineageRequest.parse(type, namespace, name, field, direction, depth,
                maxNodes, includeStale, view, expand, collapseJobs)));
    }

    @GET
    @Path("pii")
    @Operation(hidden = true)
    public TemplateInstance pii(@QueryParam("namespace") String namespace, @QueryParam("name") String name,
            @QueryParam("field") String field, @CookieParam(WebSessions.COOKIE) String session) {
        List<Views.PiiCategoryRow> categories = pii.overview().stream().map(c -> new Views.PiiCategoryRow(c.category(),
                c.fields(), c.datasets(), String.join(", ", c.examples().stream()
                        .map(r -> r.name() + (r.field() == null ? "" : "." + r.field())).toList()))).toList();
        List<Views.ExposedRow> exposed = pii.mostExposed(25).stream().map(PagesResource::exposedRow).toList();
        List<Views.ExposedRow> impact = List.of();
        String message = null;
        if (namespace != null && !namespace.isBlank() && name != null && !name.isBlank()) {
            impact = pii.erasureImpact(namespace, name, field == null || field.isBlank() ? null : field).stream()
                    .map(i -> new Views.ExposedRow(i.state(), i.namespace(), i.name() + (i.field() == null ? ""
                            : "." + i.field()), "", i.field() == null ? Links.dataset(i.namespace(), i.name())
                            : Links.lineage("field", i.namespace(), i.name(), i.field(), "pii"))).toList();
            message = impact.isEmpty() ? (pii.available() ? "No downstream copy of this source is known."
                    : "The erasure-impact report needs PII propagation, which is not available on this server yet.")
                    : null;
        }
        return Templates.pii(frame("Personal data", "/api/v1/pii/overview", session, null), new Views.PiiPage(
                pii.available(), categories, exposed, namespace, name, field, impact, message));
    }

    Views.LineageFragment fragment(LineageRequest request) {
        try {
            return lineageViews.fragment(request);
        } catch (ApiException e) {
            if (e.status() == 404) {
                throw new PageException(404, "Not found", e.getMessage());
            }
            throw e;
        }
    }

    private Views.DatasetPage datasetPage(String namespace, String name) {
        required(namespace, name);
        Catalog.Dataset dataset = catalog.dataset(namespace, name)
                .orElseThrow(() -> new PageException(404, "Dataset not found", "No dataset " + namespace + " / " + name));
        Optional<PiiLookup.DatasetPii> p = pii.dataset(namespace, name);
        List<Views.FieldRow> fields = dataset.fields().stream().map(f -> {
            Optional<PiiLookup.FieldPii> fp = p.flatMap(d -> d.fields().stream().filter(x -> x.name().equals(f.path()))
                    .findFirst());
            return new Views.FieldRow(f.path(), f.type(), f.description(),
                    pii.available() ? fp.map(x -> x.state() == null ? "CLEAR" : x.state()).orElse("CLEAR") : null,
                    fp.map(x -> x.categories() == null ? "" : String.join(", ", x.categories())).orElse(""),
                    Links.lineage("field", namespace, name, f.path(), null),
                    Links.lineage("field", namespace, name, f.path(), "pii"));
        }).toList();
        LineageGraph around = lineage.lineage(new LineageQuery(LineageQuery.EntityType.DATASET, namespace, name, null,
                LineageQuery.Direction.BOTH, 1, 500, false, null));
        String start = around.nodes().get(0).id();
        List<Views.Link> producers = new ArrayList<>();
        List<Views.Link> consumers = new ArrayList<>();
        Map<String, LineageGraph.Node> byId = new java.util.HashMap<>();
        around.nodes().forEach(n -> byId.put(n.id(), n));
        for (LineageGraph.Edge e : around.edges()) {
            if (e.to().equals(start)) {
                LineageGraph.Node j = byId.get(e.from());
                producers.add(new Views.Link(j.namespace() + " / " + j.name(), Links.job(j.namespace(), j.name())));
            } else if (e.from().equals(start)) {
                LineageGraph.Node j = byId.get(e.to());
                consumers.add(new Views.Link(j.namespace() + " / " + j.name(), Links.job(j.namespace(), j.name())));
            }
        }
        List<Views.VersionRow> versions = dataset.versions().stream().map(v -> new Views.VersionRow(v.version(),
                time(v.firstSeen()), v.runId() == null ? null : Links.run(v.runId()))).toList();
        List<Views.RunRow> runs = catalog.datasetRuns(namespace, name, 20).stream().map(PagesResource::runRow).toList();
        String kind = dataset.labels().contains("Model") ? "model" : dataset.labels().contains("Feature") ? "feature"
                : "dataset";
        return new Views.DatasetPage(kind, namespace, name, fields, versions, facetRows(dataset.facets()), producers,
                consumers, runs, p.map(d -> d.state() == null ? "CLEAR" : d.state()).orElse(null), pii.available(),
                Links.lineage("dataset", namespace, name, null, null),
                Links.lineage("dataset", namespace, name, null, "columns"),
                Links.lineage("dataset", namespace, name, null, "pii"));
    }

    private Views.Frame frame(String title, String api, String sessionId, String query) {
        return new Views.Frame(title, api, sessions.find(sessionId).map(WebSessions.Session::csrf).orElse(null),
                query);
    }

    private static Views.Link datasetLink(LineageGraph.Node n) {
        return new Views.Link(n.namespace() + " / " + n.name(), Boolean.TRUE.equals(n.model())
                ? Links.model(n.namespace(), n.name()) : Links.dataset(n.namespace(), n.name()));
    }

    private static Views.RunRow runRow(Catalog.Run r) {
        return new Views.RunRow(r.runId(), r.state() == null ? "UNKNOWN" : r.state(), r.jobNamespace(), r.jobName(),
                time(r.startedAt()), time(r.endedAt()), duration(r.startedAt(), r.endedAt()), Links.run(r.runId()),
                r.jobName() == null ? null : Links.job(r.jobNamespace(), r.jobName()),
                r.access() == null ? null : r.access().equals("WROTE") ? "wrote" : "read");
    }

    private static Views.ExposedRow exposedRow(PiiLookup.DatasetPii d) {
        return new Views.ExposedRow(d.state(), d.namespace(), d.name(), String.join(", ", d.categories()),
                Links.dataset(d.namespace(), d.name()));
    }

    private List<Views.FacetRow> facetRows(Map<String, String> facets) {
        List<Views.FacetRow> rows = new ArrayList<>();
        facets.forEach((k, v) -> rows.add(new Views.FacetRow(k, pretty(v))));
        return rows;
    }

    private String pretty(String raw) {
        try {
            return pretty(json.readTree(raw));
        } catch (java.io.IOException e) {
            return raw;
        }
    }

    private String pretty(JsonNode node) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (java.io.IOException e) {
            return String.valueOf(node);
        }
    }

    private String field(String rawFacet, String key) {
        if (rawFacet == null) {
            return null;
        }
        try {
            JsonNode value = json.readTree(rawFacet).get(key);
            return value == null || value.isNull() ? null : value.asText();
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static void required(String namespace, String name) {
        if (namespace == null || namespace.isBlank() || name == null || name.isBlank()) {
            throw new PageException(400, "Missing parameters", "namespace and name are required");
        }
    }

    static String time(OffsetDateTime time) {
        return time == null ? null : TIME.format(time);
    }

    static String duration(OffsetDateTime start, OffsetDateTime end) {
        if (start == null || end == null) {
            return null;
        }
        Duration d = Duration.between(start, end);
        if (d.isNegative()) {
            return null;
        }
        long s = d.getSeconds();
        return s < 60 ? s + " s" : s < 3600 ? (s / 60) + " min " + (s % 60) + " s" : (s / 3600) + " h " + (s % 3600 / 60)
                + " min";
    }
}

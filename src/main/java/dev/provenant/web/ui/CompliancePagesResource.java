package dev.provenant.web.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provenant.compliance.ComplianceService;
import dev.provenant.compliance.ComplianceViews;
import dev.provenant.lineage.RunView;
import dev.provenant.ml.ModelViews;
import dev.provenant.pii.PiiRefs;
import dev.provenant.pii.PiiService;
import dev.provenant.pii.PiiViews;
import dev.provenant.security.Role;
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
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The printable compliance reports (docs/compliance.md): a model's documentation, the record of processing of
 * a personal data category, and the erasure impact of a source. Each reads the same service as its JSON
 * endpoint, so page and JSON never disagree, and states when and for whom it was generated.
 */
@Path("/compliance")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class CompliancePagesResource {

    @CheckedTemplate(basePath = "pages")
    static class Templates {
        static native TemplateInstance modelDocumentation(Views.Frame frame, ReportViews.Generated generated,
                ReportViews.ModelDocumentationPage page);

        static native TemplateInstance processingRecord(Views.Frame frame, ReportViews.Generated generated,
                ReportViews.ProcessingRecordPage page);

        static native TemplateInstance erasureImpact(Views.Frame frame, ReportViews.Generated generated,
                ReportViews.ErasureImpactPage page);
    }

    private final ComplianceService compliance;
    private final PiiService pii;
    private final PageFrames frames;
    private final ObjectMapper json;

    public CompliancePagesResource(ComplianceService compliance, PiiService pii, PageFrames frames, ObjectMapper json) {
        this.compliance = compliance;
        this.pii = pii;
        this.frames = frames;
        this.json = json;
    }

    @GET
    @Path("model-documentation")
    @Operation(hidden = true)
    public TemplateInstance modelDocumentation(@QueryParam("namespace") String namespace,
            @QueryParam("name") String name, @CookieParam(WebSessions.COOKIE) String session) {
        ComplianceViews.ModelDocumentation doc = page(() -> compliance.modelDocumentation(namespace, name));
        String api = Links.url("/api/v1/compliance/model-documentation", "namespace", namespace, "name", name);
        PiiViews.ModelView personal = doc.personalData();
        ReportViews.PersonalData personalData = new ReportViews.PersonalData(personal.state().name(),
                String.join(", ", personal.categories()), personal.worst() == null ? null : stateRow(personal.worst()),
                personal.worst() == null ? List.of() : hops(personal.worst().evidence()),
                personal.upstreamState().name(), String.join(", ", personal.upstreamCategories()),
                personal.upstream().stream().map(CompliancePagesResource::stateRow).toList());
        List<Views.FacetRow> facets = new ArrayList<>();
        doc.model().facets().forEach((k, v) -> facets.add(new Views.FacetRow(k, pretty(v))));
        ReportViews.ModelDocumentationPage page = new ReportViews.ModelDocumentationPage(doc.namespace(), doc.name(),
                Links.model(doc.namespace(), doc.name()),
                Links.url("/lineage", "type", "dataset", "namespace", doc.namespace(), "name", doc.name(), "direction",
                        "upstream", "depth", "6"),
                Links.url("/lineage", "type", "dataset", "namespace", doc.namespace(), "name", doc.name(), "direction",
                        "upstream", "depth", "6", "view", "pii"),
                Role.ADMIN.equals(frames.role()) ? Links.url("/api/v1/compliance/audit-package", "namespace",
                        doc.namespace(), "name", doc.name()) : null,
                doc.model().currentVersion(), doc.model().feature(), facets,
                doc.trainingData().datasets().stream().map(d -> new ReportViews.EntityRow(d.model() ? "model"
                        : d.feature() ? "feature" : "dataset", d.namespace(), d.name(),
                        d.model() ? Links.model(d.namespace(), d.name()) : Links.dataset(d.namespace(), d.name())))
                        .toList(),
                doc.trainingData().jobs().stream().map(j -> new ReportViews.EntityRow("job", j.namespace(), j.name(),
                        Links.job(j.namespace(), j.name()))).toList(),
                doc.trainingData().isPartial(), personalData,
                doc.dataSources().stream().map(this::sourceRow).toList(),
                doc.transformations().codeVersions().stream().map(CompliancePagesResource::codeRow).toList(),
                doc.parameters().stream().map(this::facetValueRow).toList(),
                doc.metrics().stream().map(this::facetValueRow).toList(),
                doc.trainingRuns().stream().map(CompliancePagesResource::runRow).toList(),
                doc.trainingJobs().stream().map(j -> new Views.Link(j.namespace() + " / " + j.name(),
                        Links.job(j.namespace(), j.name()))).toList(),
                doc.declarations().stream().map(d -> new ReportViews.DeclarationRow(d.namespace() + " / " + d.name(),
                        d.field(), Links.lineage("field", d.namespace(), d.name(), d.field(), "pii"), d.personal(),
                        String.join(", ", d.categories() == null ? List.of() : d.categories()), d.declaredBy(),
                        PagesResource.time(d.declaredAt()), d.reason())).toList());
        return Templates.modelDocumentation(frames.frame("Model documentation: " + doc.name(), api, session),
                frames.generated(api), page);
    }

    @GET
    @Path("processing-record")
    @Operation(hidden = true)
    public TemplateInstance processingRecord(@QueryParam("category") String category,
            @CookieParam(WebSessions.COOKIE) String session) {
        List<Views.Link> categories = pii.overview().categories().stream()
                .map(c -> new Views.Link(c.category(), Links.url("/compliance/processing-record", "category",
                        c.category()))).toList();
        if (category == null || category.isBlank()) {
            return Templates.processingRecord(frames.frame("Records of processing", "/api/v1/pii/overview", session),
                    frames.generated("/api/v1/pii/overview"),
                    new ReportViews.ProcessingRecordPage(null, categories, List.of(), List.of(), List.of()));
        }
        ComplianceViews.ProcessingRecord record = page(() -> compliance.processingRecord(category));
        String api = Links.url("/api/v1/compliance/processing-record", "category", record.category());
        ReportViews.ProcessingRecordPage page = new ReportViews.ProcessingRecordPage(record.category(), categories,
                record.datasets().stream().map(d -> new ReportViews.CategoryDatasetRow(d.namespace(), d.name(),
                        d.model() ? Links.model(d.namespace(), d.name()) : Links.dataset(d.namespace(), d.name()),
                        d.state(), d.model(), String.join(", ", d.owners()),
                        d.fields().stream().map(f -> new ReportViews.CategoryFieldRow(f.path(), f.state(),
                                f.source() == null ? "propagated" : f.source())).toList())).toList(),
                record.jobs().stream().map(j -> new ReportViews.CategoryJobRow(j.namespace(), j.name(),
                        Links.job(j.namespace(), j.name()), datasetLinks(j.reads()), datasetLinks(j.writes()))).toList(),
                record.models().stream().map(m -> new ReportViews.CategoryModelRow(m.namespace(), m.name(),
                        Links.model(m.namespace(), m.name()), documentation(m.namespace(), m.name()), m.holds(),
                        m.trainedBy().stream().map(j -> new Views.Link(j.namespace() + " / " + j.name(),
                                Links.job(j.namespace(), j.name()))).toList())).toList());
        return Templates.processingRecord(frames.frame("Record of processing: " + record.category(), api, session),
                frames.generated(api), page);
    }

    @GET
    @Path("erasure-impact")
    @Operation(hidden = true)
    public TemplateInstance erasureImpact(@QueryParam("namespace") String namespace, @QueryParam("name") String name,
            @QueryParam("field") String field, @CookieParam(WebSessions.COOKIE) String session) {
        if (namespace == null || namespace.isBlank() || name == null || name.isBlank()) {
            throw new PageException(400, "Missing parameters", "namespace and name are required");
        }
        String wanted = field == null || field.isBlank() ? null : field;
        PiiViews.ErasureView view = page(() -> pii.erasureImpact(namespace, name, wanted));
        String api = Links.url("/api/v1/pii/erasure-impact", "namespace", namespace, "name", name, "field", wanted);
        List<ReportViews.CopyRow> copies = new ArrayList<>();
        for (PiiViews.DatasetCopies d : view.datasets()) {
            for (PiiViews.CopyView c : d.fields()) {
                copies.add(new ReportViews.CopyRow(c.state().name(), d.namespace(), d.name(), c.name(),
                        String.join(", ", c.categories()), Links.dataset(d.namespace(), d.name()),
                        Links.lineage("field", d.namespace(), d.name(), c.name(), "pii"), hops(c.evidence())));
            }
        }
        ReportViews.ErasureImpactPage page = new ReportViews.ErasureImpactPage(view.namespace(), view.name(), wanted,
                Links.dataset(view.namespace(), view.name()), view.sourceFields(), copies,
                view.possible().stream().map(CompliancePagesResource::stateRow).toList(), view.datasets().size());
        return Templates.erasureImpact(frames.frame("Erasure impact: " + view.name()
                + (wanted == null ? "" : "." + wanted), api, session), frames.generated(api), page);
    }

    static String documentation(String namespace, String name) {
        return Links.url("/compliance/model-documentation", "namespace", namespace, "name", name);
    }

    /** A service's 400 or 404 becomes the HTML error page; the JSON shape is for the API. */
    private static <T> T page(Supplier<T> report) {
        try {
            return report.get();
        } catch (ApiException e) {
            if (e.status() == 404) {
                throw new PageException(404, "Not found", e.getMessage());
            }
            if (e.status() == 400) {
                throw new PageException(400, "Bad request", e.getMessage());
            }
            throw e;
        }
    }

    private static List<Views.Link> datasetLinks(List<ComplianceViews.EntityKey> keys) {
        return keys.stream().map(k -> new Views.Link(k.namespace() + " / " + k.name(),
                Links.dataset(k.namespace(), k.name()))).toList();
    }

    private static ReportViews.StateRow stateRow(PiiViews.DatasetSummary d) {
        return new ReportViews.StateRow(d.state().name(), d.namespace(), d.name(), String.join(", ", d.categories()),
                Links.dataset(d.namespace(), d.name()));
    }

    static List<ReportViews.HopRow> hops(List<PiiRefs.Hop> evidence) {
        return evidence.stream().map(h -> new ReportViews.HopRow(label(h.from()),
                h.from().field() == null ? Links.dataset(h.from().namespace(), h.from().name())
                        : Links.lineage("field", h.from().namespace(), h.from().name(), h.from().field(), "pii"),
                label(h.to()), h.job() == null ? null : h.job().namespace() + " / " + h.job().name(),
                h.job() == null ? null : Links.job(h.job().namespace(), h.job().name()),
                h.type() + (h.subtype() == null ? "" : "/" + h.subtype()) + (h.masking() ? " (masked)" : "")))
                .toList();
    }

    private static String label(PiiRefs.FieldRef ref) {
        return ref.namespace() + " / " + ref.name() + (ref.field() == null ? "" : "." + ref.field());
    }

    private ReportViews.SourceRow sourceRow(ComplianceViews.DataSource s) {
        return new ReportViews.SourceRow(s.namespace(), s.name(), s.model() ? "model" : s.feature() ? "feature"
                : "dataset", s.piiState(), String.join(", ", s.piiCategories()), String.join(", ", s.owners()),
                s.ownership() == null ? null : pretty(s.ownership()),
                s.model() ? Links.model(s.namespace(), s.name()) : Links.dataset(s.namespace(), s.name()));
    }

    private static ReportViews.CodeRow codeRow(ModelViews.CodeVersion c) {
        return new ReportViews.CodeRow(c.job() == null ? null : c.job().namespace() + " / " + c.job().name(),
                c.job() == null ? null : Links.job(c.job().namespace(), c.job().name()), c.type(),
                c.url() != null ? c.url() : c.repoUrl(), c.path(), c.version() != null ? c.version() : c.tag(),
                c.branch());
    }

    private ReportViews.FacetValueRow facetValueRow(ModelViews.FacetValue f) {
        return new ReportViews.FacetValueRow(f.source(), jobName(f.job()), f.runId(),
                f.runId() == null ? null : Links.run(f.runId()), f.version(), f.facet(), pretty(f.value()));
    }

    private static ReportViews.TrainingRunRow runRow(ModelViews.TrainingRun r) {
        return new ReportViews.TrainingRunRow(r.runId(), Links.run(r.runId()), r.state(), jobName(r.job()),
                PagesResource.time(r.startedAt()), PagesResource.time(r.endedAt()), r.version());
    }

    private static String jobName(RunView.JobRef job) {
        return job == null ? null : job.namespace() + " / " + job.name();
    }

    private String pretty(JsonNode node) {
        if (node == null) {
            return "";
        }
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            return node.toString();
        }
    }
}

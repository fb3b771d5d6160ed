package dev.provenant.web.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provenant.analyst.CypherAnswer;
import dev.provenant.analyst.CypherConsoleService;
import dev.provenant.analyst.CypherQueryException;
import dev.provenant.analyst.CsvWriter;
import dev.provenant.analyst.CypherRequest;
import dev.provenant.analyst.LibraryParameter;
import dev.provenant.analyst.LibraryQuery;
import dev.provenant.analyst.QueryHistory;
import dev.provenant.analyst.QueryHistoryEntry;
import dev.provenant.config.ProvenantConfig;
import dev.provenant.security.Caller;
import dev.provenant.security.CurrentCaller;
import dev.provenant.security.WebSessions;
import dev.provenant.web.ApiException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The analysts' Cypher page: a query editor beside the curated library and the caller's own history, run
 * through the same {@link CypherConsoleService} as {@code POST /api/v1/cypher} (read-only, timeout, row cap,
 * access log). {@code GET /cypher} shows the editor ({@code ?library=<id>} preselects a library query,
 * {@code ?query=} prefills the text, {@code ?history=<id>} reloads one of the caller's own queries);
 * {@code POST /cypher} runs the form and shows the results, or only the results panel to htmx;
 * {@code POST /cypher/csv} answers the same form as a CSV download.
 */
@Path("/cypher")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class CypherPageResource {

    private static final String PARAM = "param.";

    @CheckedTemplate(basePath = "pages")
    static class Templates {
        static native TemplateInstance cypher(Views.Frame frame, CypherViews.Page page,
                CypherViews.Results results, CypherViews.History history);

        static native TemplateInstance cypherResults(CypherViews.Results results, CypherViews.History history);

        static native TemplateInstance cypherPanel(CypherViews.Results results);

        static native TemplateInstance cypherHistory(CypherViews.History history);
    }

    /** The editor form as sent: query text, library id, the library's parameter fields or ad-hoc JSON. */
    private record Form(String query, String library, Map<String, String> params, String parametersJson, String csrf) {}

    private final CypherConsoleService console;
    private final QueryHistory history;
    private final CurrentCaller caller;
    private final WebSessions sessions;
    private final ObjectMapper json;
    private final CypherViews views;
    private final int maxRows;

    public CypherPageResource(CypherConsoleService console, QueryHistory history, CurrentCaller caller,
            WebSessions sessions, ObjectMapper json, ProvenantConfig config) {
        this.console = console;
        this.history = history;
        this.caller = caller;
        this.sessions = sessions;
        this.json = json;
        this.views = new CypherViews(json);
        this.maxRows = config.cypher().maxRows();
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance page(@Context UriInfo uri, @CookieParam(WebSessions.COOKIE) String session) {
        MultivaluedMap<String, String> q = uri.getQueryParameters();
        Caller who = caller.require();
        Form form;
        String historyId = q.getFirst("history");
        if (historyId != null && !historyId.isBlank()) {
            QueryHistoryEntry entry = history.entry(who, historyId).orElseThrow(() -> new PageException(404,
                    "Not in your history", "Your query history has no entry " + historyId + "."));
            form = fromHistory(entry);
        } else {
            form = new Form(q.getFirst("query"), blankToNull(q.getFirst("library")), params(q),
                    q.getFirst("parameters"), null);
        }
        if (form.library() != null && library(form.library()).isEmpty()) {
            throw new PageException(404, "No such library query", "The library has no query " + form.library()
                    + "; the list on the Cypher page shows the ones it has.");
        }
        return page(who, csrf(session), form, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response run(MultivaluedMap<String, String> body, @Context HttpHeaders headers,
            @HeaderParam("HX-Request") String htmx, @CookieParam(WebSessions.COOKIE) String session) {
        Form form = form(body);
        refuseForgedForm(form, headers, session);
        Caller who = caller.require();
        Outcome outcome = execute(form, who);
        CypherViews.Results results = outcome.answer() != null
                ? views.results(outcome.answer(), maxRows, replay(form))
                : CypherViews.failed(outcome.error(), 0, replay(form));
        // htmx only swaps 2xx answers, so the panel comes with 200; a full page keeps the API's status.
        if ("true".equals(htmx)) {
            return html(200, Templates.cypherResults(results, history(who, true)));
        }
        int status = outcome.error() == null ? 200 : outcome.error().status();
        return html(status, page(who, csrf(session), form, results));
    }

    @POST
    @Path("csv")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces({"text/csv", MediaType.TEXT_HTML})
    @Operation(hidden = true)
    public Response csv(MultivaluedMap<String, String> body, @Context HttpHeaders headers,
            @CookieParam(WebSessions.COOKIE) String session) {
        Form form = form(body);
        refuseForgedForm(form, headers, session);
        Caller who = caller.require();
        Outcome outcome = execute(form, who);
        if (outcome.error() != null) {
            return html(outcome.error().status(), page(who, csrf(session), form,
                    CypherViews.failed(outcome.error(), 0, replay(form))));
        }
        CypherAnswer answer = outcome.answer();
        String file = outcome.libraryRun() ? form.library().replaceAll("[^A-Za-z0-9_-]", "_") : "query";
        return Response.ok(CsvWriter.write(answer.columns(), answer.rows(), json), "text/csv;charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + file + ".csv\"")
                .header("X-Provenant-Truncated", answer.truncated())
                .header("X-Provenant-Elapsed-Ms", answer.elapsedMs())
                .build();
    }

    // ---- running ----------------------------------------------------------------------------------------

    private record Outcome(CypherAnswer answer, CypherViews.ErrorView error, boolean libraryRun) {}

    /**
     * Runs the form: the library query as is when its text was left unchanged (or left empty), else the text as
     * an ad-hoc query with the library's parameter fields, or with the JSON parameters when no library query
     * was chosen.
     */
    private Outcome execute(Form form, Caller who) {
        Optional<LibraryQuery> library = form.library() == null ? Optional.empty() : library(form.library());
        boolean libraryRun = library.isPresent() && (form.query() == null || form.query().isBlank()
                || normalise(form.query()).equals(normalise(library.get().cypher())));
        Map<String, Object> parameters;
        if (library.isPresent()) {
            parameters = typed(library.get(), form.params());
        } else {
            try {
                parameters = parseJson(form.parametersJson());
            } catch (ApiException e) {
                return new Outcome(null, CypherViews.error(e.status(), e.body().error(), e.getMessage(), null, null,
                        null), false);
            }
        }
        CypherRequest request = libraryRun ? new CypherRequest(null, form.library(), parameters)
                : new CypherRequest(form.query(), null, parameters);
        try {
            return new Outcome(console.run(request, who), null, libraryRun);
        } catch (CypherQueryException e) {
            var error = e.error();
            return new Outcome(null, CypherViews.error(e.status(), error.error(), error.message(), error.neo4jCode(),
                    error.position(), form.query()), libraryRun);
        } catch (ApiException e) {
            if (e.status() >= 500) {
                throw e;
            }
            return new Outcome(null, CypherViews.error(e.status(), e.body().error(), e.getMessage(), null, null, null),
                    libraryRun);
        }
    }

    /**
     * The form's text fields as the JSON types the library declares. Empty fields are left out, so the default
     * applies; a value that does not parse is passed on as text for the console to refuse with its message.
     */
    private static Map<String, Object> typed(LibraryQuery query, Map<String, String> sent) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (LibraryParameter p : query.parameters()) {
            String text = sent.get(p.name());
            if (text == null || text.isBlank()) {
                continue;
            }
            String value = text.strip();
            Object typed = switch (p.type()) {
                case INTEGER -> parse(value, Long::valueOf);
                case FLOAT -> parse(value, Double::valueOf);
                case BOOLEAN -> value.equalsIgnoreCase("true") ? Boolean.TRUE
                        : value.equalsIgnoreCase("false") ? Boolean.FALSE : value;
                default -> value;
            };
            out.put(p.name(), typed);
        }
        sent.keySet().stream().filter(k -> query.parameters().stream().noneMatch(p -> p.name().equals(k)))
                .forEach(k -> out.put(k, sent.get(k)));
        return out;
    }

    private static Object parse(String text, java.util.function.Function<String, Object> parser) {
        try {
            return parser.apply(text);
        } catch (NumberFormatException e) {
            return text;
        }
    }

    private Map<String, Object> parseJson(String text) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        try {
            Map<String, Object> map = json.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() {});
            return map == null ? Map.of() : map;
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("invalid_value",
                    "Parameters must be a JSON object, such as {\"ns\": \"s3://lake\"}: " + e.getOriginalMessage(),
                    "parameters");
        }
    }

    // ---- the page ---------------------------------------------------------------------------------------

    private TemplateInstance page(Caller who, String csrf, Form form, CypherViews.Results results) {
        Optional<LibraryQuery> selected = form.library() == null ? Optional.empty() : library(form.library());
        CypherViews.Editor editor;
        if (selected.isPresent()) {
            LibraryQuery q = selected.get();
            String text = form.query() == null || form.query().isBlank() ? q.cypher() : normalise(form.query());
            editor = new CypherViews.Editor(csrf, text, q.id(), q.title(), q.description(), q.returns(),
                    CypherViews.fields(q, form.params()), null);
        } else {
            editor = new CypherViews.Editor(csrf, form.query() == null ? "" : normalise(form.query()), null, null,
                    null, null, List.of(), form.parametersJson() == null ? "" : form.parametersJson());
        }
        List<CypherViews.LibraryEntry> entries = console.library().stream()
                .map(q -> new CypherViews.LibraryEntry(q.id(), q.title(), q.description(),
                        Links.url("/cypher", "library", q.id()), q.id().equals(editor.library())))
                .toList();
        CypherViews.History own = history(who, false);
        String title = selected.map(q -> "Cypher: " + q.title()).orElse("Cypher");
        Views.Frame frame = new Views.Frame(title, "/api/v1/cypher/library", csrf, null);
        return Templates.cypher(frame, new CypherViews.Page(editor, entries), results, own);
    }

    private CypherViews.History history(Caller who, boolean oob) {
        return new CypherViews.History(history.of(who).stream().map(CypherViews::historyRow).toList(), oob);
    }

    private Form fromHistory(QueryHistoryEntry entry) {
        if (entry.libraryQuery() != null) {
            Map<String, String> params = new LinkedHashMap<>();
            Map<String, Object> bound = parseStoredParameters(entry.parameters());
            bound.forEach((k, v) -> params.put(k, v == null ? "" : String.valueOf(v)));
            return new Form(null, entry.libraryQuery(), params, null, null);
        }
        Map<String, Object> bound = parseStoredParameters(entry.parameters());
        return new Form(entry.query(), null, Map.of(), bound.isEmpty() ? "" : entry.parameters(), null);
    }

    private Map<String, Object> parseStoredParameters(String text) {
        try {
            return parseJson(text);
        } catch (ApiException e) {
            return Map.of();
        }
    }

    /** Hidden fields that send the same query again, for the CSV download. */
    private static List<CypherViews.Hidden> replay(Form form) {
        List<CypherViews.Hidden> fields = new ArrayList<>();
        if (form.csrf() != null) {
            fields.add(new CypherViews.Hidden("csrf", form.csrf()));
        }
        if (form.query() != null) {
            fields.add(new CypherViews.Hidden("query", normalise(form.query())));
        }
        if (form.library() != null) {
            fields.add(new CypherViews.Hidden("library", form.library()));
        }
        form.params().forEach((k, v) -> fields.add(new CypherViews.Hidden(PARAM + k, v)));
        if (form.parametersJson() != null && !form.parametersJson().isBlank()) {
            fields.add(new CypherViews.Hidden("parameters", form.parametersJson()));
        }
        return fields;
    }

    // ---- form, CSRF -------------------------------------------------------------------------------------

    private static Form form(MultivaluedMap<String, String> body) {
        return new Form(body.getFirst("query"), blankToNull(body.getFirst("library")), params(body),
                body.getFirst("parameters"), body.getFirst("csrf"));
    }

    private static Map<String, String> params(MultivaluedMap<String, String> values) {
        Map<String, String> params = new LinkedHashMap<>();
        values.forEach((key, list) -> {
            if (key.startsWith(PARAM) && key.length() > PARAM.length() && !list.isEmpty()) {
                params.put(key.substring(PARAM.length()), list.get(0));
            }
        });
        return params;
    }

    /**
     * A form sent with the session cookie must carry the session's CSRF token, like the sign-out form. A request
     * with a bearer header carries no ambient credential, so nothing can forge it.
     */
    private void refuseForgedForm(Form form, HttpHeaders headers, String sessionId) {
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return;
        }
        Optional<WebSessions.Session> session = sessions.find(sessionId);
        if (session.isEmpty() || !WebSessions.csrfMatches(session.get(), form.csrf())) {
            throw new PageException(403, "Forbidden", "The query form was not sent by this page; reload it and"
                    + " run the query again.");
        }
    }

    private String csrf(String sessionId) {
        return sessions.find(sessionId).map(WebSessions.Session::csrf).orElse(null);
    }

    private Optional<LibraryQuery> library(String id) {
        return console.library().stream().filter(q -> q.id().equals(id)).findFirst();
    }

    private static Response html(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page.render())
                .build();
    }

    /** Browsers send a textarea's line ends as CRLF. */
    private static String normalise(String text) {
        return text.replace("\r\n", "\n").strip();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}

package dev.provenant.web.ui;

import dev.provenant.audit.AccessLogService;
import dev.provenant.audit.ChainVerifier;
import dev.provenant.audit.VerifyReport;
import dev.provenant.security.Role;
import dev.provenant.security.TokenInfo;
import dev.provenant.security.TokenService;
import dev.provenant.security.WebSessions;
import dev.provenant.web.ApiException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The admin pages (AccessPolicy: admin only): tokens (list, issue, revoke) and the access log with the
 * verification of both hash chains. Forms post with the session's CSRF token; without a session (a bearer
 * token alone) they are refused, as a script has the JSON API for the same.
 */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class AdminPagesResource {

    static final int ACCESS_LOG_PAGE = 100;
    static final int MAX_ACCESS_LOG_PAGE = 1000;

    @CheckedTemplate(basePath = "pages")
    static class Templates {
        static native TemplateInstance adminTokens(Views.Frame frame, ReportViews.TokensPage page);

        static native TemplateInstance adminTokenIssued(Views.Frame frame, ReportViews.IssuedTokenPage page);

        static native TemplateInstance adminAccessLog(Views.Frame frame, ReportViews.Generated generated,
                ReportViews.AccessLogPage page);
    }

    private final TokenService tokens;
    private final AccessLogService accessLog;
    private final ChainVerifier verifier;
    private final PageFrames frames;

    public AdminPagesResource(TokenService tokens, AccessLogService accessLog, ChainVerifier verifier,
            PageFrames frames) {
        this.tokens = tokens;
        this.accessLog = accessLog;
        this.verifier = verifier;
        this.frames = frames;
    }

    @GET
    @Path("tokens")
    @Operation(hidden = true)
    public TemplateInstance tokens(@CookieParam(WebSessions.COOKIE) String session) {
        return tokensPage(session, null, null, "viewer", null);
    }

    @POST
    @Path("tokens")
    @Operation(hidden = true)
    public Response issue(@FormParam("csrf") String csrf, @FormParam("name") String name,
            @FormParam("role") String role, @FormParam("expiresAt") String expiresAt,
            @CookieParam(WebSessions.COOKIE) String session) {
        requireCsrf(session, csrf);
        TokenService.IssuedToken issued;
        try {
            issued = tokens.issue(new TokenService.TokenRequest(name, role, expiry(expiresAt)), frames.caller());
        } catch (ApiException e) {
            return html(400, tokensPage(session, e.getMessage(), name, role, expiresAt));
        }
        ReportViews.IssuedTokenPage page = new ReportViews.IssuedTokenPage(issued.id(), issued.name(), issued.role(),
                PagesResource.time(issued.expiresAt()), issued.token());
        // The secret is in this answer only: nothing may keep it.
        return Response.status(201).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .entity(Templates.adminTokenIssued(frames.frame("Token issued", null, session), page).render())
                .build();
    }

    @POST
    @Path("tokens/{id}/revoke")
    @Operation(hidden = true)
    public Response revoke(@PathParam("id") String id, @FormParam("csrf") String csrf,
            @CookieParam(WebSessions.COOKIE) String session) {
        requireCsrf(session, csrf);
        try {
            tokens.revoke(id, frames.caller());
        } catch (ApiException e) {
            if (e.status() == 404) {
                throw new PageException(404, "Token not found", e.getMessage());
            }
            throw e;
        }
        return Response.seeOther(URI.create("/admin/tokens")).build();
    }

    @GET
    @Path("access-log")
    @Operation(hidden = true)
    public TemplateInstance accessLog(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("caller") String caller, @QueryParam("path") String path,
            @QueryParam("status") String status, @QueryParam("beforeSeq") Long beforeSeq,
            @QueryParam("verify") boolean verify, @QueryParam("limit") Integer limit, @CookieParam(WebSessions.COOKIE) String session) {
        Instant start = instant(from, "from");
        Instant end = instant(to, "to");
        Integer statusCode = status(status);
        int size = limit == null ? ACCESS_LOG_PAGE : limit;
        if (size < 1 || size > MAX_ACCESS_LOG_PAGE) {
            throw new PageException(400, "Bad request", "limit must be between 1 and " + MAX_ACCESS_LOG_PAGE);
        }
        AccessLogService.NewestPage found = accessLog.newest(new AccessLogService.Filter(start, end, blank(caller),
                blank(path), statusCode), beforeSeq, size);
        List<ReportViews.AccessRow> rows = found.entries().stream().map(e -> new ReportViews.AccessRow(e.seq(),
                PagesResource.time(OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC)), e.method(), e.path(), e.query(),
                String.valueOf(e.status()), e.callerName() == null ? e.callerId() : e.callerName(), e.role(),
                e.client(), e.durationMs(), e.detail() == null ? null : e.detail().toString())).toList();
        String fromIso = start == null ? null : start.toString();
        String toIso = end == null ? null : end.toString();
        String older = found.nextBeforeSeq() == null ? null : Links.url("/admin/access-log", "from", from, "to", to,
                "caller", blank(caller), "path", blank(path), "status", blank(status), "limit", limit,
                "beforeSeq", found.nextBeforeSeq());
        String newest = beforeSeq == null ? null : Links.url("/admin/access-log", "from", from, "to", to, "caller",
                blank(caller), "path", blank(path), "status", blank(status), "limit", limit);
        String api = Links.url("/api/v1/audit/access-log", "from", fromIso, "to", toIso);
        ReportViews.AccessLogPage page = new ReportViews.AccessLogPage(rows, from, to, caller, path, status, older,
                newest, api, Links.url("/api/v1/audit/access-log", "from", fromIso, "to", toIso, "format", "csv"),
                Links.url("/api/v1/audit/access-log", "from", fromIso, "to", toIso, "format", "ndjson"),
                // Verifying walks both chains from the start: on request, not on every look at the log.
                verify ? verifyView(verifier.verify()) : null,
                Links.url("/admin/access-log", "from", from, "to", to, "caller", blank(caller), "path", blank(path),
                        "status", blank(status), "beforeSeq", beforeSeq, "verify", "true"));
        return Templates.adminAccessLog(frames.frame("Access log", api, session), frames.generated(api), page);
    }

    private TemplateInstance tokensPage(String session, String error, String name, String role, String expiresAt) {
        List<ReportViews.TokenRow> rows = tokens.list().stream().map(AdminPagesResource::tokenRow).toList();
        List<String> roles = Arrays.stream(Role.values()).map(Role::label).toList();
        return Templates.adminTokens(frames.frame("Tokens", "/api/v1/admin/tokens", session),
                new ReportViews.TokensPage(rows, roles, error, name, role, expiresAt));
    }

    private static ReportViews.TokenRow tokenRow(TokenInfo t) {
        return new ReportViews.TokenRow(t.id(), t.name(), t.role(), t.state(), PagesResource.time(t.createdAt()),
                t.createdBy(), PagesResource.time(t.expiresAt()), PagesResource.time(t.revokedAt()), t.revokedBy(),
                "active".equals(t.state()));
    }

    private static ReportViews.VerifyView verifyView(VerifyReport report) {
        return new ReportViews.VerifyView(report.ok(), report.checked(), broken(report.firstBroken()), List.of(
                chainRow("events", report.events()), chainRow("access log", report.accessLog())));
    }

    private static ReportViews.ChainRow chainRow(String name, VerifyReport.ChainReport chain) {
        return new ReportViews.ChainRow(name, chain.ok(), chain.checked(), chain.headSeq(), chain.prunedPayloads(),
                broken(chain.firstBroken()));
    }

    private static String broken(VerifyReport.BrokenLink link) {
        return link == null ? null : link.chain() + " seq " + link.seq() + ": " + link.reason() + " (expected "
                + link.expected() + ", found " + link.actual() + ")";
    }

    /** A form is only taken from the page that carries the session's CSRF token. */
    private void requireCsrf(String sessionId, String csrf) {
        WebSessions.Session session = frames.session(sessionId).orElse(null);
        if (session == null || !WebSessions.csrfMatches(session, csrf)) {
            throw new PageException(403, "Forbidden", "The form was not sent by this page; reload it and try again.");
        }
    }

    /**
     * The form's {@code datetime-local} value has no offset: it is read as UTC, as the page says. A value with
     * an offset passes unchanged; anything else goes to the token service, which names the problem.
     */
    static String expiry(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            return LocalDateTime.parse(text).atOffset(ZoneOffset.UTC).toString();
        } catch (DateTimeParseException withOffsetOrInvalid) {
            return text;
        }
    }

    private static Instant instant(String value, String parameter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                throw new PageException(400, "Bad request", parameter
                        + " must be a date-time such as 2026-05-01T12:00 (UTC) or 2026-05-01T12:00:00Z");
            }
        }
    }

    private static Integer status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new PageException(400, "Bad request", "status must be an HTTP status such as 403");
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Response html(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page.render()).build();
    }
}

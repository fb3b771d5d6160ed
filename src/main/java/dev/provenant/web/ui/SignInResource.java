package dev.provenant.web.ui;

import dev.provenant.security.FailedAuthLimiter;
import dev.provenant.security.WebSessions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Sign-in with a token for the web UI: the form posts the token once, the answer sets a session cookie
 * (security/WebSessions). The sign-in form is protected by a double-submit CSRF cookie, the sign-out form by
 * the session's CSRF token.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SignInResource {

    @CheckedTemplate(basePath = "pages")
    static class Templates {
        static native TemplateInstance login(Views.Frame frame, String next, String csrf, String error);
    }

    private final WebSessions sessions;
    private final FailedAuthLimiter limiter;

    public SignInResource(WebSessions sessions, FailedAuthLimiter limiter) {
        this.sessions = sessions;
        this.limiter = limiter;
    }

    @GET
    @Path("login")
    @Operation(hidden = true)
    public Response form(@QueryParam("next") String next, @Context UriInfo uri) {
        return form(next, null, 200, secure(uri));
    }

    @POST
    @Path("login")
    @Operation(hidden = true)
    public Response signIn(@FormParam("token") String token, @FormParam("csrf") String csrf,
            @FormParam("next") String next, @CookieParam(WebSessions.LOGIN_CSRF_COOKIE) String csrfCookie,
            @Context UriInfo uri, @Context HttpServerRequest request) {
        boolean secure = secure(uri);
        // /login is public, so BearerAuthFilter's limiter never sees it: the form counts its own failures
        // against the same per-address limit, else it would be an unlimited token-guessing oracle.
        SocketAddress address = request.remoteAddress();
        String client = address == null || address.hostAddress() == null ? "unknown" : address.hostAddress();
        if (limiter.blockedFor(client).isPresent()) {
            return form(next, "Too many failed sign-ins from this address; please wait a minute.", 429, secure);
        }
        if (csrf == null || csrfCookie == null || !MessageDigest.isEqual(csrf.getBytes(StandardCharsets.UTF_8),
                csrfCookie.getBytes(StandardCharsets.UTF_8))) {
            return form(next, "The form expired; please sign in again.", 403, secure);
        }
        return sessions.signIn(token)
                .map(s -> Response.seeOther(URI.create(safeNext(next)))
                        .header(HttpHeaders.SET_COOKIE, sessions.sessionCookie(s.id(), secure))
                        .header(HttpHeaders.SET_COOKIE, WebSessions.expiredCookie(WebSessions.LOGIN_CSRF_COOKIE, secure))
                        .build())
                .orElseGet(() -> {
                    if (token != null && !token.isBlank()) {
                        limiter.recordFailure(client);
                    }
                    return form(next, "That token is not valid.", 401, secure);
                });
    }

    @POST
    @Path("logout")
    @Operation(hidden = true)
    public Response signOut(@FormParam("csrf") String csrf, @CookieParam(WebSessions.COOKIE) String sessionId,
            @Context UriInfo uri) {
        WebSessions.Session session = sessions.find(sessionId).orElse(null);
        if (session == null || !WebSessions.csrfMatches(session, csrf)) {
            return Response.status(403).type(MediaType.TEXT_HTML_TYPE).entity(PagesResource.Templates.error(
                    new Views.Frame("Forbidden", null, null, null), 403, "Forbidden",
                    "The sign-out form was not sent by this page.").render()).build();
        }
        sessions.signOut(session.id());
        return Response.seeOther(URI.create("/login"))
                .header(HttpHeaders.SET_COOKIE, WebSessions.expiredCookie(WebSessions.COOKIE, secure(uri))).build();
    }

    private Response form(String next, String error, int status, boolean secure) {
        String csrf = sessions.randomId();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header(HttpHeaders.SET_COOKIE, WebSessions.cookie(WebSessions.LOGIN_CSRF_COOKIE, csrf, secure, -1))
                .entity(Templates.login(new Views.Frame("Sign in", null, null, null), safeNext(next), csrf, error)
                        .render())
                .build();
    }

    /** Only a path on this server: no scheme, no host, no protocol-relative "//host". */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
                || next.chars().anyMatch(c -> c < 0x20)) {
            return "/";
        }
        return next;
    }

    private static boolean secure(UriInfo uri) {
        return "https".equalsIgnoreCase(uri.getRequestUri().getScheme());
    }
}

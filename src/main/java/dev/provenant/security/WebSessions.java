package dev.provenant.security;

import dev.provenant.config.ProvenantConfig;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Web UI sign-in: a random session id in an HttpOnly, SameSite=Strict cookie stands for the token the user
 * signed in with, kept in this instance's memory until it has been idle for {@code provenant.ui.session-timeout}.
 * Every request re-checks that token exactly as a bearer token is checked, so a session is never worth more
 * than its token. Several instances behind a load balancer need sticky sessions (or users sign in again).
 */
@ApplicationScoped
public class WebSessions implements TokenSource {

    public static final String COOKIE = "pvn_session";
    /** Double-submit cookie that protects the sign-in form itself, before any session exists. */
    public static final String LOGIN_CSRF_COOKIE = "pvn_login_csrf";
    static final int MAX_SESSIONS = 10_000;

    /** A signed-in browser: its token (checked again on every request) and the CSRF token of its forms. */
    public record Session(String id, String token, String csrf, Instant lastSeen) {}

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final TokenAuthenticator authenticator;
    private final Duration timeout;
    private final Clock clock;

    public WebSessions(TokenAuthenticator authenticator, ProvenantConfig config) {
        this.authenticator = authenticator;
        this.timeout = config.ui().sessionTimeout();
        this.clock = Clock.systemUTC();
    }

    /**
     * A new session for a token {@link TokenAuthenticator} accepts (any role; each route then checks it);
     * empty when the token is not valid. May read the database: call it off the event loop.
     */
    public Optional<Session> signIn(String token) {
        if (token == null || token.isBlank() || !authenticator.authenticate(token.strip()).succeeded()) {
            return Optional.empty();
        }
        if (sessions.size() >= MAX_SESSIONS) {
            purgeExpired();
        }
        Session session = new Session(randomId(), token.strip(), randomId(), clock.instant());
        sessions.put(session.id(), session);
        return Optional.of(session);
    }

    /** The live session a session id names, its idle clock restarted; empty when unknown or expired. */
    public Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session session = sessions.get(id);
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (session.lastSeen().plus(timeout).isBefore(now)) {
            sessions.remove(id, session);
            return Optional.empty();
        }
        Session touched = new Session(session.id(), session.token(), session.csrf(), now);
        sessions.replace(id, session, touched);
        return Optional.of(touched);
    }

    public void signOut(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    /** Whether a submitted CSRF token belongs to the session (constant-time). */
    public static boolean csrfMatches(Session session, String submitted) {
        return submitted != null && MessageDigest.isEqual(session.csrf().getBytes(StandardCharsets.UTF_8),
                submitted.getBytes(StandardCharsets.UTF_8));
    }

    public String randomId() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public String sessionCookie(String id, boolean secure) {
        return cookie(COOKIE, id, secure, -1);
    }

    public static String expiredCookie(String name, boolean secure) {
        return cookie(name, "", secure, 0);
    }

    public static String cookie(String name, String value, boolean secure, long maxAge) {
        Cookie cookie = Cookie.cookie(name, value).setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.STRICT)
                .setSecure(secure);
        if (maxAge >= 0) {
            cookie.setMaxAge(maxAge);
        }
        return cookie.encode();
    }

    private void purgeExpired() {
        Instant limit = clock.instant().minus(timeout);
        sessions.values().removeIf(s -> s.lastSeen().isBefore(limit));
    }

    // ---- used by BearerAuthFilter -------------------------------------------------------------------

    /**
     * The token of the request's session cookie, if it names a live session; BearerAuthFilter authenticates
     * and authorizes it like a Bearer token. The API honours a session only for reads (the JSON links on the
     * pages); API writes need the bearer header, so no form elsewhere can ride on the cookie.
     */
    @Override
    public Optional<String> token(RoutingContext context) {
        String path = context.normalizedPath();
        HttpMethod method = context.request().method();
        if ((path.startsWith("/api/") || path.startsWith("/q/")) && method != HttpMethod.GET && method != HttpMethod.HEAD) {
            return Optional.empty();
        }
        Cookie cookie = context.request().getCookie(COOKIE);
        return find(cookie == null ? null : cookie.getValue()).map(Session::token);
    }

    /** A browser asking for a page (not the API, not Quarkus' endpoints) is sent to sign in instead of a 401. */
    static boolean redirectToSignIn(RoutingContext context) {
        String path = context.normalizedPath();
        HttpMethod method = context.request().method();
        if ((method != HttpMethod.GET && method != HttpMethod.HEAD) || path.startsWith("/api/") || path.startsWith("/q/")) {
            return false;
        }
        String uri = context.request().uri();
        context.response().setStatusCode(303)
                .putHeader(HttpHeaders.LOCATION, "/login?next=" + URLEncoder.encode(uri, StandardCharsets.UTF_8))
                .end();
        return true;
    }
}

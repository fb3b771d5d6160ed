package dev.provenant.security;

import dev.provenant.audit.AccessLogEntry;
import dev.provenant.audit.AccessLogWriter;
import dev.provenant.config.ProvenantConfig;
import dev.provenant.neo4j.DatabaseAvailability;
import dev.provenant.neo4j.DatabaseFailures;
import dev.provenant.web.ApiError;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Authentication and authorization of every HTTP route, the application's and Quarkus' own {@code /q/*}
 * ones, as a Vert.x filter, so that nothing reaches a handler, or has its body read, unless allowed:
 * <ol>
 * <li>the route's rule comes from {@link AccessPolicy} (admin-only when not listed); public routes pass;</li>
 * <li>a client address over the failed-authentication limit gets 429 with Retry-After;</li>
 * <li>the token (Bearer header, else a {@link TokenSource} such as the UI session) is authenticated by
 * {@link TokenAuthenticator}: 401 when missing, wrong, expired or revoked;</li>
 * <li>the caller's role must cover the rule's: else 403;</li>
 * <li>the {@link Caller} is put into the routing context for {@link CurrentCaller}.</li>
 * </ol>
 * Every request but the health probes is recorded in the access log once its response has ended.
 * Oversized ingest bodies are refused here too, by their declared length, before a byte is read.
 */
@ApplicationScoped
public class BearerAuthFilter {

    private static final Logger LOG = Logger.getLogger(BearerAuthFilter.class);
    private static final int PRIORITY = 100;

    private final TokenAuthenticator authenticator;
    private final FailedAuthLimiter limiter;
    private final AccessLogWriter accessLog;
    private final DatabaseAvailability database;
    private final Instance<TokenSource> tokenSources;
    private final long maxIngestBytes;

    public BearerAuthFilter(TokenAuthenticator authenticator, FailedAuthLimiter limiter, AccessLogWriter accessLog,
            DatabaseAvailability database, Instance<TokenSource> tokenSources, ProvenantConfig config) {
        this.authenticator = authenticator;
        this.limiter = limiter;
        this.accessLog = accessLog;
        this.database = database;
        this.tokenSources = tokenSources;
        this.maxIngestBytes = config.ingest().maxBytes().asLongValue();
    }

    void register(@Observes Filters filters) {
        filters.register(this::filter, PRIORITY);
    }

    private void filter(RoutingContext context) {
        String path = context.normalizedPath();
        String method = context.request().method().name();
        AccessRule rule = AccessPolicy.ruleFor(method, path);
        String client = clientAddress(context);
        if (!path.equals("/q/health") && !path.startsWith("/q/health/")) {
            recordWhenEnded(context, rule, client);
        }
        if (rule.isPublic()) {
            context.next();
            return;
        }
        Optional<Duration> blocked = limiter.blockedFor(client);
        if (blocked.isPresent()) {
            context.response().putHeader("Retry-After", String.valueOf(Math.max(1, blocked.get().toSeconds() + 1)));
            reply(context, 429, new ApiError("too_many_failures",
                    "too many failed authentications from this address; retry after the delay", null));
            return;
        }
        String token = token(context);
        Optional<Authentication> known = authenticator.authenticateCached(token);
        if (known.isPresent()) {
            authorize(context, rule, client, token, known.get());
            return;
        }
        context.vertx().executeBlocking(() -> authenticator.authenticate(token), false).onComplete(result -> {
            if (context.response().ended() || context.response().closed()) {
                return;
            }
            if (result.succeeded()) {
                authorize(context, rule, client, token, result.result());
            } else {
                lookupFailed(context, result.cause());
            }
        });
    }

    private void authorize(RoutingContext context, AccessRule rule, String client, String token, Authentication auth) {
        if (!auth.succeeded()) {
            if (token != null && !token.isBlank()) {
                limiter.recordFailure(client);
            }
            // A browser asking for a page is sent to the sign-in page (security/WebSessions) instead of a 401.
            if (WebSessions.redirectToSignIn(context)) {
                return;
            }
            context.response().putHeader("WWW-Authenticate", "Bearer realm=\"provenant\"");
            reply(context, 401, new ApiError("unauthorized", token == null || token.isBlank()
                    ? "send 'Authorization: Bearer <token>'"
                    : "the token is not valid, has expired or was revoked", "Authorization"));
            return;
        }
        Caller caller = auth.caller();
        context.put(Caller.CONTEXT_KEY, caller);
        if (!caller.role().covers(rule.role())) {
            reply(context, 403, new ApiError("forbidden", "this route needs the role " + rule.role().label()
                    + " or higher; the token has the role " + caller.role().label(), null));
            return;
        }
        if (context.normalizedPath().startsWith("/api/v1/lineage") && declaredLength(context) > maxIngestBytes) {
            reply(context, 413, new ApiError("payload_too_large", "the request body is larger than " + maxIngestBytes
                    + " bytes (provenant.ingest.max-bytes)", null));
            return;
        }
        context.next();
    }

    private void lookupFailed(RoutingContext context, Throwable cause) {
        if (DatabaseFailures.isUnavailable(cause)) {
            database.markUnavailable(cause);
            context.response().putHeader("Retry-After", "5");
            reply(context, 503, new ApiError("database_unavailable",
                    "Neo4j is unavailable, so the token cannot be checked; retry after the delay", null));
            return;
        }
        LOG.error("Token lookup failed", cause);
        reply(context, 500, new ApiError("internal_error", "the server failed to check the token; see its log", null));
    }

    private String token(RoutingContext context) {
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return header.substring(7).strip();
        }
        for (TokenSource source : tokenSources) {
            Optional<String> token = source.token(context);
            if (token.isPresent()) {
                return token.get();
            }
        }
        return null;
    }

    private void recordWhenEnded(RoutingContext context, AccessRule rule, String client) {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        long startNanos = System.nanoTime();
        String method = context.request().method().name();
        String path = context.normalizedPath();
        String query = context.request().query();
        context.addEndHandler(ended -> {
            Caller caller = context.get(Caller.CONTEXT_KEY);
            accessLog.record(new AccessLogEntry(start, method, path, rule.pattern(), query,
                    context.response().getStatusCode(), caller == null ? null : caller.tokenId(),
                    caller == null ? null : caller.name(), caller == null ? null : caller.role().label(), client,
                    (System.nanoTime() - startNanos) / 1_000_000, context.get(AccessLogEntry.DETAIL_CONTEXT_KEY)));
        });
    }

    private static String clientAddress(RoutingContext context) {
        SocketAddress address = context.request().remoteAddress();
        return address == null || address.hostAddress() == null ? "unknown" : address.hostAddress();
    }

    private static long declaredLength(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return length == null ? -1 : Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void reply(RoutingContext context, int status, ApiError error) {
        context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(Json.encode(error));
    }
}

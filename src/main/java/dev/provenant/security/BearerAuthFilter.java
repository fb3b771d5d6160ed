package dev.provenant.security;

import dev.provenant.config.ProvenantConfig;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import dev.provenant.web.ApiError;

/**
 * Every HTTP route, the application's and Quarkus' own {@code /q/*} ones, requires
 * {@code Authorization: Bearer <token>}; only the health probes stay open. Runs as a Vert.x filter so
 * that nothing reaches a handler, or has its body read, without a valid token. Oversized ingest bodies
 * are refused here too, by their declared length, before a byte is read.
 */
@ApplicationScoped
public class BearerAuthFilter {

    private static final int PRIORITY = 100;

    private final AdminToken adminToken;
    private final WebSessions webSessions;
    private final long maxIngestBytes;

    public BearerAuthFilter(AdminToken adminToken, WebSessions webSessions, ProvenantConfig config) {
        this.adminToken = adminToken;
        this.webSessions = webSessions;
        this.maxIngestBytes = config.ingest().maxBytes().asLongValue();
    }

    void register(@Observes Filters filters) {
        filters.register(this::filter, PRIORITY);
    }

    private void filter(RoutingContext context) {
        String path = context.normalizedPath();
        if (path.equals("/q/health") || path.startsWith("/q/health/")) {
            context.next();
            return;
        }
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : null;
        // Web UI (security/WebSessions): a session cookie stands for its token; sign-in and assets are open,
        // and a browser without a session is sent to the sign-in page instead of a 401.
        if (token == null) {
            token = webSessions.tokenOf(context).orElse(null);
        }
        boolean valid = adminToken.matches(token);
        if (!valid && WebSessions.isOpen(path)) {
            context.next();
            return;
        }
        if (!valid && WebSessions.redirectToSignIn(context)) {
            return;
        }
        if (!valid) {
            context.response().putHeader("WWW-Authenticate", "Bearer realm=\"provenant\"");
            reply(context, 401, new ApiError("unauthorized",
                    token == null ? "send 'Authorization: Bearer <token>'" : "the bearer token is not valid",
                    "Authorization"));
            return;
        }
        if (path.startsWith("/api/v1/lineage") && declaredLength(context) > maxIngestBytes) {
            reply(context, 413, new ApiError("payload_too_large", "the request body is larger than " + maxIngestBytes
                    + " bytes (provenant.ingest.max-bytes)", null));
            return;
        }
        context.next();
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

package dev.provenant.security;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Security headers on every response, refusals by the auth filter included (this filter runs first):
 * a Content-Security-Policy that allows only same-origin resources and no inline scripts or styles, no
 * MIME sniffing, no framing, no referrer, HSTS over HTTPS, and no caching of API answers. A handler
 * that sets one of these headers itself keeps its own value.
 */
@ApplicationScoped
public class SecurityHeaders {

    /** Runs before {@link BearerAuthFilter} (higher priority runs first). */
    private static final int PRIORITY = 200;

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    void register(@Observes Filters filters) {
        filters.register(this::filter, PRIORITY);
    }

    private void filter(RoutingContext context) {
        String path = context.normalizedPath();
        boolean devUi = LaunchMode.current() == LaunchMode.DEVELOPMENT && path.startsWith("/q/dev-ui");
        boolean ssl = context.request().isSSL();
        context.addHeadersEndHandler(v -> {
            MultiMap headers = context.response().headers();
            if (!devUi) {
                setIfAbsent(headers, "Content-Security-Policy", CONTENT_SECURITY_POLICY);
            }
            setIfAbsent(headers, "X-Content-Type-Options", "nosniff");
            setIfAbsent(headers, "X-Frame-Options", "DENY");
            setIfAbsent(headers, "Referrer-Policy", "no-referrer");
            if (ssl) {
                setIfAbsent(headers, "Strict-Transport-Security", "max-age=31536000");
            }
            if (path.startsWith("/api/")) {
                setIfAbsent(headers, "Cache-Control", "no-store");
            }
        });
        context.next();
    }

    private static void setIfAbsent(MultiMap headers, String name, String value) {
        if (!headers.contains(name)) {
            headers.set(name, value);
        }
    }
}

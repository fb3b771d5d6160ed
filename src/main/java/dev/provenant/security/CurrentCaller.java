package dev.provenant.security;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * The caller of the current request, for resources that record who did something (declarations,
 * token management). Empty only on public routes.
 */
@RequestScoped
public class CurrentCaller {

    private final CurrentVertxRequest request;

    public CurrentCaller(CurrentVertxRequest request) {
        this.request = request;
    }

    public Optional<Caller> get() {
        RoutingContext context = request.getCurrent();
        return context == null ? Optional.empty() : Optional.ofNullable(context.get(Caller.CONTEXT_KEY));
    }

    /** The caller of an authenticated route; every non-public route has one. */
    public Caller require() {
        return get().orElseThrow(() -> new IllegalStateException("no authenticated caller on this request"));
    }
}

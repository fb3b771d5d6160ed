package dev.provenant.support;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Keeps the application's Vert.x router so that tests can list the routes it really serves. */
@ApplicationScoped
public class RouterCapture {

    private static volatile Router router;

    void capture(@Observes Router router) {
        RouterCapture.router = router;
    }

    public static Router router() {
        return router;
    }
}

package dev.provenant.security;

import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * Another place a request may carry its token than the {@code Authorization: Bearer} header, such as
 * the UI's session cookie (whose server-side session maps to a token). Every CDI bean implementing it
 * is asked, in no particular order, when the header is absent; the token it returns is authenticated
 * and authorized exactly like a Bearer token. Called on the event loop: it must not block.
 */
public interface TokenSource {

    Optional<String> token(RoutingContext context);
}

package dev.provenant.security;

import dev.provenant.config.ProvenantConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed authentications (a token presented that is wrong, expired or revoked) per client
 * address in a fixed window. Once an address reaches {@code provenant.auth.max-failures}, every
 * request of it that needs a token is answered 429 until the window ends, valid token or not:
 * otherwise the answer would still tell a guesser which token is right. Counts are per instance.
 */
@ApplicationScoped
public class FailedAuthLimiter {

    private static final int MAX_TRACKED = 100_000;

    private static final class Window {
        final long start;
        int failures;

        Window(long start) {
            this.start = start;
        }
    }

    private final int maxFailures;
    private final long windowMillis;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public FailedAuthLimiter(ProvenantConfig config) {
        this.maxFailures = config.auth().maxFailures();
        this.windowMillis = config.auth().failureWindow().toMillis();
    }

    /** How long this address must wait, when it is over the limit. */
    public Optional<Duration> blockedFor(String address) {
        Window window = windows.get(address);
        if (window == null) {
            return Optional.empty();
        }
        long left = window.start + windowMillis - clock.millis();
        synchronized (window) {
            return left > 0 && window.failures >= maxFailures ? Optional.of(Duration.ofMillis(left)) : Optional.empty();
        }
    }

    public void recordFailure(String address) {
        long now = clock.millis();
        if (windows.size() >= MAX_TRACKED) {
            windows.values().removeIf(w -> w.start + windowMillis <= now);
        }
        Window window = windows.compute(address, (a, w) -> w == null || w.start + windowMillis <= now ? new Window(now) : w);
        synchronized (window) {
            window.failures++;
        }
    }
}

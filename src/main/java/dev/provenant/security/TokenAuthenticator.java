package dev.provenant.security;

import dev.provenant.config.ProvenantConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a token string, whatever carried it (a Bearer header or a UI session), into a {@link Caller}:
 * the bootstrap admin token, or a stored {@code :ApiToken} that is neither expired nor revoked. Lookups
 * are cached for {@code provenant.auth.token-cache-ttl} so that ingest does not read the database on
 * every request; expiry is still checked on every use, and a revocation on this instance drops the
 * cached entry at once.
 */
@ApplicationScoped
public class TokenAuthenticator {

    private static final int MAX_CACHED = 10_000;

    private record Cached(Optional<TokenRepository.StoredToken> token, long loadedAt) {}

    private final AdminToken adminToken;
    private final TokenRepository repository;
    private final long ttlMillis;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public TokenAuthenticator(AdminToken adminToken, TokenRepository repository, ProvenantConfig config) {
        this.adminToken = adminToken;
        this.repository = repository;
        this.ttlMillis = config.auth().tokenCacheTtl().toMillis();
        this.clock = Clock.systemUTC();
    }

    /**
     * Authenticates a token, reading the database when the token is not cached: call it off the
     * event loop, or use {@link #authenticateCached} first.
     */
    public Authentication authenticate(String token) {
        return authenticateCached(token).orElseGet(() -> {
            String hash = hash(token);
            Optional<TokenRepository.StoredToken> stored = repository.findByHash(hash);
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            cache.put(hash, new Cached(stored, clock.millis()));
            return judge(stored);
        });
    }

    /** The answer when it needs no database read (no token, the admin token, a fresh cache entry); else empty. */
    public Optional<Authentication> authenticateCached(String token) {
        if (token == null || token.isBlank()) {
            return Optional.of(Authentication.failed("missing"));
        }
        if (adminToken.matches(token)) {
            return Optional.of(Authentication.success(Caller.bootstrapAdmin()));
        }
        Cached cached = cache.get(hash(token));
        if (cached == null || clock.millis() - cached.loadedAt() > ttlMillis) {
            return Optional.empty();
        }
        return Optional.of(judge(cached.token()));
    }

    /** Forgets a token at once, e.g. after it was revoked. */
    void invalidate(String hash) {
        cache.remove(hash);
    }

    private Authentication judge(Optional<TokenRepository.StoredToken> stored) {
        if (stored.isEmpty()) {
            return Authentication.failed("the token is not valid");
        }
        TokenRepository.StoredToken token = stored.get();
        if (token.revokedAt() != null) {
            return Authentication.failed("the token was revoked");
        }
        if (token.expiresAt() != null && !token.expiresAt().isAfter(OffsetDateTime.now(clock))) {
            return Authentication.failed("the token has expired");
        }
        Optional<Role> role = Role.parse(token.role());
        return role.map(r -> Authentication.success(new Caller(token.id(), token.name(), r)))
                .orElseGet(() -> Authentication.failed("the token has an unknown role"));
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

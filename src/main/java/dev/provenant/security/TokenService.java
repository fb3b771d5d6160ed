package dev.provenant.security;

import dev.provenant.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** Issues, lists and revokes API tokens. A token's secret exists only in the answer that issues it. */
@ApplicationScoped
public class TokenService {

    /** A new token: the only time its secret is shown. */
    public record IssuedToken(String id, String token, String name, String role, OffsetDateTime expiresAt) {}

    public record TokenRequest(String name, String role, String expiresAt) {}

    private static final int MAX_NAME = 200;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TokenRepository repository;
    private final TokenAuthenticator authenticator;

    public TokenService(TokenRepository repository, TokenAuthenticator authenticator) {
        this.repository = repository;
        this.authenticator = authenticator;
    }

    public IssuedToken issue(TokenRequest request, Caller issuer) {
        if (request == null) {
            throw ApiException.badRequest("missing_field", "send {\"name\", \"role\", \"expiresAt\"?}", "");
        }
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty()) {
            throw ApiException.badRequest("missing_field", "name is required", "name");
        }
        if (name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.badRequest("invalid_value", "name must be at most " + MAX_NAME
                    + " characters without control characters", "name");
        }
        if (request.role() == null) {
            throw ApiException.badRequest("missing_field", "role is required", "role");
        }
        Role role = Role.parse(request.role()).orElseThrow(() -> ApiException.badRequest("invalid_value",
                "role must be one of ingest, viewer, analyst, steward, admin", "role"));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        OffsetDateTime expiresAt = expiry(request.expiresAt(), now);

        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = "pvn_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String id = UUID.randomUUID().toString();
        repository.create(id, name, role, TokenAuthenticator.hash(secret), now, issuer.tokenId(), expiresAt);
        return new IssuedToken(id, secret, name, role.label(), expiresAt);
    }

    public List<TokenInfo> list() {
        return repository.list(OffsetDateTime.now(ZoneOffset.UTC));
    }

    /** Revokes a token at once on this instance (other instances within the cache TTL). */
    public void revoke(String id, Caller revoker) {
        String hash = repository.revoke(id, OffsetDateTime.now(ZoneOffset.UTC), revoker.tokenId())
                .orElseThrow(() -> ApiException.notFound("no token with id " + id));
        authenticator.invalidate(hash);
    }

    private static OffsetDateTime expiry(String text, OffsetDateTime now) {
        if (text == null || text.isBlank()) {
            return null;
        }
        OffsetDateTime expiresAt;
        try {
            expiresAt = OffsetDateTime.parse(text.strip()).withOffsetSameInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("invalid_value",
                    "expiresAt must be an ISO-8601 date-time with offset, such as 2027-01-01T00:00:00Z", "expiresAt");
        }
        if (!expiresAt.isAfter(now)) {
            throw ApiException.badRequest("invalid_value", "expiresAt must lie in the future", "expiresAt");
        }
        return expiresAt;
    }
}

package dev.provenant.security;

import dev.provenant.neo4j.CypherCatalog;
import dev.provenant.neo4j.Neo4jSessions;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;

/** API tokens as {@code :ApiToken} nodes, keyed by the SHA-256 of their secret. */
@ApplicationScoped
class TokenRepository {

    /** What authentication needs of a stored token. */
    record StoredToken(String id, String name, String role, OffsetDateTime expiresAt, OffsetDateTime revokedAt) {}

    private final Neo4jSessions sessions;
    private final String create;
    private final String findByHash;
    private final String list;
    private final String revoke;

    TokenRepository(Neo4jSessions sessions, CypherCatalog cypher) {
        this.sessions = sessions;
        this.create = cypher.get("security/create_token");
        this.findByHash = cypher.get("security/find_token_by_hash");
        this.list = cypher.get("security/list_tokens");
        this.revoke = cypher.get("security/revoke_token");
    }

    void create(String id, String name, Role role, String hash, OffsetDateTime createdAt, String createdBy,
            OffsetDateTime expiresAt) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        params.put("name", name);
        params.put("role", role.label());
        params.put("hash", hash);
        params.put("createdAt", createdAt);
        params.put("createdBy", createdBy);
        params.put("expiresAt", expiresAt);
        try (Session session = sessions.writeSession()) {
            session.executeWriteWithoutResult(tx -> tx.run(create, params).consume());
        }
    }

    Optional<StoredToken> findByHash(String hash) {
        try (Session session = sessions.readSession()) {
            return session.executeRead(tx -> {
                var result = tx.run(findByHash, Map.of("hash", hash));
                if (!result.hasNext()) {
                    return Optional.<StoredToken>empty();
                }
                Record r = result.next();
                return Optional.of(new StoredToken(r.get("id").asString(), r.get("name").asString(),
                        r.get("role").asString(), time(r.get("expiresAt")), time(r.get("revokedAt"))));
            });
        }
    }

    List<TokenInfo> list(OffsetDateTime now) {
        try (Session session = sessions.readSession()) {
            return session.executeRead(tx -> tx.run(list).list(r -> {
                OffsetDateTime expiresAt = time(r.get("expiresAt"));
                OffsetDateTime revokedAt = time(r.get("revokedAt"));
                String state = revokedAt != null ? "revoked" : expiresAt != null && !expiresAt.isAfter(now) ? "expired"
                        : "active";
                return new TokenInfo(r.get("id").asString(), r.get("name").asString(), r.get("role").asString(),
                        time(r.get("createdAt")), text(r.get("createdBy")), expiresAt, revokedAt, text(r.get("revokedBy")),
                        state);
            }));
        }
    }

    /** The revoked token's hash, or empty when no token has this id. */
    Optional<String> revoke(String id, OffsetDateTime revokedAt, String revokedBy) {
        Map<String, Object> params = Map.of("id", id, "revokedAt", revokedAt, "revokedBy", revokedBy);
        try (Session session = sessions.writeSession()) {
            return session.executeWrite(tx -> {
                var result = tx.run(revoke, params);
                return result.hasNext() ? Optional.of(result.next().get("hash").asString()) : Optional.<String>empty();
            });
        }
    }

    private static OffsetDateTime time(Value value) {
        return value.isNull() ? null : value.asOffsetDateTime();
    }

    private static String text(Value value) {
        return value.isNull() ? null : value.asString();
    }
}

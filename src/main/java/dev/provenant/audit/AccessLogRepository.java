package dev.provenant.audit;

import dev.provenant.neo4j.CypherCatalog;
import dev.provenant.neo4j.Neo4jSessions;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/**
 * The access log as {@code :AccessLogEntry} nodes, hash-chained like the event log: each entry carries
 * its own hash, the previous entry's hash and a chain hash over everything before it. Appends take the
 * write lock of the {@code :AccessLogChain} head first, so instances never fork the chain.
 */
@ApplicationScoped
class AccessLogRepository {

    /** The head of a chain: its last seq, hash and chain hash. */
    record ChainHead(long seq, String head, String chain) {}

    private final Neo4jSessions sessions;
    private final String lockChain;
    private final String createEntries;
    private final String advanceChain;
    private final String findEntries;
    private final String findHead;
    private final String findMentioning;
    private final String findNewest;

    AccessLogRepository(Neo4jSessions sessions, CypherCatalog cypher) {
        this.sessions = sessions;
        this.lockChain = cypher.get("audit/lock_access_chain");
        this.createEntries = cypher.get("audit/create_access_entries");
        this.advanceChain = cypher.get("audit/advance_access_chain");
        this.findEntries = cypher.get("audit/find_access_entries");
        this.findHead = cypher.get("audit/find_access_chain_head");
        this.findMentioning = cypher.get("audit/find_access_entries_mentioning");
        this.findNewest = cypher.get("audit/find_access_entries_newest");
    }

    void append(List<AccessLogEntry> entries) {
        try (Session session = sessions.writeSession()) {
            session.executeWriteWithoutResult(tx -> appendIn(tx, entries));
        }
    }

    private void appendIn(TransactionContext tx, List<AccessLogEntry> entries) {
        Record head = tx.run(lockChain).single();
        long seq = head.get("seq").asLong();
        String prevHash = head.get("head").isNull() ? null : head.get("head").asString();
        String chain = head.get("chain").isNull() ? "" : head.get("chain").asString();
        List<Map<String, Object>> rows = new ArrayList<>(entries.size());
        for (AccessLogEntry entry : entries) {
            String hash = entry.hash();
            seq++;
            chain = chainHash(chain, hash);
            Map<String, Object> row = new HashMap<>();
            row.put("seq", seq);
            row.put("hash", hash);
            row.put("prevHash", prevHash);
            row.put("chainHash", chain);
            row.put("at", OffsetDateTime.ofInstant(entry.at(), ZoneOffset.UTC));
            row.put("method", entry.method());
            row.put("path", entry.path());
            row.put("route", entry.route());
            row.put("query", entry.query());
            row.put("status", entry.status());
            row.put("callerId", entry.callerId());
            row.put("callerName", entry.callerName());
            row.put("role", entry.role());
            row.put("client", entry.client());
            row.put("durationMs", entry.durationMs());
            row.put("detail", entry.detail());
            rows.add(row);
            prevHash = hash;
        }
        tx.run(createEntries, Map.of("rows", rows)).consume();
        tx.run(advanceChain, Map.of("seq", seq, "head", prevHash, "chain", chain)).consume();
    }

    /** Entries after {@code afterSeq} in seq order, optionally within [from, to). */
    List<StoredAccessEntry> find(Instant from, Instant to, long afterSeq, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("from", from == null ? null : OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
        params.put("to", to == null ? null : OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
        params.put("afterSeq", afterSeq);
        params.put("limit", limit);
        try (Session session = sessions.readSession()) {
            return session.executeRead(tx -> tx.run(findEntries, params).list(AccessLogRepository::toStored));
        }
    }

    /** Entries before {@code beforeSeq} (null: all), newest first, filtered by what is not null. */
    List<StoredAccessEntry> findNewest(AccessLogService.Filter filter, Long beforeSeq, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("beforeSeq", beforeSeq);
        params.put("from", filter.from() == null ? null : OffsetDateTime.ofInstant(filter.from(), ZoneOffset.UTC));
        params.put("to", filter.to() == null ? null : OffsetDateTime.ofInstant(filter.to(), ZoneOffset.UTC));
        params.put("caller", filter.caller());
        params.put("path", filter.path());
        params.put("status", filter.status());
        params.put("limit", limit);
        try (Session session = sessions.readSession()) {
            return session.executeRead(tx -> tx.run(findNewest, params).list(AccessLogRepository::toStored));
        }
    }

    /** Entries whose path or query contains any of the needles, in seq order. */
    List<StoredAccessEntry> findMentioning(List<String> needles, int limit) {
        try (Session session = sessions.readSession()) {
            return session.executeRead(tx -> tx.run(findMentioning, Map.of("needles", needles, "limit", limit))
                    .list(AccessLogRepository::toStored));
        }
    }

    Optional<ChainHead> head() {
        try (Session session = sessions.readSession()) {
            return session.executeRead(tx -> {
                var result = tx.run(findHead);
                if (!result.hasNext()) {
                    return Optional.<ChainHead>empty();
                }
                Record r = result.next();
                return Optional.of(new ChainHead(r.get("seq").asLong(), text(r.get("head")), text(r.get("chain"))));
            });
        }
    }

    static String chainHash(String previousChain, String hash) {
        return dev.provenant.ingest.CanonicalJson.sha256((previousChain + hash).getBytes(StandardCharsets.UTF_8));
    }

    private static StoredAccessEntry toStored(Record r) {
        AccessLogEntry entry = new AccessLogEntry(r.get("at").asZonedDateTime().toInstant(), text(r.get("method")),
                text(r.get("path")), text(r.get("route")), text(r.get("query")), r.get("status").asInt(),
                text(r.get("callerId")), text(r.get("callerName")), text(r.get("role")), text(r.get("client")),
                r.get("durationMs").asLong(), text(r.get("detail")));
        return new StoredAccessEntry(r.get("seq").asLong(), text(r.get("hash")), text(r.get("prevHash")),
                text(r.get("chainHash")), entry);
    }

    private static String text(Value value) {
        return value.isNull() ? null : value.asString();
    }
}

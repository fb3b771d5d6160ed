package dev.provenant.audit;

import dev.provenant.neo4j.CypherCatalog;
import dev.provenant.neo4j.Neo4jSessions;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;

/** Reads the event log's hash chain for verification, a page at a time. */
@ApplicationScoped
class EventChainRepository {

    /** One link of the event chain; {@code payload} is null when retention pruned it. */
    record EventLink(long seq, String hash, String prevHash, String chainHash, byte[] payload, Long payloadBytes,
            boolean pruned) {}

    private final Neo4jSessions sessions;
    private final String findHead;
    private final String findPage;

    EventChainRepository(Neo4jSessions sessions, CypherCatalog cypher) {
        this.sessions = sessions;
        this.findHead = cypher.get("audit/find_event_chain_head");
        this.findPage = cypher.get("audit/find_events_page");
    }

    Optional<AccessLogRepository.ChainHead> head() {
        try (Session session = sessions.readSession()) {
            return session.executeRead(tx -> {
                var result = tx.run(findHead);
                if (!result.hasNext()) {
                    return Optional.<AccessLogRepository.ChainHead>empty();
                }
                Record r = result.next();
                return Optional.of(new AccessLogRepository.ChainHead(r.get("seq").asLong(), text(r.get("head")),
                        text(r.get("chain"))));
            });
        }
    }

    List<EventLink> page(long afterSeq, long toSeq, int limit) {
        Map<String, Object> params = Map.of("afterSeq", afterSeq, "toSeq", toSeq, "limit", limit);
        try (Session session = sessions.readSession()) {
            return session.executeRead(tx -> tx.run(findPage, params).list(r -> new EventLink(r.get("seq").asLong(),
                    text(r.get("hash")), text(r.get("prevHash")), text(r.get("chainHash")),
                    r.get("payload").isNull() ? null : r.get("payload").asByteArray(),
                    r.get("payloadBytes").isNull() ? null : r.get("payloadBytes").asLong(),
                    !r.get("payloadPrunedAt").isNull())));
        }
    }

    private static String text(Value value) {
        return value.isNull() ? null : value.asString();
    }
}

package dev.provenant.support;

/**
 * How much the database holds: events in the log, all nodes and all relationships, leaving out the
 * access log (every request, refused ones too, is rightly recorded there, off the request path).
 * Taken before and after a request that must write nothing, the two are equal.
 */
public record GraphCounts(long events, long nodes, long relationships) {

    public static GraphCounts of(Graph graph) {
        var row = graph.query("""
                CALL { MATCH (e:Event) RETURN count(e) AS events }
                CALL { MATCH (n) WHERE NOT n:AccessLogEntry AND NOT n:AccessLogChain RETURN count(n) AS nodes }
                CALL { MATCH ()-[r]->() RETURN count(r) AS relationships }
                RETURN events, nodes, relationships""").get(0);
        return new GraphCounts(row.get("events").asLong(), row.get("nodes").asLong(), row.get("relationships").asLong());
    }
}

package dev.provenant.analyst;

import dev.provenant.neo4j.Neo4jSessions;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.TransientException;
import org.neo4j.driver.summary.InputPosition;
import org.neo4j.driver.summary.Notification;
import org.neo4j.driver.summary.Plan;
import org.neo4j.driver.summary.QueryType;
import org.neo4j.driver.summary.ResultSummary;
import org.neo4j.driver.types.IsoDuration;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Path;
import org.neo4j.driver.types.Point;
import org.neo4j.driver.types.Relationship;

/**
 * Runs analysts' Cypher, ad hoc or from the library, read-only. The query text is the analyst's own and is
 * run as given (never spliced into a statement of ours); it is first compiled with EXPLAIN in the same READ
 * transaction, and refused unless Neo4j classifies it as read-only and its plan holds no operator that
 * reaches outside the graph or administers the server. The READ access mode is a second lock: Neo4j
 * refuses writes in a read transaction as well.
 */
@ApplicationScoped
class AnalystQueryRepository {

    /** On a line of its own, so that Neo4j's positions move by one line and eight characters only. */
    private static final String EXPLAIN = "EXPLAIN\n";
    private static final Pattern POSITION = Pattern.compile("\\(line (\\d+), column (\\d+) \\(offset: (\\d+)\\)\\)");
    /** Schema listings are safe and useful to analysts; other SHOW and all TERMINATE commands are not. */
    private static final Set<String> ALLOWED_COMMANDS = Set.of("ShowIndexes", "ShowConstraints", "ShowProcedures",
            "ShowFunctions");

    private final Neo4jSessions sessions;

    AnalystQueryRepository(Neo4jSessions sessions) {
        this.sessions = sessions;
    }

    /**
     * @param refuseUnknownTokens answer an ad-hoc query that names a label or relationship type the
     *     database has never held with 400 instead of an empty result (a typo, most likely)
     */
    QueryRows run(String query, Map<String, Object> parameters, Duration timeout, int maxRows,
            boolean refuseUnknownTokens) {
        boolean[] explaining = {true};
        TransactionConfig config = TransactionConfig.builder().withTimeout(timeout)
                .withMetadata(Map.of("app", "provenant-analyst")).build();
        try (Session session = sessions.readSession()) {
            return session.executeRead(tx -> {
                explaining[0] = true;
                ResultSummary plan = tx.run(EXPLAIN + query, parameters).consume();
                List<CypherNotification> notifications = notifications(plan);
                refuseUnlessRead(plan);
                if (refuseUnknownTokens) {
                    refuseUnknownTokens(notifications);
                }
                explaining[0] = false;
                Result result = tx.run(query, parameters);
                List<String> columns = result.keys();
                List<List<Object>> rows = new ArrayList<>();
                while (rows.size() < maxRows && result.hasNext()) {
                    rows.add(row(result.next()));
                }
                boolean truncated = result.hasNext();
                result.consume();
                return new QueryRows(columns, rows, truncated, notifications);
            }, config);
        } catch (ClientException | TransientException e) {
            throw translate(e, explaining[0], timeout);
        }
    }

    private static void refuseUnlessRead(ResultSummary plan) {
        QueryType type = plan.queryType();
        if (type == QueryType.SCHEMA_WRITE) {
            throw new CypherQueryException(403, "write_refused", "Only read queries run here: this query changes the"
                    + " schema, administers the database or calls a DBMS procedure (query type s). Nothing was changed.",
                    null, null);
        }
        if (type != QueryType.READ_ONLY) {
            throw new CypherQueryException(403, "write_refused", "Only read queries run here: this query writes to the"
                    + " graph (query type " + (type == QueryType.WRITE_ONLY ? "w" : "rw") + "). Nothing was changed.",
                    null, null);
        }
        refuseOperators(plan.plan());
    }

    private static void refuseOperators(Plan plan) {
        String operator = plan.operatorType().replaceFirst("@.*$", "");
        if (operator.equals("LoadCSV")) {
            throw new CypherQueryException(403, "command_refused",
                    "LOAD CSV reads files and URLs from the server and is not available here.", null, null);
        }
        if ((operator.startsWith("Show") || operator.startsWith("Terminate")) && !ALLOWED_COMMANDS.contains(operator)) {
            throw new CypherQueryException(403, "command_refused", "Administrative commands (" + operator
                    + ") are not available here; SHOW INDEXES, CONSTRAINTS, PROCEDURES and FUNCTIONS are.", null, null);
        }
        for (Plan child : plan.children()) {
            refuseOperators(child);
        }
    }

    private static void refuseUnknownTokens(List<CypherNotification> notifications) {
        for (CypherNotification n : notifications) {
            String code = n.code() == null ? "" : n.code();
            String error = code.endsWith("UnknownLabelWarning") ? "unknown_label"
                    : code.endsWith("UnknownRelationshipTypeWarning") ? "unknown_relationship_type" : null;
            if (error != null) {
                throw new CypherQueryException(400, error, n.description(), code, n.position());
            }
        }
    }

    private static List<CypherNotification> notifications(ResultSummary plan) {
        List<CypherNotification> notifications = new ArrayList<>();
        for (Notification n : plan.notifications()) {
            InputPosition p = n.position();
            CypherPosition position = p == null ? null : explained(p.line(), p.column(), p.offset());
            notifications.add(new CypherNotification(n.code(), n.title(), n.description(), position));
        }
        return notifications;
    }

    /** A position in {@code EXPLAIN\n<query>} as a position in the query. */
    private static CypherPosition explained(int line, int column, int offset) {
        return line > 1 ? new CypherPosition(line - 1, column, offset - EXPLAIN.length())
                : new CypherPosition(1, 1, 0);
    }

    private static CypherQueryException translate(Neo4jException e, boolean explaining, Duration timeout) {
        String code = e.code() == null ? "" : e.code();
        String message = String.valueOf(e.getMessage());
        CypherPosition position = null;
        Matcher m = POSITION.matcher(message);
        if (m.find()) {
            int line = Integer.parseInt(m.group(1));
            int column = Integer.parseInt(m.group(2));
            int offset = Integer.parseInt(m.group(3));
            position = explaining ? explained(line, column, offset) : new CypherPosition(line, column, offset);
            message = message.substring(0, m.start()) + "(line " + position.line() + ", column " + position.column()
                    + " (offset: " + position.offset() + "))" + message.substring(m.end());
        }
        if (code.contains("TransactionTimedOut")) {
            return new CypherQueryException(400, "query_timeout", "The query ran longer than " + timeout.toMillis()
                    + " ms (provenant.cypher.timeout) and was stopped; narrow the pattern, bound it or add LIMIT.",
                    code, null);
        }
        if (code.equals("Neo.ClientError.Statement.AccessMode")) {
            return new CypherQueryException(403, "write_refused",
                    "Only read queries run here: Neo4j refused a write in this read transaction. Nothing was changed.",
                    code, position);
        }
        if (code.startsWith("Neo.ClientError.Security.")) {
            return new CypherQueryException(403, "cypher_forbidden", message, code, position);
        }
        if (code.contains("MemoryPoolOutOfMemoryError") || code.contains("OutOfMemory")) {
            return new CypherQueryException(400, "query_too_large",
                    "The query needs more memory than Neo4j allows a transaction; narrow it or add LIMIT.", code, null);
        }
        if (e instanceof TransientException) {
            throw e;
        }
        String error = code.equals("Neo.ClientError.Statement.SyntaxError") ? "cypher_syntax_error" : "cypher_error";
        return new CypherQueryException(400, error, message, code.isEmpty() ? null : code, position);
    }

    private static List<Object> row(Record record) {
        List<Object> row = new ArrayList<>(record.size());
        for (Value value : record.values()) {
            row.add(readable(value.asObject()));
        }
        return row;
    }

    /**
     * A driver value as plain JSON-friendly Java: nodes, relationships and paths as records of their own (so
     * that pages can draw them), byte arrays as their size only (event payloads are compressed binaries),
     * temporal values as ISO-8601 strings.
     */
    static Object readable(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Number) {
            return value;
        }
        if (value instanceof byte[] bytes) {
            return Map.of("bytes", bytes.length);
        }
        if (value instanceof Node node) {
            return node(node);
        }
        if (value instanceof Relationship rel) {
            return relationship(rel);
        }
        if (value instanceof Path path) {
            List<ResultNode> nodes = new ArrayList<>();
            path.nodes().forEach(n -> nodes.add(node(n)));
            List<ResultRelationship> relationships = new ArrayList<>();
            path.relationships().forEach(r -> relationships.add(relationship(r)));
            return new ResultPath(nodes, relationships);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(readable(v)));
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), readable(v)));
            return out;
        }
        if (value instanceof Point point) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("srid", point.srid());
            out.put("x", point.x());
            out.put("y", point.y());
            if (!Double.isNaN(point.z())) {
                out.put("z", point.z());
            }
            return out;
        }
        if (value instanceof IsoDuration duration) {
            return duration.toString();
        }
        if (value instanceof TemporalAccessor temporal) {
            return temporal(temporal);
        }
        return String.valueOf(value);
    }

    private static ResultNode node(Node node) {
        List<String> labels = new ArrayList<>();
        node.labels().forEach(labels::add);
        labels.sort(String::compareTo);
        return new ResultNode(node.elementId(), labels, properties(node.asMap()));
    }

    private static ResultRelationship relationship(Relationship rel) {
        return new ResultRelationship(rel.elementId(), rel.type(), rel.startNodeElementId(), rel.endNodeElementId(),
                properties(rel.asMap()));
    }

    private static Map<String, Object> properties(Map<String, Object> properties) {
        Map<String, Object> out = new TreeMap<>();
        properties.forEach((k, v) -> out.put(k, readable(v)));
        return out;
    }

    private static String temporal(TemporalAccessor value) {
        if (value instanceof ZonedDateTime zoned) {
            return zoned.getZone() instanceof ZoneOffset ? DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(zoned)
                    : DateTimeFormatter.ISO_ZONED_DATE_TIME.format(zoned);
        }
        if (value instanceof LocalDateTime local) {
            return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(local);
        }
        if (value instanceof OffsetTime time) {
            return DateTimeFormatter.ISO_OFFSET_TIME.format(time);
        }
        if (value instanceof LocalTime time) {
            return DateTimeFormatter.ISO_LOCAL_TIME.format(time);
        }
        return value.toString();
    }
}

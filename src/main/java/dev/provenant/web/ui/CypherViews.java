package dev.provenant.web.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provenant.analyst.CypherAnswer;
import dev.provenant.analyst.CypherPosition;
import dev.provenant.analyst.LibraryParameter;
import dev.provenant.analyst.LibraryQuery;
import dev.provenant.analyst.QueryHistoryEntry;
import dev.provenant.analyst.ResultNode;
import dev.provenant.analyst.ResultPath;
import dev.provenant.analyst.ResultRelationship;
import dev.provenant.web.graph.GraphView;
import dev.provenant.web.graph.SvgLineageRenderer;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * View models of the Cypher page ({@code /cypher}) and how a query answer becomes one: readable cells, the
 * notices, the error, and a drawing of the nodes and relationships it returned.
 */
final class CypherViews {

    /** Most nodes drawn; a larger answer is drawn in part and says so. */
    static final int MAX_GRAPH_NODES = 300;
    /** Properties shown in a node's or relationship's cell before "+n more". */
    private static final int SHOWN_PROPERTIES = 4;
    /** Properties that name an element, shown first. */
    private static final List<String> NAMING = List.of("namespace", "name", "dataset", "path", "runId", "version",
            "caller", "id");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx", Locale.ROOT);

    private final SvgLineageRenderer renderer = new SvgLineageRenderer();
    private final ObjectMapper json;

    CypherViews(ObjectMapper json) {
        this.json = json;
    }

    /** The page around the results: the editor and the library. */
    record Page(Editor editor, List<LibraryEntry> library) {}

    /** The query editor's state: the text, the library query it came from (if any) and its parameter fields. */
    record Editor(String csrf, String query, String library, String libraryTitle, String libraryDescription,
            String libraryReturns, List<ParamField> parameters, String parametersJson) {

        public boolean fromLibrary() {
            return library != null;
        }
    }

    /** One parameter input; {@code input} is text, number or boolean (a select). */
    record ParamField(String name, String type, String input, String step, String value, boolean required,
            String defaultText, String description) {

        public String fieldName() {
            return "param." + name;
        }

        public String fieldId() {
            return "param-" + name;
        }
    }

    record LibraryEntry(String id, String title, String description, String href, boolean selected) {}

    /** The caller's own history; {@code oob} when it is sent next to the results for htmx to swap too. */
    record History(List<HistoryRow> rows, boolean oob) {}

    record HistoryRow(String ranAt, String label, String outcome, boolean ok, String href, long rows, long elapsedMs) {}

    /** What a run shows: the table, notices, the error, the drawing and how to download it as CSV. */
    record Results(List<String> columns, List<List<Cell>> rows, boolean truncated, int maxRows, long elapsedMs,
            List<String> notices, ErrorView error, String svg, String graphNotice, int graphNodes, int graphEdges,
            List<Hidden> replay) {

        public boolean hasError() {
            return error != null;
        }

        public boolean hasGraph() {
            return svg != null;
        }
    }

    /** A cell: short readable text, and for nodes, relationships, paths, lists and maps their full JSON. */
    record Cell(String text, String kind, String json) {}

    record ErrorView(int status, String code, String message, String neo4jCode, Integer line, Integer column,
            Integer offset, String excerpt, String caret) {}

    record Hidden(String name, String value) {}

    // ---- building ---------------------------------------------------------------------------------------

    static List<ParamField> fields(LibraryQuery query, Map<String, String> values) {
        List<ParamField> fields = new ArrayList<>();
        for (LibraryParameter p : query.parameters()) {
            String type = p.type().name().toLowerCase(Locale.ROOT);
            String input = switch (p.type()) {
                case INTEGER, FLOAT -> "number";
                case BOOLEAN -> "boolean";
                default -> "text";
            };
            String defaultText = p.required() ? "required" : p.defaultValue() == null ? "none"
                    : String.valueOf(p.defaultValue());
            String value = values.containsKey(p.name()) ? values.get(p.name())
                    : p.defaultValue() == null ? "" : String.valueOf(p.defaultValue());
            fields.add(new ParamField(p.name(), type, input, p.type() == LibraryParameter.Type.FLOAT ? "any" : "1",
                    value, p.required(), defaultText, p.description()));
        }
        return fields;
    }

    static HistoryRow historyRow(QueryHistoryEntry e) {
        String label = e.libraryQuery() != null ? "Library: " + e.libraryQuery()
                : e.query() == null ? "" : e.query().strip().replaceAll("\\s+", " ");
        if (label.length() > 120) {
            label = label.substring(0, 119) + "…";
        }
        return new HistoryRow(TIME.format(e.ranAt()), label, e.outcome(), "ok".equals(e.outcome()),
                Links.url("/cypher", "history", e.id()), e.rows(), e.elapsedMs());
    }

    Results results(CypherAnswer answer, int maxRows, List<Hidden> replay) {
        List<List<Cell>> rows = new ArrayList<>(answer.rows().size());
        for (List<Object> row : answer.rows()) {
            rows.add(row.stream().map(this::cell).toList());
        }
        List<String> notices = new ArrayList<>();
        answer.notifications().forEach(n -> notices.add(String.valueOf(n.title()).replaceFirst("\\.$", "")
                + (n.description() == null ? "" : ": " + n.description())));
        Drawing drawing = draw(answer);
        return new Results(answer.columns(), rows, answer.truncated(), maxRows, answer.elapsedMs(), notices,
                null, drawing == null ? null : drawing.svg(), drawing == null ? null : drawing.notice(),
                drawing == null ? 0 : drawing.nodes(), drawing == null ? 0 : drawing.edges(), replay);
    }

    static Results failed(ErrorView error, long elapsedMs, List<Hidden> replay) {
        return new Results(List.of(), List.of(), false, 0, elapsedMs, List.of(), error, null, null, 0, 0, replay);
    }

    /** The error with the query line it points at and a caret under the column, when Neo4j gave a position. */
    static ErrorView error(int status, String code, String message, String neo4jCode, CypherPosition position,
            String query) {
        if (position == null || query == null) {
            return new ErrorView(status, code, message, neo4jCode, null, null, null, null, null);
        }
        String[] lines = query.replace("\r\n", "\n").split("\n", -1);
        String excerpt = position.line() >= 1 && position.line() <= lines.length ? lines[position.line() - 1] : null;
        String caret = excerpt == null ? null : " ".repeat(Math.max(0, Math.min(position.column() - 1,
                excerpt.length()))) + "^";
        return new ErrorView(status, code, message, neo4jCode, position.line(), position.column(), position.offset(),
                excerpt, caret);
    }

    // ---- cells ------------------------------------------------------------------------------------------

    private Cell cell(Object value) {
        if (value == null) {
            return new Cell("null", "null", null);
        }
        if (value instanceof ResultNode node) {
            return new Cell(node(node), "node", toJson(value));
        }
        if (value instanceof ResultRelationship rel) {
            return new Cell(relationship(rel), "relationship", toJson(value));
        }
        if (value instanceof ResultPath path) {
            return new Cell(path(path), "path", toJson(value));
        }
        if (value instanceof List<?> || value instanceof Map<?, ?>) {
            return new Cell(toJson(value), "json", null);
        }
        return new Cell(String.valueOf(value), "value", null);
    }

    private static String node(ResultNode node) {
        return "(" + node.labels().stream().map(l -> ":" + l).collect(Collectors.joining()) + properties(node.properties())
                + ")";
    }

    private static String relationship(ResultRelationship rel) {
        return "[:" + rel.type() + properties(rel.properties()) + "]";
    }

    private static String path(ResultPath path) {
        StringBuilder text = new StringBuilder();
        Map<String, ResultNode> nodes = new LinkedHashMap<>();
        path.nodes().forEach(n -> nodes.put(n.id(), n));
        if (path.nodes().isEmpty()) {
            return "()";
        }
        ResultNode current = path.nodes().get(0);
        text.append(shortNode(current));
        for (ResultRelationship rel : path.relationships()) {
            boolean forward = rel.start().equals(current.id());
            ResultNode next = nodes.getOrDefault(forward ? rel.end() : rel.start(), current);
            text.append(forward ? "-[:" + rel.type() + "]->" : "<-[:" + rel.type() + "]-").append(shortNode(next));
            current = next;
        }
        return text.toString();
    }

    private static String shortNode(ResultNode node) {
        Object name = node.properties().get("name");
        Object path = node.properties().get("path");
        String label = node.labels().isEmpty() ? "" : ":" + node.labels().get(0);
        Object shown = path != null ? path : name != null ? name : node.properties().get("runId");
        return "(" + label + (shown == null ? "" : " " + shown) + ")";
    }

    /** Naming properties first, then the rest by key, at most a few; long values cut. */
    private static String properties(Map<String, Object> properties) {
        if (properties.isEmpty()) {
            return "";
        }
        List<String> keys = new ArrayList<>();
        NAMING.stream().filter(properties::containsKey).forEach(keys::add);
        properties.keySet().stream().filter(k -> !keys.contains(k)).forEach(keys::add);
        List<String> shown = new ArrayList<>();
        for (String key : keys.subList(0, Math.min(SHOWN_PROPERTIES, keys.size()))) {
            Object value = properties.get(key);
            String text = value instanceof String s ? "\"" + cut(s) + "\"" : cut(String.valueOf(value));
            shown.add((key.contains(".") ? "`" + key + "`" : key) + ": " + text);
        }
        int more = keys.size() - shown.size();
        return " {" + String.join(", ", shown) + (more > 0 ? ", +" + more + " more" : "") + "}";
    }

    private static String cut(String text) {
        return text.length() <= 60 ? text : text.substring(0, 59) + "…";
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }

    // ---- the drawing ------------------------------------------------------------------------------------

    private record Drawing(String svg, String notice, int nodes, int edges) {}

    /** Nodes and relationships anywhere in the answer (cells, lists, maps, paths), drawn once each; null when none. */
    private Drawing draw(CypherAnswer answer) {
        Map<String, ResultNode> nodes = new LinkedHashMap<>();
        Map<String, ResultRelationship> relationships = new LinkedHashMap<>();
        for (List<Object> row : answer.rows()) {
            row.forEach(v -> collect(v, nodes, relationships));
        }
        if (nodes.isEmpty() && relationships.isEmpty()) {
            return null;
        }
        List<GraphView.Node> boxes = new ArrayList<>();
        Map<String, Boolean> drawn = new LinkedHashMap<>();
        for (ResultNode node : nodes.values()) {
            if (boxes.size() == MAX_GRAPH_NODES) {
                break;
            }
            boxes.add(box(node));
            drawn.put(node.id(), true);
        }
        int returned = boxes.size();
        List<GraphView.Edge> edges = new ArrayList<>();
        for (ResultRelationship rel : relationships.values()) {
            for (String end : List.of(rel.start(), rel.end())) {
                // A relationship returned without its nodes still shows, between placeholders.
                if (!drawn.containsKey(end) && !nodes.containsKey(end) && boxes.size() < MAX_GRAPH_NODES) {
                    boxes.add(new GraphView.Node(end, "node", "node not returned", null, null,
                            "A node the query did not return (element id " + end + ")", null, "placeholder", null,
                            false, false, List.of()));
                    drawn.put(end, true);
                }
            }
            if (drawn.containsKey(rel.start()) && drawn.containsKey(rel.end())) {
                boolean stale = Boolean.FALSE.equals(rel.properties().get("current"));
                edges.add(new GraphView.Edge(rel.start(), rel.end(), rel.type(), relationship(rel), stale, false,
                        null));
            }
        }
        String notice = nodes.size() > returned ? "The answer holds " + nodes.size()
                + " nodes; the drawing shows the first " + MAX_GRAPH_NODES + "." : null;
        GraphView view = new GraphView(boxes, edges, List.of(), "Nodes and relationships of the query answer: "
                + boxes.size() + " nodes, " + edges.size() + " relationships");
        return new Drawing(renderer.render(view), notice, boxes.size(), edges.size());
    }

    private static void collect(Object value, Map<String, ResultNode> nodes,
            Map<String, ResultRelationship> relationships) {
        if (value instanceof ResultNode node) {
            nodes.putIfAbsent(node.id(), node);
        } else if (value instanceof ResultRelationship rel) {
            relationships.putIfAbsent(rel.id(), rel);
        } else if (value instanceof ResultPath path) {
            path.nodes().forEach(n -> nodes.putIfAbsent(n.id(), n));
            path.relationships().forEach(r -> relationships.putIfAbsent(r.id(), r));
        } else if (value instanceof List<?> list) {
            list.forEach(v -> collect(v, nodes, relationships));
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> collect(v, nodes, relationships));
        }
    }

    /** A graph box for a node: lineage entities as on the lineage page (linked), anything else by its labels. */
    private static GraphView.Node box(ResultNode node) {
        Map<String, Object> p = node.properties();
        String namespace = text(p.get("namespace"));
        String name = text(p.get("name"));
        List<String> labels = node.labels();
        String kind;
        String title;
        String subtitle = namespace;
        String href = null;
        if (labels.contains("Field")) {
            kind = "field";
            String dataset = text(p.get("dataset"));
            String path = text(p.get("path"));
            title = path != null ? path : name;
            subtitle = namespace == null || dataset == null ? dataset : namespace + " / " + dataset;
            if (namespace != null && dataset != null && path != null) {
                href = Links.lineage("field", namespace, dataset, path, null);
            }
        } else if (labels.contains("Dataset")) {
            kind = labels.contains("Model") ? "model" : "dataset";
            title = name;
            if (namespace != null && name != null) {
                href = kind.equals("model") ? Links.model(namespace, name) : Links.dataset(namespace, name);
            }
        } else if (labels.contains("Job")) {
            kind = "job";
            title = name;
            if (namespace != null && name != null) {
                href = Links.job(namespace, name);
            }
        } else if (labels.contains("Run")) {
            kind = "run";
            title = text(p.get("runId"));
            subtitle = text(p.get("jobName"));
            if (title != null) {
                href = Links.run(title);
            }
        } else {
            kind = "node";
            title = name;
            subtitle = namespace;
        }
        String labelText = labels.stream().map(l -> ":" + l).collect(Collectors.joining());
        if (title == null) {
            title = labelText.isEmpty() ? "node" : labelText;
        }
        if (subtitle == null && !labelText.isEmpty() && !title.equals(labelText)) {
            subtitle = labelText;
        }
        return new GraphView.Node(node.id(), kind, title, subtitle, href, node(node), text(p.get("piiState")), null,
                null, false, false, List.of());
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}

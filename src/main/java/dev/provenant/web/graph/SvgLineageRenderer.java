package dev.provenant.web.graph;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws a laid-out {@link GraphView} as one SVG element for inclusion in an HTML page. Styling comes from
 * CSS classes (the page's Content-Security-Policy forbids inline styles); colours are never the only
 * signal: every node carries its kind and badge as text, PII states also get a fill pattern, stale edges are
 * dashed, and every box and arrow has an SVG {@code <title>} that browsers show on hover and screen readers
 * read on focus. Boxes with an {@code href} are links, so they can be reached with the keyboard.
 */
public final class SvgLineageRenderer {

    /** PII states that get a fill pattern on top of their colour. */
    private static final Map<String, String> PATTERNS = Map.of(
            "raw", "<pattern id=\"pat-raw\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" "
                    + "patternTransform=\"rotate(45)\"><rect width=\"3\" height=\"8\" fill=\"#000\" fill-opacity=\"0.18\"/></pattern>",
            "pseudonymised", "<pattern id=\"pat-pseudonymised\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\">"
                    + "<circle cx=\"4\" cy=\"4\" r=\"1.6\" fill=\"#000\" fill-opacity=\"0.2\"/></pattern>",
            "aggregated", "<pattern id=\"pat-aggregated\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\">"
                    + "<rect y=\"3\" width=\"8\" height=\"2\" fill=\"#000\" fill-opacity=\"0.16\"/></pattern>",
            "indirect", "<pattern id=\"pat-indirect\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\">"
                    + "<rect x=\"3\" width=\"2\" height=\"8\" fill=\"#000\" fill-opacity=\"0.16\"/></pattern>",
            "possible", "<pattern id=\"pat-possible\" width=\"10\" height=\"10\" patternUnits=\"userSpaceOnUse\">"
                    + "<path d=\"M0 10 L10 0\" stroke=\"#000\" stroke-opacity=\"0.16\" stroke-width=\"1\"/></pattern>");

    private final LayeredLayout layout;

    public SvgLineageRenderer(LayeredLayout layout) {
        this.layout = layout;
    }

    public SvgLineageRenderer() {
        this(new LayeredLayout());
    }

    public String render(GraphView view) {
        return render(view, layout.layout(view));
    }

    public String render(GraphView view, LayeredLayout.Placed placed) {
        double width = Math.max(placed.width(), 120);
        double height = Math.max(placed.height(), 60);
        StringBuilder svg = new StringBuilder(256 + view.nodes().size() * 600);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"lineage-svg\" class=\"lineage-svg\" role=\"group\"")
                .append(" viewBox=\"0 0 ").append(num(width)).append(' ').append(num(height))
                .append("\" width=\"").append(num(width)).append("\" height=\"").append(num(height))
                .append("\" aria-label=\"").append(esc(view.label())).append("\">");
        svg.append("<title>").append(esc(view.label())).append("</title>");
        svg.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" ")
                .append("markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0 0 L10 5 L0 10 z\" class=\"arrow-head\"/>")
                .append("</marker><marker id=\"arrow-hl\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" ")
                .append("markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0 0 L10 5 L0 10 z\" class=\"arrow-head-hl\"/>")
                .append("</marker>");
        PATTERNS.values().forEach(svg::append);
        svg.append("</defs><g class=\"viewport\">");

        for (GraphView.Group group : view.groups()) {
            LayeredLayout.Box box = placed.groups().get(group.id());
            if (box != null) {
                group(svg, group, box);
            }
        }
        Map<String, GraphView.Node> byId = new HashMap<>();
        view.nodes().forEach(n -> byId.put(n.id(), n));
        svg.append("<g class=\"edges\">");
        for (LayeredLayout.Route route : placed.edges()) {
            edge(svg, view.edges().get(route.index()), route, byId);
        }
        svg.append("</g><g class=\"nodes\">");
        for (GraphView.Node node : view.nodes()) {
            LayeredLayout.Box box = placed.nodes().get(node.id());
            if (box != null) {
                node(svg, node, box);
            }
        }
        svg.append("</g></g></svg>");
        return svg.toString();
    }

    private static void group(StringBuilder svg, GraphView.Group group, LayeredLayout.Box box) {
        svg.append("<g class=\"group\">");
        svg.append("<rect class=\"group-box\" x=\"").append(num(box.x())).append("\" y=\"").append(num(box.y()))
                .append("\" width=\"").append(num(box.width())).append("\" height=\"").append(num(box.height()))
                .append("\" rx=\"8\"/>");
        open(svg, group.href(), "group-link");
        svg.append("<title>").append(esc(group.detail())).append("</title>");
        svg.append("<text class=\"group-title\" x=\"").append(num(box.x() + 10)).append("\" y=\"")
                .append(num(box.y() + 18)).append("\">").append(esc(truncate(group.title()))).append("</text>");
        close(svg, group.href());
        svg.append("</g>");
    }

    private static void edge(StringBuilder svg, GraphView.Edge edge, LayeredLayout.Route route,
            Map<String, GraphView.Node> nodes) {
        List<LayeredLayout.Point> points = route.points();
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            d.append(i == 0 ? 'M' : 'L').append(num(points.get(i).x())).append(' ').append(num(points.get(i).y()))
                    .append(' ');
        }
        String classes = "edge" + (edge.stale() ? " stale" : "") + (edge.highlighted() ? " highlighted" : "")
                + (edge.styleClass() == null ? "" : " " + edge.styleClass());
        svg.append("<g class=\"").append(classes).append("\" data-from=\"").append(esc(edge.from()))
                .append("\" data-to=\"").append(esc(edge.to())).append("\">");
        svg.append("<path d=\"").append(d.toString().strip()).append("\" marker-end=\"url(#")
                .append(edge.highlighted() ? "arrow-hl" : "arrow").append(")\">");
        String from = nodes.containsKey(edge.from()) ? nodes.get(edge.from()).title() : edge.from();
        String to = nodes.containsKey(edge.to()) ? nodes.get(edge.to()).title() : edge.to();
        svg.append("<title>").append(esc(from + " → " + to + (edge.detail() == null ? "" : ": " + edge.detail())
                + (edge.stale() ? " (stale: not seen in the job's latest run)" : ""))).append("</title></path>");
        if (edge.label() != null && !edge.label().isBlank()) {
            LayeredLayout.Point mid = route.label() != null ? route.label() : midpoint(points);
            double dy = route.label() != null ? 4 : -4;
            svg.append("<text class=\"edge-label\" x=\"").append(num(mid.x())).append("\" y=\"")
                    .append(num(mid.y() + dy)).append("\" text-anchor=\"middle\">").append(esc(edge.label()))
                    .append("</text>");
        }
        svg.append("</g>");
    }

    private static void node(StringBuilder svg, GraphView.Node node, LayeredLayout.Box box) {
        String classes = "node kind-" + node.kind() + (node.styleClass() == null ? "" : " " + node.styleClass())
                + (node.selected() ? " selected" : "") + (node.highlighted() ? " highlighted" : "");
        svg.append("<g class=\"").append(classes).append("\" data-id=\"").append(esc(node.id())).append("\">");
        double left = LayeredLayout.gutter(node, true);
        double right = LayeredLayout.gutter(node, false);
        double x = box.x() + left;
        double w = box.width() - left - right;
        open(svg, node.href(), "node-link");
        svg.append("<title>").append(esc(node.detail())).append("</title>");
        svg.append("<rect class=\"node-box\" x=\"").append(num(x)).append("\" y=\"").append(num(box.y()))
                .append("\" width=\"").append(num(w)).append("\" height=\"").append(num(box.height()))
                .append("\" rx=\"6\"/>");
        String pattern = pattern(node.styleClass());
        if (pattern != null) {
            svg.append("<rect class=\"node-pattern\" x=\"").append(num(x)).append("\" y=\"").append(num(box.y()))
                    .append("\" width=\"").append(num(w)).append("\" height=\"").append(num(box.height()))
                    .append("\" rx=\"6\" fill=\"url(#pat-").append(pattern).append(")\"/>");
        }
        boolean field = node.group() != null;
        double titleY = field ? box.y() + 19 : box.y() + 18;
        svg.append("<text class=\"node-title\" x=\"").append(num(x + 10)).append("\" y=\"").append(num(titleY))
                .append("\">");
        if (node.badge() != null) {
            svg.append("<tspan class=\"node-badge\">").append(esc(node.badge())).append("</tspan> ");
        }
        svg.append(esc(truncate(node.title()))).append("</text>");
        if (!field && node.subtitle() != null) {
            svg.append("<text class=\"node-subtitle\" x=\"").append(num(x + 10)).append("\" y=\"")
                    .append(num(box.y() + 34)).append("\">").append(esc(node.kind())).append(" · ")
                    .append(esc(truncate(node.subtitle()))).append("</text>");
        }
        close(svg, node.href());
        for (GraphView.Action action : node.actions()) {
            double cx = action.upstream() ? box.x() + left / 2 : box.x() + box.width() - right / 2;
            double cy = box.y() + box.height() / 2;
            svg.append("<a class=\"node-action\" href=\"").append(esc(action.href())).append('"');
            if (action.fragmentHref() != null) {
                svg.append(" hx-get=\"").append(esc(action.fragmentHref()))
                        .append("\" hx-target=\"#lineage-graph\" hx-swap=\"outerHTML\" hx-push-url=\"")
                        .append(esc(action.href())).append('"');
            }
            svg.append(" aria-label=\"").append(esc(action.label())).append("\"><title>").append(esc(action.label()))
                    .append("</title><circle cx=\"").append(num(cx)).append("\" cy=\"").append(num(cy))
                    .append("\" r=\"8\"/><text x=\"").append(num(cx)).append("\" y=\"").append(num(cy + 4))
                    .append("\" text-anchor=\"middle\">").append(esc(action.symbol())).append("</text></a>");
        }
        svg.append("</g>");
    }

    private static String pattern(String styleClass) {
        if (styleClass == null) {
            return null;
        }
        for (String cls : styleClass.split(" ")) {
            if (cls.startsWith("pii-") && PATTERNS.containsKey(cls.substring(4))) {
                return cls.substring(4);
            }
        }
        return null;
    }

    private static void open(StringBuilder svg, String href, String cls) {
        if (href != null) {
            svg.append("<a class=\"").append(cls).append("\" href=\"").append(esc(href)).append("\">");
        }
    }

    private static void close(StringBuilder svg, String href) {
        if (href != null) {
            svg.append("</a>");
        }
    }

    private static LayeredLayout.Point midpoint(List<LayeredLayout.Point> points) {
        if (points.size() % 2 == 1) {
            return points.get(points.size() / 2);
        }
        LayeredLayout.Point a = points.get(points.size() / 2 - 1);
        LayeredLayout.Point b = points.get(points.size() / 2);
        return new LayeredLayout.Point((a.x() + b.x()) / 2, (a.y() + b.y()) / 2);
    }

    static String truncate(String text) {
        return text.length() <= LayeredLayout.MAX_LABEL_CHARS ? text
                : text.substring(0, LayeredLayout.MAX_LABEL_CHARS - 1) + "…";
    }

    /** Whole pixels are precise enough for a drawing, and far cheaper than String.format on 2,000 nodes. */
    private static String num(double value) {
        return Long.toString(Math.round(value));
    }

    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c < 0x20 && c != '\t' && c != '\n' ? ' ' : c);
            }
        }
        return out.toString();
    }
}

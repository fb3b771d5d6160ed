package dev.provenant.web.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.options.HierarchyHandling;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Places a {@link GraphView} with Eclipse ELK's layered (Sugiyama) algorithm, flowing left to right, run
 * as a plain library: the layered algorithm is registered once with ELK's meta data service, no OSGi.
 * Box sizes come from the text they hold, measured with a fixed average glyph width.
 */
public final class LayeredLayout {

    static final double CHAR_WIDTH = 7.2;
    static final double LABEL_CHAR_WIDTH = 6.0;
    static final double NODE_HEIGHT = 44;
    static final double FIELD_HEIGHT = 30;
    static final double ACTION_GUTTER = 18;
    static final int MAX_LABEL_CHARS = 42;
    static final double GROUP_HEADER = 26;

    static {
        LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
    }

    /** Positions in absolute coordinates of the drawing. */
    public record Placed(Map<String, Box> nodes, Map<String, Box> groups, List<Route> edges, double width,
            double height) {}

    public record Box(double x, double y, double width, double height) {}

    public record Point(double x, double y) {}

    /** The route of {@code edges.get(index)}: start, bends, end; {@code label} is where its label's centre goes. */
    public record Route(int index, List<Point> points, Point label) {}

    public Placed layout(GraphView view) {
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
        root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.POLYLINE);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE, 18.0);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 60.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 20.0);
        root.setProperty(CoreOptions.PADDING, new ElkPadding(12));
        // Large graphs: one sweep of crossing minimisation keeps a 2,000-node page fast.
        root.setProperty(LayeredOptions.THOROUGHNESS, view.nodes().size() > 300 ? 1 : 7);
        if (!view.groups().isEmpty()) {
            root.setProperty(CoreOptions.HIERARCHY_HANDLING, HierarchyHandling.INCLUDE_CHILDREN);
        }

        Map<String, ElkNode> groups = new HashMap<>();
        for (GraphView.Group group : view.groups()) {
            ElkNode g = ElkGraphUtil.createNode(root);
            g.setIdentifier(group.id());
            g.setProperty(CoreOptions.PADDING, new ElkPadding(GROUP_HEADER + 6, 10, 10, 10));
            g.setProperty(LayeredOptions.SPACING_NODE_NODE, 8.0);
            g.setProperty(CoreOptions.NODE_SIZE_MINIMUM,
                    new org.eclipse.elk.core.math.KVector(textWidth(group.title()) + 24, GROUP_HEADER + 20));
            g.setProperty(CoreOptions.NODE_SIZE_CONSTRAINTS, java.util.EnumSet.of(
                    org.eclipse.elk.core.options.SizeConstraint.MINIMUM_SIZE));
            groups.put(group.id(), g);
        }
        Map<String, ElkNode> nodes = new HashMap<>();
        for (GraphView.Node node : view.nodes()) {
            ElkNode parent = node.group() == null ? root : groups.getOrDefault(node.group(), root);
            ElkNode n = ElkGraphUtil.createNode(parent);
            n.setIdentifier(node.id());
            n.setDimensions(nodeWidth(node), node.group() == null ? NODE_HEIGHT : FIELD_HEIGHT);
            nodes.put(node.id(), n);
        }
        List<ElkEdge> edges = new ArrayList<>();
        for (GraphView.Edge edge : view.edges()) {
            ElkNode from = nodes.get(edge.from());
            ElkNode to = nodes.get(edge.to());
            ElkEdge elkEdge = from == null || to == null ? null : ElkGraphUtil.createSimpleEdge(from, to);
            if (elkEdge != null && edge.label() != null && !edge.label().isBlank()) {
                // A sized label makes ELK leave room for it between the layers.
                ElkLabel label = ElkGraphUtil.createLabel(edge.label(), elkEdge);
                label.setDimensions(Math.min(edge.label().length(), 80) * LABEL_CHAR_WIDTH + 8, 14);
            }
            edges.add(elkEdge);
        }

        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());

        Map<String, Box> placedNodes = new HashMap<>();
        nodes.forEach((id, n) -> placedNodes.put(id, absolute(n)));
        Map<String, Box> placedGroups = new HashMap<>();
        groups.forEach((id, g) -> placedGroups.put(id, absolute(g)));
        List<Route> routes = new ArrayList<>();
        for (int i = 0; i < edges.size(); i++) {
            ElkEdge edge = edges.get(i);
            if (edge == null || edge.getSections().isEmpty()) {
                continue;
            }
            Box origin = edge.getContainingNode() == null || edge.getContainingNode() == root
                    ? new Box(0, 0, 0, 0) : absolute(edge.getContainingNode());
            ElkEdgeSection section = edge.getSections().get(0);
            List<Point> points = new ArrayList<>();
            points.add(new Point(origin.x() + section.getStartX(), origin.y() + section.getStartY()));
            for (ElkBendPoint bend : section.getBendPoints()) {
                points.add(new Point(origin.x() + bend.getX(), origin.y() + bend.getY()));
            }
            points.add(new Point(origin.x() + section.getEndX(), origin.y() + section.getEndY()));
            Point labelAt = null;
            if (!edge.getLabels().isEmpty()) {
                ElkLabel label = edge.getLabels().get(0);
                labelAt = new Point(origin.x() + label.getX() + label.getWidth() / 2,
                        origin.y() + label.getY() + label.getHeight() / 2);
            }
            routes.add(new Route(i, points, labelAt));
        }
        return new Placed(placedNodes, placedGroups, routes, root.getWidth(), root.getHeight());
    }

    static double nodeWidth(GraphView.Node node) {
        int chars = Math.max(Math.min(node.title().length(), MAX_LABEL_CHARS) + (node.badge() == null ? 0
                : node.badge().length() + 3), node.subtitle() == null ? 0 : Math.min(node.subtitle().length(),
                MAX_LABEL_CHARS));
        return Math.max(60, chars * CHAR_WIDTH + 24) + gutter(node, true) + gutter(node, false);
    }

    /** Room beside the box for its expand links: on the left for upstream, on the right for downstream. */
    static double gutter(GraphView.Node node, boolean upstream) {
        return node.actions().stream().anyMatch(a -> a.upstream() == upstream) ? ACTION_GUTTER : 0;
    }

    static double textWidth(String text) {
        return Math.min(text.length(), MAX_LABEL_CHARS) * CHAR_WIDTH;
    }

    private static Box absolute(ElkNode node) {
        double x = node.getX();
        double y = node.getY();
        for (ElkNode p = node.getParent(); p != null && p.getParent() != null; p = p.getParent()) {
            x += p.getX();
            y += p.getY();
        }
        return new Box(x, y, node.getWidth(), node.getHeight());
    }
}

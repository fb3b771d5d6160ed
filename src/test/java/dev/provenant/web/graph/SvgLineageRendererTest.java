package dev.provenant.web.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ELK's layered layout places flow left to right; the renderer escapes text and marks what it must. */
class SvgLineageRendererTest {

    private static GraphView.Node node(String id, String kind, String group) {
        return new GraphView.Node(id, kind, id, "ns", "/x?id=" + id, "detail of " + id, null, null, group, false,
                false, List.of());
    }

    @Test
    void flowRunsLeftToRightInLayers() {
        GraphView view = new GraphView(List.of(node("a", "dataset", null), node("j", "job", null),
                node("b", "dataset", null)), List.of(new GraphView.Edge("a", "j", null, null, false, false, null),
                new GraphView.Edge("j", "b", null, null, false, false, null)), List.of(), "test");
        LayeredLayout.Placed placed = new LayeredLayout().layout(view);
        LayeredLayout.Box a = placed.nodes().get("a");
        LayeredLayout.Box j = placed.nodes().get("j");
        LayeredLayout.Box b = placed.nodes().get("b");
        assertThat(a.x() + a.width()).isLessThan(j.x());
        assertThat(j.x() + j.width()).isLessThan(b.x());
        assertThat(placed.edges()).hasSize(2);
        assertThat(placed.edges().get(0).points().get(0).x()).isGreaterThanOrEqualTo(a.x() + a.width() - 0.5);
    }

    @Test
    void fieldsSitInsideTheirDatasetGroupAndEdgesCrossGroups() {
        GraphView view = new GraphView(List.of(node("a.id", "field", "A"), node("a.email", "field", "A"),
                node("b.hash", "field", "B")),
                List.of(new GraphView.Edge("a.email", "b.hash", "TRANSFORMATION", "DIRECT", false, true, null)),
                List.of(new GraphView.Group("A", "dataset A", "/a", "A"), new GraphView.Group("B", "dataset B", "/b", "B")),
                "columns");
        LayeredLayout.Placed placed = new LayeredLayout().layout(view);
        LayeredLayout.Box groupA = placed.groups().get("A");
        LayeredLayout.Box email = placed.nodes().get("a.email");
        assertThat(email.x()).isGreaterThan(groupA.x());
        assertThat(email.y()).isGreaterThan(groupA.y());
        assertThat(email.x() + email.width()).isLessThan(groupA.x() + groupA.width());
        assertThat(placed.groups().get("B").x()).isGreaterThan(groupA.x() + groupA.width());
        String svg = new SvgLineageRenderer().render(view);
        assertThat(svg).contains("class=\"edge highlighted\"", ">TRANSFORMATION</text>", "marker-end=\"url(#arrow-hl)\"");
    }

    @Test
    void textIsEscapedAndPiiStatesGetAPattern() {
        GraphView.Node evil = new GraphView.Node("x", "dataset", "<script>alert(1)</script>", "a&b", "/d?n=a&b",
                "\"quoted\"", "RAW", "pii-raw", null, true, false,
                List.of(new GraphView.Action("+", "Expand upstream", "/lineage?a=1", "/lineage/graph?a=1", true)));
        String svg = new SvgLineageRenderer().render(new GraphView(List.of(evil), List.of(), List.of(), "t"));
        assertThat(svg).doesNotContain("<script>").contains("&lt;script&gt;", "href=\"/d?n=a&amp;b\"",
                "fill=\"url(#pat-raw)\"", "<tspan class=\"node-badge\">RAW</tspan>", "hx-get=\"/lineage/graph?a=1\"",
                "class=\"node kind-dataset pii-raw selected\"");
    }

    @Test
    void twoThousandNodesLayOut() {
        List<GraphView.Node> nodes = new ArrayList<>();
        List<GraphView.Edge> edges = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            nodes.add(node("n" + i, i % 2 == 0 ? "dataset" : "job", null));
            if (i > 0) {
                edges.add(new GraphView.Edge("n" + ((i - 1) / 3), "n" + i, null, null, false, false, null));
            }
        }
        LayeredLayout.Placed placed = new LayeredLayout().layout(new GraphView(nodes, edges, List.of(), "big"));
        assertThat(placed.nodes()).hasSize(2000);
        assertThat(placed.edges()).hasSize(1999);
    }
}

package no.govgraph.ui.components;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import no.govgraph.backend.cypher.GraphView;
import org.junit.jupiter.api.Test;

class GraphComponentTest {

    private static final GraphView.Node FROGNER =
            new GraphView.Node("office:0301", List.of("Office"), "<b>Nav Frogner</b>", Map.of("unitNumber", "0301"));
    private static final GraphView.Node TOOL = new GraphView.Node("tool:x", List.of("Tool"), "X", Map.of());
    private static final GraphView.Edge USES =
            new GraphView.Edge("e1", "USES_TOOL", "office:0301", "tool:x", Map.of("sources", List.of("d")));

    @Test
    void sendsTheGraphAsJsonWithTheMoreCounts() {
        String json = GraphComponent.json(new GraphView(List.of(FROGNER, TOOL), List.of(USES)), Map.of("tool:x", 4L));

        assertThat(json)
                .contains("\"id\":\"office:0301\"")
                .contains("\"caption\":\"<b>Nav Frogner</b>\"")
                .contains("\"type\":\"USES_TOOL\"")
                .contains("\"more\":{\"tool:x\":4}");
    }

    @Test
    void remembersWhatItShowsAcrossExpansions() {
        GraphComponent graph = new GraphComponent();
        graph.setGraph(new GraphView(List.of(FROGNER), List.of()));
        graph.addGraph(new GraphView(List.of(FROGNER, TOOL), List.of(USES)), Map.of());

        assertThat(graph.nodes()).extracting(GraphView.Node::id).containsExactly("office:0301", "tool:x");
        assertThat(graph.edge("e1")).contains(USES);
    }
}

package no.govgraph.backend.graph;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;
import no.govgraph.backend.cypher.GraphView;

/**
 * The entities and relationships around one entity, ready for a graph view. Node ids are govgraph
 * ids; edge ids are {@code subjectId|TYPE|objectId} (plus {@code |period} for ACHIEVED), the key
 * of the edge's evidence.
 *
 * @param center the entity it is around
 * @param depth how many steps out it reaches
 * @param nodes the entities, the center first
 * @param edges the relationships among them
 * @param more per node, how many of its relationships (under the same filters) are not among the
 *     edges (relationships, not neighbours: an office with figures for five years of an outcome
 *     counts five times for it)
 * @param truncated whether the node cap cut the neighbourhood
 */
@Serdeable
public record Neighbourhood(
        String center,
        int depth,
        List<GraphView.Node> nodes,
        List<GraphView.Edge> edges,
        Map<String, Long> more,
        boolean truncated) {

    public Neighbourhood {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
        more = Map.copyOf(more);
    }

    /** The nodes and edges alone. */
    public GraphView graph() {
        return new GraphView(nodes, edges);
    }
}

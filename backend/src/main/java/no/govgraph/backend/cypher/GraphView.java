package no.govgraph.backend.cypher;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/**
 * Nodes and edges in the shape graph views take: each node once, each edge between two nodes of
 * the same view.
 */
@Serdeable
public record GraphView(List<Node> nodes, List<Edge> edges) {

    public GraphView {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    /**
     * A node.
     *
     * @param id the node's key in this view (its govgraph {@code id}, or Neo4j's element id)
     * @param labels its labels
     * @param caption a short text to show (name, title or id)
     * @param properties its properties
     */
    @Serdeable
    public record Node(String id, List<String> labels, String caption, Map<String, Object> properties) {}

    /**
     * An edge.
     *
     * @param id the relationship's key in this view
     * @param type the relationship type
     * @param source the {@link Node#id()} it starts from
     * @param target the {@link Node#id()} it ends at
     * @param properties its properties
     */
    @Serdeable
    public record Edge(
            String id, String type, String source, String target, @Nullable Map<String, Object> properties) {}
}

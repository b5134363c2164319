package no.govgraph.backend.graph;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import no.govgraph.backend.cypher.GraphView;

/**
 * Shortest paths between two entities.
 *
 * @param from where they start
 * @param to where they end
 * @param maxLength the longest path looked for
 * @param paths the paths found, shortest first (empty if none within {@code maxLength})
 * @param graph every node and edge on them, for a graph view
 */
@Serdeable
public record Paths(String from, String to, int maxLength, List<PathView> paths, GraphView graph) {

    public Paths {
        paths = List.copyOf(paths);
    }

    /**
     * One path as the ids of its nodes and edges, in order.
     *
     * @param length number of relationships
     * @param nodes node ids from start to end
     * @param edges edge ids from start to end
     */
    @Serdeable
    public record PathView(int length, List<String> nodes, List<String> edges) {

        public PathView {
            nodes = List.copyOf(nodes);
            edges = List.copyOf(edges);
        }
    }
}

package no.govgraph.backend.graph;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.govgraph.backend.cypher.GraphView;
import no.govgraph.backend.support.GraphValues;
import no.govgraph.neo4j.model.NodeLabel;
import no.govgraph.neo4j.model.RelType;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/**
 * Traversals over the relationships between entities. Relationships with no supporting claim left
 * (empty {@code sources}) are hidden everywhere.
 */
@Singleton
class GraphRepository {

    /** A node met on the way: its element id (for the next step) and its view. */
    record Found(String elementId, GraphView.Node node) {}

    private final Driver driver;

    GraphRepository(Driver driver) {
        this.driver = driver;
    }

    Optional<Found> entity(NodeLabel label, String id) {
        // The label comes from the NodeLabel enum, never from input.
        return driver
                .executableQuery("MATCH (n:" + label.label() + " {id: $id})"
                        + " RETURN elementId(n) AS eid, labels(n) AS labels, properties(n) AS props")
                .withParameters(Map.of("id", id))
                .execute()
                .records()
                .stream()
                .findFirst()
                .map(GraphRepository::found);
    }

    /** Neighbours of the {@code frontier} not yet {@code known}, at most {@code limit}, by name. */
    List<Found> expand(List<String> frontier, List<String> known, List<String> types, List<String> labels, int limit) {
        return driver
                .executableQuery(
                        """
                        UNWIND $frontier AS eid
                        MATCH (n) WHERE elementId(n) = eid
                        MATCH (n)-[r:%s]-(m)
                        WHERE size(coalesce(r.sources, [])) > 0
                          AND any(l IN labels(m) WHERE l IN $labels) AND NOT elementId(m) IN $known
                        WITH DISTINCT m
                        RETURN elementId(m) AS eid, labels(m) AS labels, properties(m) AS props
                        ORDER BY coalesce(m.name, m.id), m.id
                        LIMIT $limit
                        """
                                .formatted(typePattern(types)))
                .withParameters(Map.of("frontier", frontier, "known", known, "labels", labels, "limit", limit))
                .execute()
                .records()
                .stream()
                .map(GraphRepository::found)
                .toList();
    }

    /** The relationships among the nodes {@code ids} (element ids). */
    List<GraphView.Edge> edgesAmong(List<String> ids, List<String> types) {
        return driver
                .executableQuery(
                        """
                        MATCH (a)-[r]->(b)
                        WHERE elementId(a) IN $ids AND elementId(b) IN $ids
                          AND type(r) IN $types AND size(coalesce(r.sources, [])) > 0
                        RETURN a.id AS source, type(r) AS type, b.id AS target, properties(r) AS props
                        ORDER BY source, type, target, toString(r.period)
                        """)
                .withParameters(Map.of("ids", ids, "types", types))
                .execute()
                .records()
                .stream()
                .map(r -> edge(
                        r.get("source").asString(),
                        r.get("type").asString(),
                        r.get("target").asString(),
                        r.get("props")))
                .toList();
    }

    /** For each node (element id), how many distinct neighbours it has under the filters. */
    Map<String, Long> degrees(List<String> ids, List<String> types, List<String> labels) {
        return driver
                .executableQuery(
                        """
                        UNWIND $ids AS eid
                        MATCH (n) WHERE elementId(n) = eid
                        OPTIONAL MATCH (n)-[r:%s]-(m)
                        WHERE size(coalesce(r.sources, [])) > 0
                          AND any(l IN labels(m) WHERE l IN $labels)
                        RETURN eid, count(DISTINCT m) AS degree
                        """
                                .formatted(typePattern(types)))
                .withParameters(Map.of("ids", ids, "labels", labels))
                .execute()
                .records()
                .stream()
                .collect(java.util.stream.Collectors.toMap(
                        r -> r.get("eid").asString(), r -> r.get("degree").asLong()));
    }

    /** Shortest paths (one, or all of the shortest length) of at most {@code maxLength} steps. */
    List<Record> shortestPaths(
            NodeLabel fromLabel,
            String from,
            NodeLabel toLabel,
            String to,
            int maxLength,
            boolean all,
            List<String> types) {
        if (maxLength < 1 || maxLength > GraphService.MAX_PATH_LENGTH) {
            throw new IllegalArgumentException("maxLength out of range: " + maxLength);
        }
        // Labels come from the NodeLabel enum and the bound is a checked small integer: Cypher takes
        // neither as a parameter.
        String query = "MATCH (a:" + fromLabel.label() + " {id: $from}), (b:" + toLabel.label() + " {id: $to})\n"
                + "MATCH p = " + (all ? "allShortestPaths" : "shortestPath") + "((a)-[*.." + maxLength + "]-(b))\n"
                + """
                WHERE all(r IN relationships(p) WHERE type(r) IN $types AND size(coalesce(r.sources, [])) > 0)
                RETURN [n IN nodes(p) | {id: n.id, labels: labels(n), props: properties(n)}] AS nodes,
                       [r IN relationships(p) | {source: startNode(r).id, type: type(r), target: endNode(r).id,
                                                 props: properties(r)}] AS rels
                LIMIT $limit
                """;
        return driver.executableQuery(query)
                .withParameters(Map.of("from", from, "to", to, "types", types, "limit", GraphService.MAX_PATHS))
                .execute()
                .records();
    }

    /**
     * The types as a relationship pattern ({@code LEADS|USES_TOOL}), so that Neo4j follows only those
     * relationships instead of reading every MENTIONS and ABOUT of a busy node and filtering after
     * (measured: twice as fast on a 100k-node graph, docs/BENCHMARKS.md). Each type goes through
     * the {@link RelType} enum: nothing from the request reaches the query text.
     */
    static String typePattern(List<String> types) {
        if (types.isEmpty()) {
            throw new IllegalArgumentException("no relationship types");
        }
        return types.stream().map(t -> RelType.valueOf(t).name()).collect(java.util.stream.Collectors.joining("|"));
    }

    static Found found(Record r) {
        return new Found(r.get("eid").asString(), node(r.get("labels"), r.get("props")));
    }

    static GraphView.Node node(Value labels, Value props) {
        Map<String, Object> properties = GraphValues.properties(props);
        String id = String.valueOf(properties.get("id"));
        List<String> labelList = new ArrayList<>(labels.asList(Value::asString));
        Object name = properties.get("name");
        return new GraphView.Node(id, labelList, name == null ? id : name.toString(), properties);
    }

    static GraphView.Edge edge(String source, String type, String target, Value props) {
        Map<String, Object> properties = GraphValues.properties(props);
        Object period = properties.get("period");
        String id = source + "|" + type + "|" + target + (period == null ? "" : "|" + period);
        return new GraphView.Edge(id, type, source, target, properties);
    }
}

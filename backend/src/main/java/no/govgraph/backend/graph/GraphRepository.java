package no.govgraph.backend.graph;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.govgraph.backend.cypher.GraphView;
import no.govgraph.backend.support.EntityIds;
import no.govgraph.backend.support.GraphValues;
import no.govgraph.backend.support.ReadTransactions;
import no.govgraph.neo4j.model.NodeLabel;
import no.govgraph.neo4j.model.RelType;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionCallback;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/**
 * Traversals over the relationships between entities. Relationships with no supporting claim left
 * (empty {@code sources}) are hidden everywhere.
 *
 * <p>The statements of one request run in one read transaction ({@link ReadTransactions}).
 */
@Singleton
class GraphRepository {

    /** A node met on the way: its element id (for the next step) and its view. */
    record Found(String elementId, GraphView.Node node) {}

    /**
     * The entity a neighbourhood is around, and whether a curator rejected any claim in the graph:
     * only then can a relationship have lost its evidence (see {@link #expand} and {@link #around}).
     */
    record Centre(Found found, boolean anyRejected) {}

    /**
     * The relationships among the nodes of an answer, and per node (element id) its count of
     * relationships under the filters.
     */
    record Around(List<GraphView.Edge> edges, Map<String, Long> counts) {

        Around {
            edges = List.copyOf(edges);
            counts = Map.copyOf(counts);
        }
    }

    private final ReadTransactions transactions;

    GraphRepository(ReadTransactions transactions) {
        this.transactions = transactions;
    }

    /** Runs {@code work} in one read transaction. */
    <T> T read(TransactionCallback<T> work) {
        return transactions.read(work);
    }

    Optional<Found> entity(TransactionContext tx, NodeLabel label, String id) {
        // The label comes from the NodeLabel enum, never from input.
        return tx
                .run(
                        "MATCH (n:" + label.label() + " {id: $id})"
                                + " RETURN elementId(n) AS eid, labels(n) AS labels, properties(n) AS props",
                        Map.of("id", id))
                .list()
                .stream()
                .findFirst()
                .map(GraphRepository::found);
    }

    /**
     * The entity and whether a curator rejected any claim (one lookup in the {@code claim_status}
     * index), in one statement.
     */
    Optional<Centre> centre(TransactionContext tx, NodeLabel label, String id) {
        // The label comes from the NodeLabel enum, never from input.
        return tx
                .run(
                        "MATCH (n:" + label.label() + " {id: $id})"
                                + " RETURN elementId(n) AS eid, labels(n) AS labels, properties(n) AS props,"
                                + " EXISTS { MATCH (c:Claim {status: $rejected}) } AS anyRejected",
                        Map.of("id", id, "rejected", "rejected"))
                .list()
                .stream()
                .findFirst()
                .map(r -> new Centre(found(r), r.get("anyRejected").asBoolean()));
    }

    /**
     * Neighbours of the {@code frontier} not yet {@code known}, at most {@code limit}, by name.
     *
     * <p>From one node (the first step) every relationship is read with its evidence: they are what
     * the answer shows. From a wider frontier, candidates are found over the relationship records
     * alone and sorted by name; only then, and only until the limit is reached, is each checked for
     * a relationship that still has evidence, starting from the candidate, and only when some claim
     * is rejected ({@code anyRejected}): otherwise every relationship has its evidence. Reading the
     * {@code sources} of every relationship of the busy Tools and Outcomes in a frontier (2,500 each
     * at 1M nodes) was what made 2-hop neighbourhoods slow; checking from the Outcome itself is what
     * made the first step slow (docs/BENCHMARKS.md).
     */
    List<Found> expand(
            TransactionContext tx,
            List<String> frontier,
            List<String> known,
            List<String> types,
            List<String> labels,
            int limit,
            boolean anyRejected) {
        String pattern = typePattern(types);
        String labelTest = labelTest(labels);
        String query = frontier.size() == 1
                ? """
                UNWIND $frontier AS eid
                MATCH (n) WHERE elementId(n) = eid
                MATCH (n)-[r:%s]-(m)
                WHERE size(coalesce(r.sources, [])) > 0 AND %s
                WITH DISTINCT m
                WHERE NOT elementId(m) IN $known
                RETURN elementId(m) AS eid, labels(m) AS labels, properties(m) AS props
                ORDER BY coalesce(m.name, m.id), m.id
                LIMIT $limit
                """
                        .formatted(pattern, labelTest)
                : """
                UNWIND $frontier AS eid
                MATCH (n) WHERE elementId(n) = eid
                MATCH (n)-[:%s]-(m)
                WHERE %s
                WITH DISTINCT m
                WHERE NOT elementId(m) IN $known
                WITH m ORDER BY coalesce(m.name, m.id), m.id
                WHERE %s
                RETURN elementId(m) AS eid, labels(m) AS labels, properties(m) AS props
                LIMIT $limit
                """
                        .formatted(
                                pattern,
                                labelTest,
                                anyRejected
                                        ? """
                                        EXISTS {
                                            MATCH (m)-[r:%s]-(f)
                                            WHERE elementId(f) IN $frontier AND size(coalesce(r.sources, [])) > 0
                                        }"""
                                                .formatted(pattern)
                                        : "true");
        return tx
                .run(query, Map.of("frontier", frontier, "known", known, "labels", labels, "limit", limit))
                .list()
                .stream()
                .map(GraphRepository::found)
                .toList();
    }

    /**
     * The relationships among the nodes {@code idByElement} (element id to govgraph id), ordered by
     * source, type, target and period; and per node, how many relationships of the asked types it has
     * to entities with the asked labels, counting only relationships that still have evidence. One
     * statement, one row per node.
     *
     * <p>Edges: anchored on each node and following only its outgoing relationships of the asked
     * types: entities have few of those, while their incoming MENTIONS and ABOUT run into thousands.
     * The far ends come back as element ids, mapped and sorted here: a 2-hop answer has thousands of
     * edges (an office has an ACHIEVED per outcome and year), and reading both ends' ids for each was
     * a quarter of the statement's store reads.
     *
     * <p>Counts: relationships, not distinct neighbours: an Outcome has one {@code ACHIEVED} per office
     * and period (2,500 at 1M nodes from 500 offices), and counting its distinct offices means reading
     * every one of them. A relationship loses its evidence only when a curator rejects every claim
     * behind it. As long as no claim is rejected anywhere ({@code anyRejected}, see {@link #centre})
     * and every entity label is asked for, every relationship of the asked types counts, and the
     * planner answers {@code COUNT { (a)-[:A|B]-() }} from the node's relationship-group degree counts
     * without reading a relationship (PROFILE at 1M nodes: 115 db hits for a 1-hop answer's 23 nodes
     * instead of 29,280). Otherwise each relationship is read and checked, with the same meaning.
     *
     * <p>Without {@code withSources} the edges come without their {@code sources} (ten document ids
     * of 64 characters per relationship in the benchmark graph), which Neo4j then does not send.
     */
    Around around(
            TransactionContext tx,
            Map<String, String> idByElement,
            List<String> types,
            List<String> labels,
            boolean anyRejected,
            boolean withSources) {
        String pattern = typePattern(types);
        String count = labels.containsAll(EntityIds.entityLabels()) && !anyRejected
                ? "COUNT { (a)-[:%s]-() }".formatted(pattern)
                : "COUNT { MATCH (a)-[r:%s]-(m) WHERE %s AND size(coalesce(r.sources, [])) > 0 }"
                        .formatted(pattern, labelTest(labels));
        List<GraphView.Edge> edges = new ArrayList<>();
        Map<String, Long> counts = new HashMap<>();
        for (Record r : tx.run(
                        """
                        UNWIND $ids AS eid
                        MATCH (a) WHERE elementId(a) = eid
                        RETURN eid,
                               [(a)-[r:%s]->(b) WHERE elementId(b) IN $ids AND size(coalesce(r.sources, [])) > 0
                                | [type(r), elementId(b), %s]] AS out,
                               %s AS degree
                        """
                                .formatted(pattern, withSources ? "properties(r)" : "r{.*, sources: null}", count),
                        Map.of("ids", List.copyOf(idByElement.keySet()), "labels", labels))
                .list()) {
            String eid = r.get("eid").asString();
            String source = idByElement.get(eid);
            for (Value e : r.get("out").values()) {
                Map<String, Object> properties = GraphValues.properties(e.get(2));
                if (!withSources) {
                    properties.remove("sources");
                }
                edges.add(edge(
                        source, e.get(0).asString(), idByElement.get(e.get(1).asString()), properties));
            }
            counts.put(eid, r.get("degree").asLong());
        }
        edges.sort(EDGE_ORDER);
        return new Around(edges, counts);
    }

    /** Source, type, target, then period (edges without one last), as Cypher's ORDER BY would. */
    private static final Comparator<GraphView.Edge> EDGE_ORDER = Comparator.comparing(GraphView.Edge::source)
            .thenComparing(GraphView.Edge::type)
            .thenComparing(GraphView.Edge::target)
            .thenComparing(
                    e -> {
                        Object period = e.properties().get("period");
                        return period == null ? null : period.toString();
                    },
                    Comparator.nullsLast(Comparator.naturalOrder()));

    /**
     * The test on the neighbour {@code m}'s labels. Every evidenced relationship ends at an entity, so
     * with all entity labels asked for (the default) the test would only add a read of the node record
     * of every neighbour, for every relationship.
     */
    private static String labelTest(List<String> labels) {
        return labels.containsAll(EntityIds.entityLabels()) ? "true" : "any(l IN labels(m) WHERE l IN $labels)";
    }

    /** Shortest paths (one, or all of the shortest length) of at most {@code maxLength} steps. */
    List<Record> shortestPaths(
            TransactionContext tx,
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
        return tx.run(query, Map.of("from", from, "to", to, "types", types, "limit", GraphService.MAX_PATHS))
                .list();
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
        return edge(source, type, target, GraphValues.properties(props));
    }

    static GraphView.Edge edge(String source, String type, String target, Map<String, Object> properties) {
        Object period = properties.get("period");
        String id = source + "|" + type + "|" + target + (period == null ? "" : "|" + period);
        return new GraphView.Edge(id, type, source, target, properties);
    }
}

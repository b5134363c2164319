package no.govgraph.backend.graph;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.govgraph.backend.cypher.GraphView;
import no.govgraph.backend.support.BackendException;
import no.govgraph.backend.support.EntityIds;
import no.govgraph.neo4j.model.NodeLabel;
import no.govgraph.neo4j.model.RelType;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/** Neighbourhoods and paths over the relationships between entities. */
@Singleton
public class GraphService {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;
    public static final int MAX_DEPTH = 3;
    public static final int DEFAULT_PATH_LENGTH = 6;
    public static final int MAX_PATH_LENGTH = 10;
    static final int MAX_PATHS = 50;

    private final GraphRepository repository;

    GraphService(GraphRepository repository) {
        this.repository = repository;
    }

    /**
     * The neighbourhood of an entity.
     *
     * @param id the entity
     * @param depth 1 to {@value #MAX_DEPTH} steps (default 1)
     * @param types relationship types to follow (default all between entities)
     * @param labels labels of entities to include (default all)
     * @param limit the node cap, 1 to {@value #MAX_LIMIT} (default {@value #DEFAULT_LIMIT})
     */
    public Neighbourhood neighbourhood(
            String id,
            @Nullable Integer depth,
            @Nullable List<String> types,
            @Nullable List<String> labels,
            @Nullable Integer limit) {
        return neighbourhood(id, depth, types, labels, limit, true);
    }

    /**
     * The neighbourhood of an entity, its edges with or without their {@code sources}: a graph view
     * shows no document ids, and at 1M nodes they were 2.6 of the 3.8 MB of a 2-hop answer's JSON
     * (docs/BENCHMARKS.md); the evidence endpoint gives them per edge.
     *
     * @param withSources whether the edges' properties include {@code sources}
     */
    public Neighbourhood neighbourhood(
            String id,
            @Nullable Integer depth,
            @Nullable List<String> types,
            @Nullable List<String> labels,
            @Nullable Integer limit,
            boolean withSources) {
        int d = depth == null ? 1 : depth;
        if (d < 1 || d > MAX_DEPTH) {
            throw BackendException.badRequest("depth must be between 1 and " + MAX_DEPTH + ", not " + d + ".");
        }
        int cap = limit == null ? DEFAULT_LIMIT : limit;
        if (cap < 1 || cap > MAX_LIMIT) {
            throw BackendException.badRequest("limit must be between 1 and " + MAX_LIMIT + ", not " + cap + ".");
        }
        List<String> relTypes = relationshipTypes(types);
        List<String> nodeLabels = entityLabels(labels);
        NodeLabel label = EntityIds.require(id);
        // One read transaction for the request's statements (GraphRepository).
        return repository.read(tx -> {
            GraphRepository.Centre centre = repository.centre(tx, label, id).orElseThrow(() -> notFound(label, id));
            GraphRepository.Found center = centre.found();
            boolean anyRejected = centre.anyRejected();

            Map<String, GraphView.Node> nodes = new LinkedHashMap<>();
            Map<String, String> idByElement = new HashMap<>();
            nodes.put(center.elementId(), center.node());
            idByElement.put(center.elementId(), center.node().id());
            List<String> frontier = List.of(center.elementId());
            boolean truncated = false;
            for (int level = 1; level <= d && !frontier.isEmpty(); level++) {
                int room = cap - nodes.size();
                List<GraphRepository.Found> found = repository.expand(
                        tx,
                        frontier,
                        List.copyOf(nodes.keySet()),
                        relTypes,
                        nodeLabels,
                        Math.max(room, 0) + 1,
                        anyRejected);
                List<String> next = new ArrayList<>();
                for (GraphRepository.Found f : found) {
                    if (nodes.size() >= cap) {
                        truncated = true;
                        break;
                    }
                    nodes.put(f.elementId(), f.node());
                    idByElement.put(f.elementId(), f.node().id());
                    next.add(f.elementId());
                }
                frontier = next;
            }
            GraphRepository.Around around =
                    repository.around(tx, idByElement, relTypes, nodeLabels, anyRejected, withSources);
            // "+N more" counts relationships, not neighbours: an Outcome's offices come with one ACHIEVED
            // per period, and relationships are what Neo4j counts without reading them (GraphRepository).
            Map<String, Long> shown = new HashMap<>();
            for (GraphView.Edge e : around.edges()) {
                shown.merge(e.source(), 1L, Long::sum);
                shown.merge(e.target(), 1L, Long::sum);
            }
            Map<String, Long> more = new LinkedHashMap<>();
            for (String eid : nodes.keySet()) {
                String nodeId = idByElement.get(eid);
                long hidden = around.counts().getOrDefault(eid, 0L) - shown.getOrDefault(nodeId, 0L);
                if (hidden > 0) {
                    more.put(nodeId, hidden);
                }
            }
            return new Neighbourhood(
                    center.node().id(), d, List.copyOf(nodes.values()), around.edges(), more, truncated);
        });
    }

    /**
     * Shortest paths between two entities.
     *
     * @param maxLength the longest path, 1 to {@value #MAX_PATH_LENGTH} (default {@value #DEFAULT_PATH_LENGTH})
     * @param all all shortest paths (up to 50) instead of one
     */
    public Paths paths(String from, String to, @Nullable Integer maxLength, boolean all, @Nullable List<String> types) {
        int max = maxLength == null ? DEFAULT_PATH_LENGTH : maxLength;
        if (max < 1 || max > MAX_PATH_LENGTH) {
            throw BackendException.badRequest(
                    "maxLength must be between 1 and " + MAX_PATH_LENGTH + ", not " + max + ".");
        }
        if (from == null || to == null || from.isBlank() || to.isBlank()) {
            throw BackendException.badRequest("Give two entity ids: from=…&to=….");
        }
        if (from.equals(to)) {
            throw BackendException.badRequest("from and to are the same entity; pick two different ones.");
        }
        NodeLabel fromLabel = EntityIds.require(from);
        NodeLabel toLabel = EntityIds.require(to);
        List<String> relTypes = relationshipTypes(types);
        List<Record> found = repository.read(tx -> {
            repository.entity(tx, fromLabel, from).orElseThrow(() -> notFound(fromLabel, from));
            repository.entity(tx, toLabel, to).orElseThrow(() -> notFound(toLabel, to));
            return repository.shortestPaths(tx, fromLabel, from, toLabel, to, max, all, relTypes);
        });
        Map<String, GraphView.Node> nodes = new LinkedHashMap<>();
        Map<String, GraphView.Edge> edges = new LinkedHashMap<>();
        List<Paths.PathView> paths = new ArrayList<>();
        for (Record r : found) {
            List<String> nodeIds = new ArrayList<>();
            for (Value n : r.get("nodes").values()) {
                GraphView.Node node = GraphRepository.node(n.get("labels"), n.get("props"));
                nodes.putIfAbsent(node.id(), node);
                nodeIds.add(node.id());
            }
            List<String> edgeIds = new ArrayList<>();
            for (Value e : r.get("rels").values()) {
                GraphView.Edge edge = GraphRepository.edge(
                        e.get("source").asString(),
                        e.get("type").asString(),
                        e.get("target").asString(),
                        e.get("props"));
                edges.putIfAbsent(edge.id(), edge);
                edgeIds.add(edge.id());
            }
            paths.add(new Paths.PathView(edgeIds.size(), nodeIds, edgeIds));
        }
        return new Paths(from, to, max, paths, new GraphView(List.copyOf(nodes.values()), List.copyOf(edges.values())));
    }

    private static BackendException notFound(NodeLabel label, String id) {
        return BackendException.notFound("There is no " + label.label() + " with id '" + id + "'.");
    }

    static List<String> relationshipTypes(@Nullable List<String> types) {
        List<String> all = RelType.evidenced().stream().map(RelType::name).toList();
        List<String> asked = split(types);
        if (asked.isEmpty()) {
            return all;
        }
        for (String t : asked) {
            if (!all.contains(t)) {
                throw BackendException.badRequest("Unknown relationship type '" + t + "'; use " + all + ".");
            }
        }
        return asked;
    }

    static List<String> entityLabels(@Nullable List<String> labels) {
        List<String> all = EntityIds.entityLabels();
        List<String> asked = split(labels);
        if (asked.isEmpty()) {
            return all;
        }
        for (String l : asked) {
            if (!all.contains(l)) {
                throw BackendException.badRequest("Unknown entity label '" + l + "'; use " + all + ".");
            }
        }
        return asked;
    }

    /** Accepts both repeated parameters and comma-separated values. */
    private static List<String> split(@Nullable List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream()
                .flatMap(v -> java.util.Arrays.stream(v.split(",")))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .distinct()
                .toList();
    }
}

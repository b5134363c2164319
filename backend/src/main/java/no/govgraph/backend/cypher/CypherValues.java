package no.govgraph.backend.cypher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Path;
import org.neo4j.driver.types.Relationship;
import org.neo4j.driver.types.TypeSystem;

/**
 * Turns driver values into plain Java for JSON, CSV and tables, and collects the nodes and
 * relationships met on the way into a {@link GraphView}.
 */
final class CypherValues {

    private static final TypeSystem TYPES = TypeSystem.getDefault();

    /** Labels of bookkeeping nodes whose content analysts' queries must not see. */
    static final java.util.Set<String> PROTECTED_LABELS = java.util.Set.of("User", "AuditEvent");

    /** A bcrypt hash anywhere in a text: redacted whatever query produced it. */
    private static final java.util.regex.Pattern BCRYPT =
            java.util.regex.Pattern.compile("\\$2[abxy]?\\$\\d{2}\\$[./A-Za-z0-9]{20,}");

    private final Map<String, GraphView.Node> nodes = new LinkedHashMap<>();
    private final Map<String, GraphView.Edge> edges = new LinkedHashMap<>();

    Object toJava(Value value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.hasType(TYPES.NODE())) {
            return node(value.asNode());
        }
        if (value.hasType(TYPES.RELATIONSHIP())) {
            return relationship(value.asRelationship());
        }
        if (value.hasType(TYPES.PATH())) {
            return path(value.asPath());
        }
        if (value.hasType(TYPES.LIST())) {
            List<Object> list = new ArrayList<>();
            value.values().forEach(v -> list.add(toJava(v)));
            return list;
        }
        if (value.hasType(TYPES.MAP())) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (String k : value.keys()) {
                if (!k.equals("passwordHash")) {
                    map.put(k, toJava(value.get(k)));
                }
            }
            return map;
        }
        if (value.hasType(TYPES.INTEGER())) {
            return value.asLong();
        }
        if (value.hasType(TYPES.FLOAT())) {
            return value.asDouble();
        }
        if (value.hasType(TYPES.BOOLEAN())) {
            return value.asBoolean();
        }
        if (value.hasType(TYPES.STRING())) {
            return redact(value.asString());
        }
        if (value.hasType(TYPES.BYTES())) {
            return "<" + value.asByteArray().length + " bytes>";
        }
        // Temporal and spatial values: their ISO/WKT text is what an analyst expects to read.
        return value.asObject().toString();
    }

    private Map<String, Object> node(Node node) {
        List<String> labels = new ArrayList<>();
        node.labels().forEach(labels::add);
        Map<String, Object> properties = labels.stream().anyMatch(PROTECTED_LABELS::contains)
                ? Map.of("id", String.valueOf(node.asMap().getOrDefault("id", "")))
                : properties(node.asMap());
        nodes.computeIfAbsent(
                node.elementId(),
                id -> new GraphView.Node(id, List.copyOf(labels), caption(properties, id), properties));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("elementId", node.elementId());
        out.put("labels", labels);
        out.put("properties", properties);
        return out;
    }

    private Map<String, Object> relationship(Relationship rel) {
        Map<String, Object> properties = properties(rel.asMap());
        edges.computeIfAbsent(
                rel.elementId(),
                id -> new GraphView.Edge(id, rel.type(), rel.startNodeElementId(), rel.endNodeElementId(), properties));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("elementId", rel.elementId());
        out.put("type", rel.type());
        out.put("start", rel.startNodeElementId());
        out.put("end", rel.endNodeElementId());
        out.put("properties", properties);
        return out;
    }

    private Map<String, Object> path(Path path) {
        List<Object> pathNodes = new ArrayList<>();
        path.nodes().forEach(n -> pathNodes.add(node(n)));
        List<Object> pathRels = new ArrayList<>();
        path.relationships().forEach(r -> pathRels.add(relationship(r)));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("nodes", pathNodes);
        out.put("relationships", pathRels);
        return out;
    }

    private Map<String, Object> properties(Map<String, Object> raw) {
        Map<String, Object> out = new LinkedHashMap<>();
        raw.forEach((k, v) -> out.put(k, plain(v)));
        return out;
    }

    private static Object plain(Object v) {
        if (v instanceof String text) {
            return redact(text);
        }
        if (v == null || v instanceof Number || v instanceof Boolean) {
            return v;
        }
        if (v instanceof List<?> list) {
            return list.stream().map(CypherValues::plain).toList();
        }
        return v.toString();
    }

    private static String caption(Map<String, Object> properties, String fallback) {
        for (String key : List.of("name", "title", "fileName", "quote", "id")) {
            Object v = properties.get(key);
            if (v instanceof String s && !s.isBlank()) {
                return s.length() > 80 ? s.substring(0, 77) + "…" : s;
            }
        }
        return fallback;
    }

    static String redact(String text) {
        return BCRYPT.matcher(text).find() ? BCRYPT.matcher(text).replaceAll("[redacted]") : text;
    }

    /**
     * The graph of everything converted so far, keyed by govgraph ids where nodes have one (so a
     * client can open the entity or document), else by element id; edges whose ends were not
     * returned are left out.
     */
    GraphView graph() {
        Map<String, String> keys = new java.util.HashMap<>();
        java.util.Set<String> used = new java.util.HashSet<>();
        List<GraphView.Node> viewNodes = new ArrayList<>();
        for (GraphView.Node n : nodes.values()) {
            Object id = n.properties().get("id");
            String key = id instanceof String s && !s.isBlank() && used.add(s) ? s : n.id();
            keys.put(n.id(), key);
            viewNodes.add(new GraphView.Node(key, n.labels(), n.caption(), n.properties()));
        }
        List<GraphView.Edge> connected = edges.values().stream()
                .filter(e -> keys.containsKey(e.source()) && keys.containsKey(e.target()))
                .map(e -> new GraphView.Edge(
                        e.id(), e.type(), keys.get(e.source()), keys.get(e.target()), e.properties()))
                .toList();
        return new GraphView(viewNodes, connected);
    }
}

package no.govgraph.backend.cypher;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/**
 * The graph's schema as it is (labels, relationship types and the property keys in use), without
 * the bookkeeping that analysts cannot query.
 */
@Singleton
public class SchemaService {

    private final Driver driver;

    SchemaService(Driver driver) {
        this.driver = driver;
    }

    public Schema schema() {
        List<String> labels = strings(
                driver.executableQuery("CALL db.labels() YIELD label RETURN label ORDER BY label")
                        .execute()
                        .records(),
                "label");
        List<String> types = strings(
                driver.executableQuery(
                                "CALL db.relationshipTypes() YIELD relationshipType AS type RETURN type ORDER BY type")
                        .execute()
                        .records(),
                "type");
        Map<String, TreeSet<String>> nodeKeys = new TreeMap<>();
        driver.executableQuery(
                        """
                        CALL db.schema.nodeTypeProperties() YIELD nodeLabels, propertyName
                        RETURN nodeLabels, propertyName
                        """)
                .execute()
                .records()
                .forEach(r -> {
                    if (r.get("propertyName").isNull()) {
                        return;
                    }
                    for (String l : r.get("nodeLabels").asList(Value::asString)) {
                        nodeKeys.computeIfAbsent(l, k -> new TreeSet<>())
                                .add(r.get("propertyName").asString());
                    }
                });
        Map<String, TreeSet<String>> relKeys = new TreeMap<>();
        driver.executableQuery(
                        """
                        CALL db.schema.relTypeProperties() YIELD relType, propertyName
                        RETURN relType, propertyName
                        """)
                .execute()
                .records()
                .forEach(r -> {
                    if (r.get("propertyName").isNull()) {
                        return;
                    }
                    String type = r.get("relType").asString().replaceAll("^:`|`$", "");
                    relKeys.computeIfAbsent(type, k -> new TreeSet<>())
                            .add(r.get("propertyName").asString());
                });
        return new Schema(
                labels.stream().filter(SchemaService::visible).toList(),
                types,
                nodeKeys.entrySet().stream()
                        .filter(e -> visible(e.getKey()))
                        .collect(Collectors.toMap(
                                Map.Entry::getKey, e -> List.copyOf(e.getValue()), (a, b) -> a, TreeMap::new)),
                relKeys.entrySet().stream()
                        .collect(Collectors.toMap(
                                Map.Entry::getKey, e -> List.copyOf(e.getValue()), (a, b) -> a, TreeMap::new)),
                CypherGuard.ALLOWED_PROCEDURES.stream().sorted().toList());
    }

    private static boolean visible(String label) {
        return !label.startsWith("__") && !CypherGuard.PROTECTED_LABELS.contains(label);
    }

    private static List<String> strings(List<Record> records, String key) {
        return records.stream().map(r -> r.get(key).asString()).toList();
    }
}

package no.govgraph.ingest.write;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import no.govgraph.neo4j.model.NodeLabel;
import no.govgraph.neo4j.model.RelType;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/**
 * Derives each relationship between entities from the claims behind it, so that its content never
 * depends on the order in which documents were imported or removed: {@code sources} are the
 * documents of its non-rejected claims, and its other properties are those of its best claim (the
 * highest confidence; of equals, the smallest claim id). A relationship left with no claim is
 * deleted.
 *
 * <p>Its statements say {@code CYPHER replan=skip expressionEngine=interpreted} and take one map
 * parameter, as {@link GraphWriter}'s do (see there); the claims are read through the index on
 * {@code (type, subjectId, objectId)} by a hint, so the plan made on an empty graph is the right one.
 *
 * <p>Claims carry the properties of the fact they state ({@code value}, {@code unit}, {@code target},
 * {@code since}, {@code from}, {@code to} …, named in {@code factKeys}) for this purpose.
 */
public final class EvidencedRelationships {

    /** The labels at both ends of each evidenced relationship type (README, "The data model"). */
    public static final Map<RelType, NodeLabel[]> ENDS = Map.of(
            RelType.LEADS, new NodeLabel[] {NodeLabel.LEADER, NodeLabel.OFFICE},
            RelType.PARTNERS_WITH, new NodeLabel[] {NodeLabel.OFFICE, NodeLabel.PARTNER},
            RelType.USES_TOOL, new NodeLabel[] {NodeLabel.OFFICE, NodeLabel.TOOL},
            RelType.ACHIEVED, new NodeLabel[] {NodeLabel.OFFICE, NodeLabel.OUTCOME});

    /** One relationship: type, ends and (for ACHIEVED) period; {@code ""} when there is no period. */
    public record Key(RelType type, String subjectId, String objectId, String period) {
        Map<String, Object> toMap() {
            return Map.of("subjectId", subjectId, "objectId", objectId, "period", period);
        }
    }

    private EvidencedRelationships() {}

    /** Rederives the relationships of these keys from their claims; returns how many were deleted. */
    public static long derive(TransactionContext tx, List<Key> keys) {
        return derive(tx, keys, false, new StatementTimes());
    }

    /**
     * Rederives the relationships of these keys from their claims; with {@code create} a relationship
     * that has claims but is not in the graph yet is created (the writer's claims come without it).
     */
    static long derive(TransactionContext tx, List<Key> keys, boolean create, StatementTimes times) {
        long deleted = 0;
        for (RelType type : RelType.evidenced()) {
            List<Map<String, Object>> rows = keys.stream()
                    .filter(k -> k.type() == type)
                    .distinct()
                    .map(Key::toMap)
                    .toList();
            if (!rows.isEmpty()) {
                deleted += derive(tx, type, rows, create, times);
            }
        }
        return deleted;
    }

    private static long derive(
            TransactionContext tx, RelType type, List<Map<String, Object>> keys, boolean create, StatementTimes times) {
        List<Map<String, Object>> updates = new ArrayList<>();
        List<Map<String, Object>> deletions = new ArrayList<>();
        long started = System.nanoTime();
        List<Record> rows = tx.run(
                        """
                        CYPHER replan=skip expressionEngine=interpreted
                        UNWIND $batch.keys AS k
                        OPTIONAL MATCH (c:Claim {type: $batch.type, subjectId: k.subjectId, objectId: k.objectId})
                        USING INDEX c:Claim(type, subjectId, objectId)
                        WHERE coalesce(c.period, '') = k.period AND coalesce(c.status, 'extracted') <> 'rejected'
                        RETURN k AS key, collect(properties(c)) AS claims
                        """,
                        Map.of("batch", Map.of("keys", keys, "type", type.name())))
                .list();
        times.add("derive read " + type.name(), keys.size(), System.nanoTime() - started);
        for (Record row : rows) {
            Map<String, Object> key = row.get("key").asMap();
            List<Map<String, Object>> claims = row.get("claims").asList(Value::asMap);
            if (claims.isEmpty()) {
                deletions.add(key);
                continue;
            }
            Map<String, Object> best = claims.stream()
                    .min(Comparator.comparing((Map<String, Object> c) ->
                                    -((Number) c.getOrDefault("confidence", 0.0)).doubleValue())
                            .thenComparing(c -> String.valueOf(c.get("id"))))
                    .orElseThrow();
            Map<String, Object> properties = new HashMap<>();
            Object factKeys = best.get("factKeys");
            if (factKeys instanceof List<?> names) {
                for (Object name : names) {
                    Object value = best.get(String.valueOf(name));
                    if (value != null) {
                        properties.put(String.valueOf(name), value);
                    }
                }
            }
            if (type == RelType.ACHIEVED) {
                properties.put("period", key.get("period"));
            }
            TreeSet<String> sources = new TreeSet<>();
            claims.forEach(c -> sources.add(String.valueOf(c.get("documentId"))));
            properties.put("sources", List.copyOf(sources));
            Map<String, Object> update = new HashMap<>(key);
            update.put("properties", properties);
            updates.add(update);
        }
        NodeLabel[] ends = ENDS.get(type);
        String relationship =
                type == RelType.ACHIEVED ? "[r:ACHIEVED {period: row.period}]" : "[r:" + type.name() + "]";
        String match = "MATCH (s:%s {id: row.subjectId})-%s->(o:%s {id: row.objectId})"
                .formatted(ends[0].label(), relationship, ends[1].label());
        if (!updates.isEmpty()) {
            String find = create
                    ? "MATCH (s:%s {id: row.subjectId}), (o:%s {id: row.objectId})\nMERGE (s)-%s->(o)"
                            .formatted(ends[0].label(), ends[1].label(), relationship)
                    : match;
            times.run(
                    tx,
                    "derive set " + type.name(),
                    """
                    CYPHER replan=skip expressionEngine=interpreted
                    UNWIND $batch.rows AS row
                    %s
                    SET r = row.properties
                    """
                            .formatted(find),
                    Map.of("rows", updates),
                    updates.size());
        }
        if (deletions.isEmpty()) {
            return 0;
        }
        return tx.run(
                        """
                        CYPHER replan=skip expressionEngine=interpreted
                        UNWIND $batch.rows AS row
                        %s
                        DELETE r
                        RETURN count(*) AS n
                        """
                                .formatted(match),
                        Map.of("batch", Map.of("rows", deletions)))
                .single()
                .get("n")
                .asLong();
    }
}

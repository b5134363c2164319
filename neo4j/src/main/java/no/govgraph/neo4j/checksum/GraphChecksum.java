package no.govgraph.neo4j.checksum;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.TypeSystem;

/**
 * A checksum over the graph's content: every node's labels and properties and every relationship's
 * type, ends and properties, in a canonical order. Two graphs with the same checksum hold the same
 * documents, passages, entities, claims and relationships.
 *
 * <p>History and bookkeeping are left out on purpose (import runs and their failures, users, audit
 * events, the migration chain, import timestamps): importing the same corpus twice must give the
 * same checksum. List properties are compared as sets because parallel workers add document ids
 * to {@code sources} and {@code paths} in no fixed order.
 */
public final class GraphChecksum {

    /** Labels whose nodes (and their relationships) are history or bookkeeping, not content. */
    public static final Set<String> EXCLUDED_LABELS = Set.of(
            "ImportRun",
            "ImportFailure",
            "User",
            "AuditEvent",
            "SavedQuery",
            "ImportJob",
            "__Neo4jMigration",
            "__Neo4jMigrationsLock");

    /** Properties that record when something happened rather than what it is. */
    public static final Set<String> EXCLUDED_PROPERTIES = Set.of("importedAt", "updatedAt", "curatedAt", "curatedBy");

    private GraphChecksum() {}

    /** The checksum of the graph behind {@code driver}, as 64 hex digits, with counts. */
    public static Result of(Driver driver) {
        MessageDigest digest = sha256();
        long[] counts = new long[2];
        forEachLine(
                driver,
                line -> {
                    update(digest, line);
                    counts[0]++;
                },
                line -> {
                    update(digest, line);
                    counts[1]++;
                });
        return new Result(HexFormat.of().formatHex(digest.digest()), counts[0], counts[1]);
    }

    /**
     * The lines the checksum hashes, each with how often it occurs: when two checksums differ, the
     * {@link #difference} of their lines says where.
     */
    public static SortedMap<String, Integer> lines(Driver driver) {
        SortedMap<String, Integer> lines = new TreeMap<>();
        Consumer<String> count = line -> lines.merge(line, 1, Integer::sum);
        forEachLine(driver, count, count);
        return lines;
    }

    /** The lines that occur a different number of times in {@code a} and {@code b}, at most {@code max}. */
    public static List<String> difference(SortedMap<String, Integer> a, SortedMap<String, Integer> b, int max) {
        List<String> out = new ArrayList<>();
        SortedSet<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        for (String k : keys) {
            int inA = a.getOrDefault(k, 0);
            int inB = b.getOrDefault(k, 0);
            if (inA != inB && out.size() < max) {
                out.add(inA + " × against " + inB + " ×: " + k);
            }
        }
        return out;
    }

    /** Every node line, then every relationship line, in the canonical order. */
    private static void forEachLine(Driver driver, Consumer<String> nodeLine, Consumer<String> relationshipLine) {
        Map<String, Object> params = Map.of("excluded", List.copyOf(EXCLUDED_LABELS));
        try (Session session = driver.session(SessionConfig.builder().build())) {
            var nodeResult = session.run(
                    """
                    MATCH (n)
                    WHERE none(l IN labels(n) WHERE l IN $excluded)
                    RETURN labels(n) AS labels, properties(n) AS props
                    ORDER BY n.id, labels
                    """,
                    params);
            while (nodeResult.hasNext()) {
                Record r = nodeResult.next();
                List<String> labels = new ArrayList<>(r.get("labels").asList(Value::asString));
                labels.sort(null);
                nodeLine.accept("N" + labels + canonical(r.get("props")));
            }
            var relResult = session.run(
                    """
                    MATCH (a)-[r]->(b)
                    WHERE none(l IN labels(a) WHERE l IN $excluded) AND none(l IN labels(b) WHERE l IN $excluded)
                    RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props
                    ORDER BY from, type, to, toString(r.period)
                    """,
                    params);
            while (relResult.hasNext()) {
                Record r = relResult.next();
                relationshipLine.accept("R" + r.get("from").asString("?") + "|"
                        + r.get("type").asString() + "|" + r.get("to").asString("?") + canonical(r.get("props")));
            }
        }
    }

    private static String canonical(Value props) {
        Map<String, String> sorted = new TreeMap<>();
        for (String key : props.keys()) {
            if (!EXCLUDED_PROPERTIES.contains(key)) {
                sorted.put(key, canonicalValue(props.get(key)));
            }
        }
        return sorted.toString();
    }

    private static String canonicalValue(Value value) {
        if (value.hasType(TypeSystem.getDefault().LIST())) {
            List<String> items = new ArrayList<>(value.asList(GraphChecksum::canonicalValue));
            items.sort(null);
            return items.toString();
        }
        return value.toString();
    }

    private static void update(MessageDigest digest, String line) {
        digest.update(line.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    /** A checksum and what it covered. */
    public record Result(String sha256, long nodes, long relationships) {}
}

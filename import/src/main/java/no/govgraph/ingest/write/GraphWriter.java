package no.govgraph.ingest.write;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;
import no.govgraph.ingest.extraction.Entity;
import no.govgraph.ingest.extraction.EntityKind;
import no.govgraph.ingest.extraction.Extraction;
import no.govgraph.ingest.extraction.Fact;
import no.govgraph.ingest.extraction.Mention;
import no.govgraph.ingest.passage.Passage;
import no.govgraph.ingest.support.Sha256;
import no.govgraph.neo4j.model.NodeLabel;
import no.govgraph.neo4j.model.RelType;
import org.neo4j.driver.Driver;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes imported files to the graph: documents, passages, containment, and the extractor's
 * entities, mentions, facts (as relationships with {@code sources}) and claims.
 *
 * <p>A batch of files is one transaction, so a crash leaves each file's graph whole or absent.
 * Every node is MERGEd on its deterministic id and lists are unions, so writing a file again
 * changes nothing. {@code Document.complete} is set last: a document without it is redone by the
 * next import. A file with more passages than one transaction should hold is written in several;
 * {@code complete} then comes with the last.
 *
 * <p>The write statements find every node by its uniquely constrained id, so their best plan does
 * not depend on how big the graph is; they say {@code CYPHER replan=skip}. Without it Neo4j may plan
 * them again at each batch of an import into a new graph, whose statistics grow past the replan
 * threshold between batches: query planning was 23 % of the embedded database's samples in an
 * import of 1,000 files, 18 % with this (JFR, docs/BENCHMARKS.md "Where the import's time goes").
 *
 * <p>The rest of that 18 % was compiling each statement more than once (Neo4j's query collector,
 * session 13): once per size class of its list parameter (Neo4j keys cached plans on it; see
 * {@link StatementTimes#run}) and once more at its tenth run, when Neo4j recompiles a hot statement
 * with generated expression code. A writer statement runs about once per batch, a dozen times in an
 * import of 1,000 files, so that second compilation never paid for itself: they also say {@code
 * expressionEngine=interpreted}, and take their rows in one map parameter, {@code $batch}.
 *
 * <p>Rows that name the same node or relationship twice in a batch are merged here before they
 * are sent: an office, a tool or an outcome is named by most documents of a batch, and each of its
 * rows rewrote its lists of aliases (and their sources, hundreds of entries) and its full-text
 * index entry.
 */
public final class GraphWriter {

    private static final Logger LOG = LoggerFactory.getLogger(GraphWriter.class);

    /** Passages per transaction when one file is too large for a single one. */
    public static final int PASSAGES_PER_TRANSACTION = 5_000;

    /** Claim properties of their own; a fact's properties of the same name are not copied onto its claim. */
    private static final Set<String> CLAIM_KEYS = Set.of(
            "id",
            "type",
            "subjectId",
            "objectId",
            "period",
            "quote",
            "page",
            "method",
            "confidence",
            "status",
            "documentId",
            "factKeys",
            "sources");

    private final Driver driver;
    private final int passagesPerTransaction;
    private final StatementTimes times = new StatementTimes();

    public GraphWriter(Driver driver) {
        this(driver, PASSAGES_PER_TRANSACTION);
    }

    /** A writer that splits files with more than {@code passagesPerTransaction} passages (tests use few). */
    GraphWriter(Driver driver, int passagesPerTransaction) {
        this.driver = driver;
        this.passagesPerTransaction = passagesPerTransaction;
    }

    /** Calls, rows and time of each statement so far (for the import's DEBUG log). */
    public StatementTimes times() {
        return times;
    }

    /** What the graph knows of each of these ids (absent ids are not in the map), in one query. */
    public Map<String, StoredPaths> findAll(Collection<String> ids) {
        Map<String, StoredPaths> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        driver.executableQuery(
                        """
                        CYPHER replan=skip expressionEngine=interpreted
                        MATCH (d:Document) USING INDEX d:Document(id)
                        WHERE d.id IN $batch.ids
                        RETURN d.id AS id, coalesce(d.complete, false) AS complete, coalesce(d.paths, []) AS paths
                        """)
                .withParameters(Map.of("batch", Map.of("ids", List.copyOf(new LinkedHashSet<>(ids)))))
                .execute()
                .records()
                .forEach(r -> found.put(
                        r.get("id").asString(),
                        new StoredPaths(
                                r.get("complete").asBoolean(),
                                Set.copyOf(r.get("paths").asList(Value::asString)))));
        return found;
    }

    /** A stored document: whether it is complete, and where it was seen. */
    public record StoredPaths(boolean complete, Set<String> paths) {}

    /** The ids among {@code ids} of documents the graph holds complete. */
    public Set<String> completeAmong(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(driver
                .executableQuery(
                        """
                        CYPHER replan=skip expressionEngine=interpreted
                        MATCH (d:Document) USING INDEX d:Document(id)
                        WHERE d.id IN $batch.ids AND d.complete
                        RETURN d.id AS id
                        """)
                .withParameters(Map.of("batch", Map.of("ids", List.copyOf(ids))))
                .execute()
                .records()
                .stream()
                .map(r -> r.get("id").asString())
                .toList());
    }

    /**
     * Records that a document the graph already holds was seen at {@code location} too: the location
     * goes on the document and, below it, on everything embedded in it (up to {@code maxDepth}).
     */
    public void addLocation(String id, String location, int maxDepth) {
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> {
                Map<String, List<Containment>> children = new HashMap<>();
                // A path length cannot be a parameter; maxDepth is an int from the import's settings.
                tx.run(
                                """
                                MATCH (:Document {id: $id})-[:CONTAINS*0..%d]->(x:Document)-[c:CONTAINS]->(y:Document)
                                RETURN DISTINCT x.id AS parent, y.id AS child, c.names AS names
                                """
                                        .formatted(maxDepth),
                                Map.of("id", id))
                        .forEachRemaining(
                                r -> children.computeIfAbsent(r.get("parent").asString(), k -> new ArrayList<>())
                                        .add(new Containment(
                                                r.get("child").asString(),
                                                r.get("names").asList(Value::asString))));
                Map<String, Set<String>> locations = new LinkedHashMap<>();
                Deque<Object[]> todo = new ArrayDeque<>();
                todo.add(new Object[] {id, location, 0});
                while (!todo.isEmpty()) {
                    Object[] next = todo.poll();
                    String doc = (String) next[0];
                    String at = (String) next[1];
                    int depth = (Integer) next[2];
                    locations.computeIfAbsent(doc, k -> new LinkedHashSet<>()).add(at);
                    if (depth < maxDepth) {
                        for (Containment c : children.getOrDefault(doc, List.of())) {
                            for (String name : c.names()) {
                                todo.add(new Object[] {c.child(), embeddedLocation(at, name), depth + 1});
                            }
                        }
                    }
                }
                List<Map<String, Object>> rows = new ArrayList<>();
                locations.forEach((doc, at) -> rows.add(Map.of("id", doc, "locations", List.copyOf(at))));
                tx.run(
                                """
                                UNWIND $rows AS row
                                MATCH (d:Document {id: row.id})
                                SET d.paths = reduce(acc = coalesce(d.paths, []), p IN row.locations |
                                                     CASE WHEN p IN acc THEN acc ELSE acc + p END)
                                %s
                                """
                                        .formatted(FILE_NAME_FROM_PATHS),
                                Map.of("rows", rows))
                        .consume();
            });
        }
    }

    private record Containment(String child, List<String> names) {}

    /** Where an embedded document sits: {@code container!/name}. */
    public static String embeddedLocation(String containerLocation, String name) {
        return containerLocation + "!/" + name;
    }

    /** Writes the files in one transaction (large files in several, {@code complete} last). */
    public void write(List<FileGraph> files) {
        List<FileGraph> small = new ArrayList<>();
        for (FileGraph file : files) {
            if (file.passageCount() > passagesPerTransaction) {
                writeLarge(file);
            } else {
                small.add(file);
            }
        }
        if (!small.isEmpty()) {
            try (var session = driver.session()) {
                inTransaction(session, small.size(), tx -> {
                    List<DocumentRecord> documents = documents(small);
                    writeDocuments(tx, documents);
                    writeContainments(tx, small);
                    writePassages(tx, passageRows(documents));
                    writeExtractions(tx, documents);
                    markComplete(tx, documents);
                });
            }
        }
    }

    private void writeLarge(FileGraph file) {
        List<DocumentRecord> documents = file.documents();
        List<Map<String, Object>> passages = passageRows(documents);
        try (var session = driver.session()) {
            inTransaction(session, 1, tx -> {
                writeDocuments(tx, documents);
                writeContainments(tx, List.of(file));
            });
            for (int from = 0; from < passages.size(); from += passagesPerTransaction) {
                List<Map<String, Object>> chunk =
                        passages.subList(from, Math.min(passages.size(), from + passagesPerTransaction));
                inTransaction(session, 0, tx -> writePassages(tx, chunk));
            }
            inTransaction(session, 1, tx -> {
                writeExtractions(tx, documents);
                markComplete(tx, documents);
            });
        }
    }

    /** Runs {@code work} in one write transaction; times its commit as the statement "commit". */
    private void inTransaction(org.neo4j.driver.Session session, int files, Consumer<TransactionContext> work) {
        long[] workDone = new long[1];
        session.executeWriteWithoutResult(tx -> {
            work.accept(tx);
            workDone[0] = System.nanoTime();
        });
        times.add("commit", files, System.nanoTime() - workDone[0]);
    }

    private static List<DocumentRecord> documents(List<FileGraph> files) {
        return files.stream().flatMap(f -> f.documents().stream()).toList();
    }

    /**
     * The same bytes seen under several names (in two archives, at two paths) must get the same
     * {@code fileName} whatever order the files were imported in (parallel workers, a resumed run):
     * the name at the first of its paths in sort order.
     */
    private static final String FILE_NAME_FROM_PATHS =
            """
            WITH d, reduce(first = null, p IN d.paths | CASE WHEN first IS NULL OR p < first THEN p ELSE first END)
                    AS first
            WHERE first IS NOT NULL
            SET d.fileName = last(split(last(split(first, '!/')), '/'))
            """;

    private void writeDocuments(TransactionContext tx, List<DocumentRecord> documents) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (DocumentRecord d : documents) {
            Map<String, Object> row = new HashMap<>();
            row.put("id", d.id());
            row.put("locations", d.locations());
            row.put("known", d.known());
            row.put("mediaType", d.mediaType());
            row.put("title", d.title());
            row.put("author", d.author());
            row.put("created", d.created());
            row.put("modified", d.modified());
            row.put("pages", d.pages());
            row.put("size", d.size());
            row.put("language", d.language());
            row.put("kind", d.kind());
            row.put("truncated", d.truncated());
            row.put("warning", d.warning());
            rows.add(row);
        }
        times.run(
                tx,
                "documents",
                """
                CYPHER replan=skip expressionEngine=interpreted
                UNWIND $batch.rows AS row
                MERGE (d:Document {id: row.id})
                ON CREATE SET d.importedAt = datetime(), d.complete = false
                SET d.paths = reduce(acc = coalesce(d.paths, []), p IN row.locations |
                                     CASE WHEN p IN acc THEN acc ELSE acc + p END)
                FOREACH (_ IN CASE WHEN row.known THEN [] ELSE [1] END |
                    SET d.mediaType = row.mediaType, d.title = row.title, d.author = row.author,
                        d.pages = row.pages, d.size = row.size, d.language = row.language, d.kind = row.kind,
                        d.truncated = row.truncated, d.parseWarning = row.warning)
                // An archive gives its entries its own dates, so the same bytes in two archives
                // can come with two; the earliest wins, whatever order they were imported in.
                SET d.created = CASE WHEN d.created IS NULL OR row.created < d.created
                                     THEN row.created ELSE d.created END,
                    d.modified = CASE WHEN d.modified IS NULL OR row.modified < d.modified
                                      THEN row.modified ELSE d.modified END
                WITH d
                %s
                """
                        .formatted(FILE_NAME_FROM_PATHS),
                Map.of("rows", rows),
                rows.size());
    }

    private void writeContainments(TransactionContext tx, List<FileGraph> files) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (FileGraph file : files) {
            for (FileGraph.Containment c : file.containments()) {
                rows.add(Map.of("parentId", c.parentId(), "childId", c.childId(), "names", c.names()));
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        times.run(
                tx,
                "containments",
                """
                CYPHER replan=skip expressionEngine=interpreted
                UNWIND $batch.rows AS row
                MATCH (parent:Document {id: row.parentId}), (child:Document {id: row.childId})
                MERGE (parent)-[c:CONTAINS]->(child)
                SET c.names = reduce(acc = coalesce(c.names, []), n IN row.names |
                                     CASE WHEN n IN acc THEN acc ELSE acc + n END)
                """,
                Map.of("rows", rows),
                rows.size());
    }

    /**
     * A leader's background is only ever stated by some documents; one that says nothing must not
     * erase what another said, and the comparison view needs a value to group by.
     */
    private static final String LEADER_BACKGROUND =
            "SET e.background = coalesce(row.properties.background, e.background, 'unknown')";

    private static List<Map<String, Object>> passageRows(List<DocumentRecord> documents) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (DocumentRecord d : documents) {
            if (d.known()) {
                continue;
            }
            for (Passage p : d.passages()) {
                rows.add(Map.of(
                        "documentId", d.id(),
                        "id", p.id(d.id()),
                        "index", p.index(),
                        "page", p.page(),
                        "text", p.text()));
            }
        }
        return rows;
    }

    private void writePassages(TransactionContext tx, List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        times.run(
                tx,
                "passages",
                """
                CYPHER replan=skip expressionEngine=interpreted
                UNWIND $batch.rows AS row
                MATCH (d:Document {id: row.documentId})
                MERGE (p:Passage {id: row.id})
                SET p.text = row.text, p.index = row.index, p.page = row.page
                MERGE (d)-[:HAS_PASSAGE]->(p)
                """,
                Map.of("rows", rows),
                rows.size());
    }

    private void writeExtractions(TransactionContext tx, List<DocumentRecord> documents) {
        Map<EntityKind, List<Map<String, Object>>> entities = new EnumMap<>(EntityKind.class);
        Map<EntityKind, List<Map<String, Object>>> mentions = new EnumMap<>(EntityKind.class);
        Map<RelType, List<Map<String, Object>>> facts = new EnumMap<>(RelType.class);
        for (DocumentRecord d : documents) {
            if (d.known() || d.extraction() == null) {
                continue;
            }
            collect(d, entities, mentions, facts);
        }
        entities.forEach((kind, rows) -> {
            List<Map<String, Object>> merged = mergeEntityRows(rows);
            times.run(
                    tx,
                    "entities " + kind.label().label(),
                    """
                    CYPHER replan=skip expressionEngine=interpreted
                    UNWIND $batch.rows AS row
                    MERGE (e:%s {id: row.id})
                    WITH e, row, coalesce(e.aliasSources, []) AS sources, coalesce(e.aliases, []) AS aliases
                    // The row's lists hold each value once: append those the entity does not have yet.
                    SET e += row.properties, e.name = row.name,
                        e.aliasSources = sources + [a IN row.aliasSources WHERE NOT a IN sources],
                        e.aliases = aliases + [a IN row.aliases WHERE NOT a IN aliases]
                    %s
                    """
                            .formatted(kind.label().label(), kind == EntityKind.LEADER ? LEADER_BACKGROUND : ""),
                    Map.of("rows", merged),
                    merged.size());
        });
        mentions.forEach((kind, rows) -> {
            // MERGE makes a repeated mention one relationship anyway; sending it once saves the lookups.
            List<Map<String, Object>> distinct = List.copyOf(new LinkedHashSet<>(rows));
            times.run(
                    tx,
                    "mentions " + kind.label().label(),
                    """
                    CYPHER replan=skip expressionEngine=interpreted
                    UNWIND $batch.rows AS row
                    MATCH (p:Passage {id: row.passageId}), (e:%s {id: row.entityId})
                    MERGE (p)-[:MENTIONS]->(e)
                    """
                            .formatted(kind.label().label()),
                    Map.of("rows", distinct),
                    distinct.size());
        });
        List<EvidencedRelationships.Key> keys = new ArrayList<>();
        facts.forEach((type, rows) -> rows.forEach(row -> keys.add(new EvidencedRelationships.Key(
                type, (String) row.get("subjectId"), (String) row.get("objectId"), (String) row.get("period")))));
        facts.forEach((type, rows) -> {
            NodeLabel[] ends = EvidencedRelationships.ENDS.get(type);
            List<Map<String, Object>> claims = mergeClaimRows(rows);
            // The relationship itself is MERGEd once per key by EvidencedRelationships.derive below,
            // not once per claim: a batch states the same relationship in many passages.
            times.run(
                    tx,
                    "claims " + type.name(),
                    """
                    CYPHER replan=skip expressionEngine=interpreted
                    UNWIND $batch.rows AS row
                    MATCH (s:%s {id: row.subjectId}), (o:%s {id: row.objectId}), (p:Passage {id: row.passageId})
                    MERGE (c:Claim {id: row.claimId})
                    ON CREATE SET c.status = 'extracted'
                    SET c += row.fact,
                        c.factKeys = row.factKeys, c.type = row.type, c.subjectId = row.subjectId,
                        c.objectId = row.objectId, c.period = row.claimPeriod, c.quote = row.quote,
                        c.page = row.page, c.method = row.method, c.confidence = row.confidence,
                        c.documentId = row.documentId
                    MERGE (c)-[:FROM]->(p)
                    MERGE (c)-[:ABOUT]->(s)
                    MERGE (c)-[:ABOUT]->(o)
                    """
                            .formatted(ends[0].label(), ends[1].label()),
                    Map.of("rows", claims),
                    claims.size());
        });
        // Sources and properties follow from all the claims, whatever order documents came in.
        EvidencedRelationships.derive(tx, keys, true, times);
    }

    /**
     * One row per entity: the rows of one entity in a batch, as if written one after the other
     * (properties and name of the later row win, alias lists are unions in order).
     */
    private static List<Map<String, Object>> mergeEntityRows(List<Map<String, Object>> rows) {
        return mergeRows(rows, "id", (before, row) -> {
            Map<String, Object> merged = new HashMap<>(row);
            merged.put("properties", laterWins(before.get("properties"), row.get("properties")));
            merged.put("aliases", union(before.get("aliases"), row.get("aliases")));
            merged.put("aliasSources", union(before.get("aliasSources"), row.get("aliasSources")));
            return merged;
        });
    }

    private static List<Object> union(Object first, Object second) {
        LinkedHashSet<Object> all = new LinkedHashSet<>((List<?>) first);
        all.addAll((List<?>) second);
        return List.copyOf(all);
    }

    /**
     * One row per claim id (a fact stated twice with the same quote in the same passage), as if
     * written one after the other: the later row's values win, the fact's properties accumulate.
     */
    private static List<Map<String, Object>> mergeClaimRows(List<Map<String, Object>> rows) {
        return mergeRows(rows, "claimId", (before, row) -> {
            Map<String, Object> merged = new HashMap<>(row);
            merged.put("fact", laterWins(before.get("fact"), row.get("fact")));
            return merged;
        });
    }

    /** The rows with one row per value of {@code key}, in first-seen order, combined by {@code later}. */
    private static List<Map<String, Object>> mergeRows(
            List<Map<String, Object>> rows, String key, BinaryOperator<Map<String, Object>> later) {
        Map<Object, Map<String, Object>> byKey = new LinkedHashMap<>();
        rows.forEach(row -> byKey.merge(row.get(key), row, later));
        return List.copyOf(byKey.values());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> laterWins(Object first, Object second) {
        Map<String, Object> all = new HashMap<>((Map<String, Object>) first);
        all.putAll((Map<String, Object>) second);
        return all;
    }

    private static void collect(
            DocumentRecord d,
            Map<EntityKind, List<Map<String, Object>>> entities,
            Map<EntityKind, List<Map<String, Object>>> mentions,
            Map<RelType, List<Map<String, Object>>> facts) {
        Extraction extraction = d.extraction();
        Set<String> passageIds = new HashSet<>();
        d.passages().forEach(p -> passageIds.add(p.id(d.id())));
        Map<String, EntityKind> kinds = new HashMap<>();
        for (Entity e : extraction.entities()) {
            kinds.put(e.id(), e.kind());
            Map<String, Object> properties = new HashMap<>(e.properties());
            properties.keySet().removeAll(Set.of("id", "name", "aliases", "aliasSources"));
            List<String> aliases = e.aliases().stream()
                    .filter(a -> a != null && !a.isBlank() && !a.equals(e.name()))
                    .distinct()
                    .toList();
            Map<String, Object> row = new HashMap<>();
            row.put("id", e.id());
            row.put("name", e.name());
            row.put("properties", properties);
            row.put("aliases", aliases);
            row.put("aliasSources", aliases.stream().map(a -> d.id() + "|" + a).toList());
            entities.computeIfAbsent(e.kind(), k -> new ArrayList<>()).add(row);
        }
        for (Mention m : extraction.mentions()) {
            EntityKind kind = kinds.get(m.entityId());
            if (kind == null || !passageIds.contains(m.passageId())) {
                LOG.warn(
                        "Ignoring a mention of {} in {}: not an entity or passage of this document",
                        m.entityId(),
                        m.passageId());
                continue;
            }
            mentions.computeIfAbsent(kind, k -> new ArrayList<>())
                    .add(Map.of("passageId", m.passageId(), "entityId", m.entityId()));
        }
        for (Fact f : extraction.facts()) {
            String passageId = f.evidence().passageId();
            if (!passageIds.contains(passageId)) {
                LOG.warn("Ignoring a {} fact in {}: the passage is not of document {}", f.type(), passageId, d.id());
                continue;
            }
            Map<String, Object> row = new HashMap<>();
            row.put("type", f.type().name());
            row.put("subjectId", f.subjectId());
            row.put("objectId", f.objectId());
            row.put("period", f.period());
            row.put("claimPeriod", f.period().isEmpty() ? null : f.period());
            Map<String, Object> fact = new HashMap<>(f.properties());
            fact.keySet().removeAll(CLAIM_KEYS);
            row.put("fact", fact);
            row.put("factKeys", fact.keySet().stream().sorted().toList());
            row.put("documentId", d.id());
            row.put("passageId", passageId);
            row.put("quote", f.evidence().quote());
            row.put("page", f.evidence().page());
            row.put("method", f.evidence().method());
            row.put("confidence", f.evidence().confidence());
            row.put("claimId", claimId(f));
            facts.computeIfAbsent(f.type(), k -> new ArrayList<>()).add(row);
        }
    }

    /** Claim.id: SHA-256 of {@code type|subjectId|objectId|period|passageId|quote} (README). */
    public static String claimId(Fact f) {
        return Sha256.ofText(String.join(
                "|",
                f.type().name(),
                f.subjectId(),
                f.objectId(),
                f.period(),
                f.evidence().passageId(),
                f.evidence().quote()));
    }

    private void markComplete(TransactionContext tx, List<DocumentRecord> documents) {
        List<String> ids = documents.stream().map(DocumentRecord::id).distinct().toList();
        times.run(
                tx,
                "complete",
                """
                CYPHER replan=skip expressionEngine=interpreted
                UNWIND $batch.ids AS id
                MATCH (d:Document {id: id})
                SET d.complete = true
                """,
                Map.of("ids", ids),
                ids.size());
    }
}

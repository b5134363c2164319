package no.govgraph.ingest.remove;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.govgraph.ingest.write.EvidencedRelationships;
import no.govgraph.neo4j.model.NodeLabel;
import no.govgraph.neo4j.model.RelType;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/**
 * Takes documents out of the graph again, with everything that rests on them only: their passages,
 * the claims read in them, their ids in relationships' {@code sources} (a relationship left with no
 * source goes), and entities nothing mentions or relates to any more. Importing A and B and then
 * removing B leaves the graph of importing A alone.
 *
 * <p>A document is the content at all the places it was seen ({@code paths}). Removing a path
 * withdraws that location, and the locations inside it ({@code path!/…}) from embedded documents;
 * a document left with no location is removed. Removing a document withdraws all its locations.
 * All of one removal is one transaction.
 */
public final class DocumentRemover {

    private final Driver driver;

    public DocumentRemover(Driver driver) {
        this.driver = driver;
    }

    /**
     * What a removal did.
     *
     * @param documents ids of the documents removed
     * @param locations locations withdrawn from documents that remain (seen elsewhere too)
     * @param passages passages removed
     * @param claims claims removed
     * @param relationships relationships removed (no source left)
     * @param entities entities removed (nothing mentions or relates to them any more)
     */
    public record Removal(
            List<String> documents, long locations, long passages, long claims, long relationships, long entities) {

        public Removal {
            documents = List.copyOf(documents);
        }

        public boolean isEmpty() {
            return documents.isEmpty() && locations == 0;
        }
    }

    /** Removes the document with this id (its locations everywhere), or nothing if there is none. */
    public Removal removeDocument(String id) {
        try (var session = driver.session()) {
            return session.executeWrite(tx -> {
                List<Record> found = tx.run("MATCH (d:Document {id: $id}) RETURN d.paths AS paths", Map.of("id", id))
                        .list();
                if (found.isEmpty()) {
                    return new Removal(List.of(), 0, 0, 0, 0, 0);
                }
                List<String> paths = found.get(0).get("paths").isNull()
                        ? List.of()
                        : found.get(0).get("paths").asList(Value::asString);
                return remove(tx, paths, Set.of(id));
            });
        }
    }

    /** Withdraws a path (a file given to an import, or an embedded location {@code file!/entry}). */
    public Removal removePath(String path) {
        String location = path.contains("!/")
                ? path
                : Path.of(path).toAbsolutePath().normalize().toString();
        try (var session = driver.session()) {
            return session.executeWrite(tx -> remove(tx, List.of(location), Set.of()));
        }
    }

    private Removal remove(TransactionContext tx, List<String> prefixes, Set<String> alsoRemove) {
        if (prefixes.isEmpty() && alsoRemove.isEmpty()) {
            return new Removal(List.of(), 0, 0, 0, 0, 0);
        }
        List<Record> withdrawn = tx.run(
                        """
                        MATCH (d:Document)
                        WHERE d.id IN $ids OR any(p IN coalesce(d.paths, []) WHERE
                              any(prefix IN $prefixes WHERE p = prefix OR p STARTS WITH prefix + '!/'))
                        WITH d, [p IN coalesce(d.paths, []) WHERE
                                 none(prefix IN $prefixes WHERE p = prefix OR p STARTS WITH prefix + '!/')] AS kept
                        SET d.paths = kept
                        RETURN d.id AS id, size(kept) = 0 OR d.id IN $ids AS doomed
                        """,
                        Map.of("prefixes", prefixes, "ids", List.copyOf(alsoRemove)))
                .list();
        List<String> doomed = new ArrayList<>();
        long locations = 0;
        for (Record r : withdrawn) {
            if (r.get("doomed").asBoolean()) {
                doomed.add(r.get("id").asString());
            } else {
                locations++;
            }
        }
        if (doomed.isEmpty()) {
            return new Removal(List.of(), locations, 0, 0, 0, 0);
        }
        Map<String, Object> ids = Map.of("ids", doomed);

        // What rests on these documents: the relationships their claims support, the entities touched.
        List<Record> claimKeys = tx.run(
                        """
                        MATCH (c:Claim) WHERE c.documentId IN $ids
                        RETURN DISTINCT c.type AS type, c.subjectId AS subjectId, c.objectId AS objectId,
                                        coalesce(c.period, '') AS period
                        """,
                        ids)
                .list();
        Set<String> touched = new LinkedHashSet<>();
        for (Record k : claimKeys) {
            touched.add(k.get("subjectId").asString());
            touched.add(k.get("objectId").asString());
        }
        tx.run(
                        """
                        MATCH (d:Document)-[:HAS_PASSAGE]->(:Passage)-[:MENTIONS]->(e)
                        WHERE d.id IN $ids
                        RETURN DISTINCT e.id AS id
                        """,
                        ids)
                .forEachRemaining(r -> touched.add(r.get("id").asString()));

        long claims = tx.run(
                        """
                        MATCH (c:Claim) WHERE c.documentId IN $ids
                        DETACH DELETE c
                        RETURN count(*) AS n
                        """,
                        ids)
                .single()
                .get("n")
                .asLong();
        long passages = tx.run(
                        """
                        MATCH (d:Document)-[:HAS_PASSAGE]->(p:Passage) WHERE d.id IN $ids
                        DETACH DELETE p
                        RETURN count(*) AS n
                        """,
                        ids)
                .single()
                .get("n")
                .asLong();
        tx.run(
                        """
                        MATCH (d:Document) WHERE d.id IN $ids
                        DETACH DELETE d
                        """,
                        ids)
                .consume();

        List<EvidencedRelationships.Key> keys = claimKeys.stream()
                .map(k -> new EvidencedRelationships.Key(
                        RelType.valueOf(k.get("type").asString()),
                        k.get("subjectId").asString(),
                        k.get("objectId").asString(),
                        k.get("period").asString()))
                .toList();
        long relationships = EvidencedRelationships.derive(tx, keys);

        long entities = 0;
        List<String> touchedIds = List.copyOf(touched);
        for (NodeLabel label : NodeLabel.entities()) {
            tx.run(
                            """
                            MATCH (e:%s) WHERE e.id IN $touched AND e.aliasSources IS NOT NULL
                            WITH e, [s IN e.aliasSources WHERE NOT split(s, '|')[0] IN $ids] AS kept
                            WITH e, kept,
                                 [s IN e.aliasSources WHERE split(s, '|')[0] IN $ids | substring(s, size(split(s, '|')[0]) + 1)] AS gone,
                                 [s IN kept | substring(s, size(split(s, '|')[0]) + 1)] AS still
                            SET e.aliasSources = kept,
                                e.aliases = [a IN coalesce(e.aliases, []) WHERE NOT a IN gone OR a IN still]
                            """
                                    .formatted(label.label()),
                            Map.of("touched", touchedIds, "ids", doomed))
                    .consume();
            entities += tx.run(
                            """
                            MATCH (e:%s) WHERE e.id IN $touched
                              AND NOT (e)<-[:MENTIONS]-()
                              AND NOT (e)-[:LEADS|PARTNERS_WITH|USES_TOOL|ACHIEVED]-()
                              AND NOT (e)<-[:ABOUT]-()
                            DETACH DELETE e
                            RETURN count(*) AS n
                            """
                                    .formatted(label.label()),
                            Map.of("touched", touchedIds))
                    .single()
                    .get("n")
                    .asLong();
        }
        return new Removal(doomed, locations, passages, claims, relationships, entities);
    }
}

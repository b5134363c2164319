package no.govgraph.backend.search;

import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.govgraph.backend.support.EntityIds;
import no.govgraph.backend.support.ReadTransactions;
import no.govgraph.neo4j.model.RelType;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionCallback;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/**
 * Full-text queries over the {@code passage_text} and {@code entity_names} indexes. The statements
 * of one search run in one read transaction ({@link ReadTransactions}).
 */
@Singleton
class SearchRepository {

    record PassageMatch(
            String id,
            double score,
            String documentId,
            String title,
            String kind,
            String language,
            String year,
            Integer page,
            List<String> types,
            List<String> offices) {

        PassageMatch {
            types = List.copyOf(types);
            offices = List.copyOf(offices);
        }
    }

    record EntityMatch(String id, String label, String name, List<String> aliases, double score, List<String> offices) {

        static EntityMatch from(Record r) {
            return new EntityMatch(
                    r.get("id").asString(),
                    r.get("label").asString(),
                    r.get("name").asString(""),
                    r.get("aliases").isNull() ? List.of() : r.get("aliases").asList(Value::asString),
                    r.get("score").asDouble(),
                    r.get("offices").asList(Value::asString));
        }
    }

    private final ReadTransactions transactions;

    SearchRepository(ReadTransactions transactions) {
        this.transactions = transactions;
    }

    /** Runs {@code work} in one read transaction. */
    <T> T read(TransactionCallback<T> work) {
        return transactions.read(work);
    }

    /**
     * The best {@code cap} passages for {@code lucene}, with what the facets need: the document's
     * kind, language and year, and the labels and offices among the entities each passage mentions.
     *
     * <p>A common term fills the cap with passages that mention five entities each, mostly the same
     * few hundred: the passages come back with the element ids of what they mention, and each
     * distinct entity's label and id are read once, in a second statement, instead of once per
     * mention (at 1M nodes, a common term: 5,000 mentions of 522 entities; 41,754 db hits before,
     * 27,096 now).
     */
    List<PassageMatch> passages(TransactionContext tx, String lucene, int cap) {
        List<Record> rows = tx.run(
                        """
                        CALL db.index.fulltext.queryNodes('passage_text', $q, {limit: $cap}) YIELD node AS p, score
                        MATCH (d:Document)-[:HAS_PASSAGE]->(p)
                        RETURN p.id AS id, score, d.id AS documentId, coalesce(d.title, d.fileName) AS title,
                               d.kind AS kind, d.language AS language,
                               CASE WHEN d.created IS NULL THEN null ELSE left(toString(d.created), 4) END AS year,
                               p.page AS page, [(p)-[:MENTIONS]->(e) | elementId(e)] AS mentions
                        ORDER BY score DESC, id
                        """,
                        Map.of("q", lucene, "cap", cap))
                .list();
        List<String> mentioned = rows.stream()
                .flatMap(r -> r.get("mentions").asList(Value::asString).stream())
                .distinct()
                .toList();
        Map<String, Mentioned> entities = new HashMap<>();
        if (!mentioned.isEmpty()) {
            tx.run(
                            """
                            UNWIND $ids AS eid
                            MATCH (e) WHERE elementId(e) = eid
                            RETURN eid, [l IN labels(e) WHERE l IN $entityLabels][0] AS label,
                                   CASE WHEN e:Office THEN e.id END AS office
                            """,
                            Map.of("ids", mentioned, "entityLabels", EntityIds.entityLabels()))
                    .list()
                    .forEach(r -> entities.put(
                            r.get("eid").asString(),
                            new Mentioned(
                                    r.get("label").asString(null),
                                    r.get("office").asString(null))));
        }
        return rows.stream()
                .map(r -> {
                    Set<String> types = new LinkedHashSet<>();
                    Set<String> offices = new LinkedHashSet<>();
                    for (String eid : r.get("mentions").asList(Value::asString)) {
                        Mentioned e = entities.get(eid);
                        if (e != null && e.label() != null) {
                            types.add(e.label());
                        }
                        if (e != null && e.office() != null) {
                            offices.add(e.office());
                        }
                    }
                    return new PassageMatch(
                            r.get("id").asString(),
                            r.get("score").asDouble(),
                            r.get("documentId").asString(),
                            r.get("title").asString(""),
                            r.get("kind").asString(null),
                            r.get("language").asString(null),
                            r.get("year").asString(null),
                            r.get("page").isNull() ? null : r.get("page").asInt(),
                            List.copyOf(types),
                            List.copyOf(offices));
                })
                .toList();
    }

    /** A mentioned entity's label and, for an office, its id. */
    private record Mentioned(String label, String office) {}

    List<EntityMatch> entities(TransactionContext tx, String lucene, int cap) {
        return tx
                .run(
                        """
                        CALL db.index.fulltext.queryNodes('entity_names', $q, {limit: $cap}) YIELD node AS e, score
                        OPTIONAL MATCH (e)-[r:%s]-(o:Office) WHERE size(coalesce(r.sources, [])) > 0
                        WITH e, score, collect(DISTINCT o.id) AS related
                        RETURN e.id AS id, [l IN labels(e) WHERE l IN $entityLabels][0] AS label, e.name AS name,
                               e.aliases AS aliases, score,
                               CASE WHEN e:Office THEN related + e.id ELSE related END AS offices
                        ORDER BY score DESC, id
                        """
                                .formatted(RelType.evidencedPattern()),
                        Map.of("q", lucene, "cap", cap, "entityLabels", EntityIds.entityLabels()))
                .list()
                .stream()
                .map(EntityMatch::from)
                .toList();
    }

    Map<String, String> passageTexts(TransactionContext tx, List<String> ids) {
        return tx
                .run(
                        """
                        UNWIND $ids AS id
                        MATCH (p:Passage {id: id})
                        RETURN p.id AS id, p.text AS text
                        """,
                        Map.of("ids", ids))
                .list()
                .stream()
                .collect(java.util.stream.Collectors.toMap(
                        r -> r.get("id").asString(), r -> r.get("text").asString(""), (a, b) -> a));
    }

    Map<String, String> officeNames(TransactionContext tx, List<String> ids) {
        return tx
                .run(
                        """
                        UNWIND $ids AS id
                        MATCH (o:Office {id: id})
                        RETURN o.id AS id, o.name AS name
                        """,
                        Map.of("ids", ids))
                .list()
                .stream()
                .collect(java.util.stream.Collectors.toMap(
                        r -> r.get("id").asString(), r -> r.get("name").asString(""), (a, b) -> a));
    }
}

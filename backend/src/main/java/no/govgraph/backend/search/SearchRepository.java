package no.govgraph.backend.search;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import no.govgraph.backend.support.EntityIds;
import no.govgraph.neo4j.model.RelType;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/** Full-text queries over the {@code passage_text} and {@code entity_names} indexes. */
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

        static PassageMatch from(Record r) {
            return new PassageMatch(
                    r.get("id").asString(),
                    r.get("score").asDouble(),
                    r.get("documentId").asString(),
                    r.get("title").asString(""),
                    r.get("kind").asString(null),
                    r.get("language").asString(null),
                    r.get("year").asString(null),
                    r.get("page").isNull() ? null : r.get("page").asInt(),
                    r.get("types").asList(Value::asString),
                    r.get("offices").asList(Value::asString));
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

    private final Driver driver;

    SearchRepository(Driver driver) {
        this.driver = driver;
    }

    List<PassageMatch> passages(String lucene, int cap) {
        return driver
                .executableQuery(
                        """
                        CALL db.index.fulltext.queryNodes('passage_text', $q, {limit: $cap}) YIELD node AS p, score
                        MATCH (d:Document)-[:HAS_PASSAGE]->(p)
                        OPTIONAL MATCH (p)-[:MENTIONS]->(e)
                        WITH p, score, d,
                             collect(DISTINCT [l IN labels(e) WHERE l IN $entityLabels][0]) AS types,
                             collect(DISTINCT CASE WHEN e:Office THEN e.id END) AS offices
                        RETURN p.id AS id, score, d.id AS documentId, coalesce(d.title, d.fileName) AS title,
                               d.kind AS kind, d.language AS language,
                               CASE WHEN d.created IS NULL THEN null ELSE left(toString(d.created), 4) END AS year,
                               p.page AS page, [t IN types WHERE t IS NOT NULL] AS types, offices
                        ORDER BY score DESC, id
                        """)
                .withParameters(Map.of("q", lucene, "cap", cap, "entityLabels", EntityIds.entityLabels()))
                .execute()
                .records()
                .stream()
                .map(PassageMatch::from)
                .toList();
    }

    List<EntityMatch> entities(String lucene, int cap) {
        return driver
                .executableQuery(
                        """
                        CALL db.index.fulltext.queryNodes('entity_names', $q, {limit: $cap}) YIELD node AS e, score
                        OPTIONAL MATCH (e)-[r:%s]-(o:Office) WHERE size(coalesce(r.sources, [])) > 0
                        WITH e, score, collect(DISTINCT o.id) AS related
                        RETURN e.id AS id, [l IN labels(e) WHERE l IN $entityLabels][0] AS label, e.name AS name,
                               e.aliases AS aliases, score,
                               CASE WHEN e:Office THEN related + e.id ELSE related END AS offices
                        ORDER BY score DESC, id
                        """
                                .formatted(RelType.evidencedPattern()))
                .withParameters(Map.of("q", lucene, "cap", cap, "entityLabels", EntityIds.entityLabels()))
                .execute()
                .records()
                .stream()
                .map(EntityMatch::from)
                .toList();
    }

    Map<String, String> passageTexts(List<String> ids) {
        return driver
                .executableQuery(
                        """
                        UNWIND $ids AS id
                        MATCH (p:Passage {id: id})
                        RETURN p.id AS id, p.text AS text
                        """)
                .withParameters(Map.of("ids", ids))
                .execute()
                .records()
                .stream()
                .collect(java.util.stream.Collectors.toMap(
                        r -> r.get("id").asString(), r -> r.get("text").asString(""), (a, b) -> a));
    }

    Map<String, String> officeNames(List<String> ids) {
        return driver
                .executableQuery(
                        """
                        UNWIND $ids AS id
                        MATCH (o:Office {id: id})
                        RETURN o.id AS id, o.name AS name
                        """)
                .withParameters(Map.of("ids", ids))
                .execute()
                .records()
                .stream()
                .collect(java.util.stream.Collectors.toMap(
                        r -> r.get("id").asString(), r -> r.get("name").asString(""), (a, b) -> a));
    }
}

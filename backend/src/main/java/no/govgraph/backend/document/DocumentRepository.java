package no.govgraph.backend.document;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.govgraph.backend.evidence.ClaimView;
import no.govgraph.backend.support.EntityIds;
import no.govgraph.backend.support.GraphValues;
import no.govgraph.neo4j.model.NodeLabel;
import no.govgraph.neo4j.model.RelType;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/** Documents, their passages and mentions, and their removal. */
@Singleton
class DocumentRepository {

    /** A passage with the entities it mentions. */
    record PassageRow(String id, int index, Integer page, String text, List<MentionFinder.Named> entities) {}

    /** A relationship some claim of a removed document supported. */
    record Supported(String type, String subjectId, String objectId, String period) {}

    private static final String SUMMARY =
            """
            RETURN d.id AS id, coalesce(d.title, d.fileName, d.id) AS title, d.kind AS kind,
                   CASE WHEN d.created IS NULL THEN null ELSE left(toString(d.created), 4) END AS year,
                   d.language AS language
            """;

    private final Driver driver;

    DocumentRepository(Driver driver) {
        this.driver = driver;
    }

    Optional<Map<String, Object>> metadata(String id) {
        return driver
                .executableQuery(
                        """
                        MATCH (d:Document {id: $id})
                        RETURN properties(d) AS props, COUNT { (d)-[:HAS_PASSAGE]->() } AS passages
                        """)
                .withParameters(Map.of("id", id))
                .execute()
                .records()
                .stream()
                .findFirst()
                .map(r -> {
                    Map<String, Object> props = new HashMap<>(GraphValues.properties(r.get("props")));
                    props.put("__passages", r.get("passages").asLong());
                    return props;
                });
    }

    List<PassageRow> passages(String id, int offset, int limit) {
        return driver
                .executableQuery(
                        """
                        MATCH (d:Document {id: $id})-[:HAS_PASSAGE]->(p:Passage)
                        WITH p ORDER BY p.index SKIP $offset LIMIT $limit
                        OPTIONAL MATCH (p)-[:MENTIONS]->(e)
                        WITH p, collect(CASE WHEN e IS NULL THEN null ELSE {id: e.id,
                             label: [l IN labels(e) WHERE l IN $entityLabels][0],
                             names: [e.name] + coalesce(e.aliases, [])} END) AS entities
                        RETURN p.id AS id, p.index AS index, p.page AS page, p.text AS text, entities
                        ORDER BY p.index
                        """)
                .withParameters(
                        Map.of("id", id, "offset", offset, "limit", limit, "entityLabels", EntityIds.entityLabels()))
                .execute()
                .records()
                .stream()
                .map(DocumentRepository::passage)
                .toList();
    }

    private static PassageRow passage(Record r) {
        List<MentionFinder.Named> entities = r.get("entities")
                .asList(e -> new MentionFinder.Named(
                        e.get("id").asString(),
                        e.get("label").asString(""),
                        e.get("names").asList(v -> v.isNull() ? "" : v.asString())));
        return new PassageRow(
                r.get("id").asString(),
                r.get("index").isNull() ? 0 : r.get("index").asInt(),
                r.get("page").isNull() ? null : r.get("page").asInt(),
                r.get("text").asString(""),
                entities);
    }

    List<ClaimView> claims(String id) {
        return driver
                .executableQuery(
                        """
                        MATCH (c:Claim {documentId: $id})
                        OPTIONAL MATCH (c)-[:FROM]->(p:Passage)<-[:HAS_PASSAGE]-(d:Document)
                        RETURN c.id AS id, c.type AS type, c.subjectId AS subjectId, c.objectId AS objectId,
                               c.period AS period, c.quote AS quote, c.page AS page, c.method AS method,
                               c.confidence AS confidence, coalesce(c.status, 'extracted') AS status,
                               c.documentId AS documentId, coalesce(d.title, d.fileName) AS documentTitle,
                               p.id AS passageId, c.curatedBy AS curatedBy, toString(c.curatedAt) AS curatedAt
                        ORDER BY p.index, c.type, c.id
                        """)
                .withParameters(Map.of("id", id))
                .execute()
                .records()
                .stream()
                .map(DocumentRepository::claim)
                .toList();
    }

    private static ClaimView claim(Record r) {
        return new ClaimView(
                r.get("id").asString(),
                r.get("type").asString(),
                r.get("subjectId").asString(),
                r.get("objectId").asString(),
                GraphValues.text(r.get("period")),
                GraphValues.text(r.get("quote")),
                r.get("page").isNull() ? null : r.get("page").asInt(),
                GraphValues.text(r.get("method")),
                r.get("confidence").isNull() ? null : r.get("confidence").asDouble(),
                r.get("status").asString(),
                GraphValues.text(r.get("documentId")),
                GraphValues.text(r.get("documentTitle")),
                GraphValues.text(r.get("passageId")),
                GraphValues.text(r.get("curatedBy")),
                GraphValues.text(r.get("curatedAt")));
    }

    Map<String, String> entityNames(List<String> ids) {
        Map<String, String> names = new HashMap<>();
        driver.executableQuery(
                        """
                        UNWIND $ids AS id
                        MATCH (e:Office|Partner|Leader|Tool|Outcome {id: id})
                        RETURN e.id AS id, e.name AS name
                        """)
                .withParameters(Map.of("ids", ids))
                .execute()
                .records()
                .forEach(r -> names.put(
                        r.get("id").asString(),
                        r.get("name").asString(r.get("id").asString())));
        return names;
    }

    List<DocumentSummary> containedIn(String id) {
        return summaries("MATCH (d:Document)-[:CONTAINS]->(:Document {id: $id})\n" + SUMMARY + "ORDER BY title", id);
    }

    List<DocumentSummary> contains(String id) {
        return summaries("MATCH (:Document {id: $id})-[:CONTAINS]->(d:Document)\n" + SUMMARY + "ORDER BY title", id);
    }

    private List<DocumentSummary> summaries(String query, String id) {
        return driver.executableQuery(query).withParameters(Map.of("id", id)).execute().records().stream()
                .map(DocumentRepository::summary)
                .toList();
    }

    private static DocumentSummary summary(Record r) {
        return new DocumentSummary(
                r.get("id").asString(),
                r.get("title").asString(),
                r.get("kind").asString(null),
                r.get("year").asString(null),
                r.get("language").asString(null));
    }

    List<DocumentSummary> list(
            @Nullable String kind, @Nullable String year, @Nullable String language, long skip, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("kind", kind);
        params.put("year", year);
        params.put("language", language);
        params.put("skip", skip);
        params.put("limit", limit);
        return driver
                .executableQuery(
                        """
                        MATCH (d:Document)
                        WHERE ($kind IS NULL OR d.kind = $kind) AND ($language IS NULL OR d.language = $language)
                          AND ($year IS NULL OR left(toString(d.created), 4) = $year)
                        """
                                + SUMMARY
                                + """
                        ORDER BY title, id
                        SKIP $skip LIMIT $limit
                        """)
                .withParameters(params)
                .execute()
                .records()
                .stream()
                .map(DocumentRepository::summary)
                .toList();
    }

    List<String> paths(String id) {
        return driver
                .executableQuery(
                        "MATCH (d:Document {id: $id}) RETURN coalesce(d.paths, []) AS paths, d.fileName AS name")
                .withParameters(Map.of("id", id))
                .execute()
                .records()
                .stream()
                .findFirst()
                .map(r -> r.get("paths").asList(Value::asString))
                .orElse(List.of());
    }

    /** The relationships that claims read in {@code id} support. */
    List<Supported> supported(TransactionContext tx, String id) {
        return tx.run(
                        """
                        MATCH (c:Claim {documentId: $id})
                        RETURN DISTINCT c.type AS type, c.subjectId AS subjectId, c.objectId AS objectId,
                               coalesce(toString(c.period), '') AS period
                        """,
                        Map.of("id", id))
                .list(r -> new Supported(
                        r.get("type").asString(),
                        r.get("subjectId").asString(),
                        r.get("objectId").asString(),
                        r.get("period").asString()));
    }

    /** Deletes the document, its passages and its claims; returns how many passages and claims went. */
    long[] delete(TransactionContext tx, String id) {
        long claims = tx.run("MATCH (c:Claim {documentId: $id}) DETACH DELETE c RETURN count(*) AS n", Map.of("id", id))
                .single()
                .get("n")
                .asLong();
        long passages = tx.run(
                        """
                        MATCH (:Document {id: $id})-[:HAS_PASSAGE]->(p:Passage)
                        OPTIONAL MATCH (c:Claim)-[:FROM]->(p)
                        DETACH DELETE c, p
                        RETURN count(DISTINCT p) AS n
                        """,
                        Map.of("id", id))
                .single()
                .get("n")
                .asLong();
        tx.run("MATCH (d:Document {id: $id}) DETACH DELETE d", Map.of("id", id)).consume();
        return new long[] {passages, claims};
    }

    /**
     * Recomputes the sources of a relationship from the claims left: removed when no claim is left
     * at all, hidden (no sources) when only rejected ones are.
     */
    void recompute(TransactionContext tx, Supported s) {
        Optional<NodeLabel> subject = EntityIds.label(s.subjectId());
        Optional<NodeLabel> object = EntityIds.label(s.objectId());
        Optional<RelType> type = RelType.fromName(s.type()).filter(RelType::isEvidenced);
        if (subject.isEmpty() || object.isEmpty() || type.isEmpty()) {
            return;
        }
        // Labels and type come from the model enums, never from input.
        tx.run(
                        "MATCH (s:" + subject.get().label() + " {id: $subject})-[r:"
                                + type.get().name() + "]->(o:"
                                + object.get().label() + " {id: $object})\n"
                                + """
                                WHERE $type <> 'ACHIEVED' OR toString(r.period) = $period
                                WITH r,
                                     COUNT {
                                         MATCH (k:Claim {type: $type, subjectId: $subject, objectId: $object})
                                         WHERE $type <> 'ACHIEVED' OR toString(k.period) = $period
                                     } AS remaining,
                                     COLLECT {
                                         MATCH (k:Claim {type: $type, subjectId: $subject, objectId: $object})
                                         WHERE ($type <> 'ACHIEVED' OR toString(k.period) = $period)
                                           AND k.status <> 'rejected'
                                         WITH DISTINCT k.documentId AS doc
                                         RETURN doc ORDER BY doc
                                     } AS docs
                                SET r.sources = docs
                                WITH r, remaining WHERE remaining = 0
                                DELETE r
                                """,
                        Map.of(
                                "subject",
                                s.subjectId(),
                                "object",
                                s.objectId(),
                                "type",
                                s.type(),
                                "period",
                                s.period()))
                .consume();
    }
}

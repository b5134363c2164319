package no.govgraph.backend.entity;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.govgraph.backend.entity.EntityDetails.LinkedDocument;
import no.govgraph.backend.entity.EntityDetails.Relationship;
import no.govgraph.backend.support.EntityIds;
import no.govgraph.backend.support.GraphValues;
import no.govgraph.neo4j.model.NodeLabel;
import no.govgraph.neo4j.model.RelType;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/** Reads entities, their relationships with evidence counts, and the documents that mention them. */
@Singleton
class EntityRepository {

    /** A relationship row before grouping. */
    record RelationshipRow(String type, boolean outgoing, Relationship relationship) {}

    private final Driver driver;

    EntityRepository(Driver driver) {
        this.driver = driver;
    }

    Optional<Map<String, Object>> properties(NodeLabel label, String id) {
        // The label comes from the NodeLabel enum, never from input.
        return driver
                .executableQuery("MATCH (n:" + label.label() + " {id: $id}) RETURN properties(n) AS props")
                .withParameters(Map.of("id", id))
                .execute()
                .records()
                .stream()
                .findFirst()
                .map(r -> GraphValues.properties(r.get("props")));
    }

    List<RelationshipRow> relationships(NodeLabel label, String id) {
        return driver
                .executableQuery("MATCH (n:" + label.label() + " {id: $id})"
                        + """

                        MATCH (n)-[r:%s]-(m)
                        WHERE size(coalesce(r.sources, [])) > 0
                        WITH n, r, m, startNode(r) = n AS outgoing, startNode(r).id AS subjectId, endNode(r).id AS objectId
                        OPTIONAL MATCH (c:Claim {type: type(r), subjectId: subjectId, objectId: objectId})
                        WHERE c.status <> 'rejected' AND (type(r) <> 'ACHIEVED' OR c.period = r.period)
                        WITH r, m, outgoing, count(c) AS claims
                        RETURN type(r) AS type, outgoing, m.id AS otherId,
                               [l IN labels(m) WHERE l IN $entityLabels][0] AS otherLabel,
                               coalesce(m.name, m.id) AS otherName, r.period AS period, properties(r) AS props,
                               claims, size(r.sources) AS sources,
                               CASE WHEN outgoing THEN $id ELSE m.id END AS subjectId,
                               CASE WHEN outgoing THEN m.id ELSE $id END AS objectId
                        ORDER BY type, outgoing DESC, otherName, period
                        """
                                .formatted(RelType.evidencedPattern()))
                .withParameters(Map.of("id", id, "entityLabels", EntityIds.entityLabels()))
                .execute()
                .records()
                .stream()
                .map(EntityRepository::relationshipRow)
                .toList();
    }

    private static RelationshipRow relationshipRow(Record r) {
        String type = r.get("type").asString();
        String period =
                r.get("period").isNull() ? null : r.get("period").asObject().toString();
        String evidence = "/api/evidence?type=" + type + "&subject="
                + encode(r.get("subjectId").asString())
                + "&object=" + encode(r.get("objectId").asString())
                + (period == null ? "" : "&period=" + encode(period));
        return new RelationshipRow(
                type,
                r.get("outgoing").asBoolean(),
                new Relationship(
                        r.get("otherId").asString(),
                        r.get("otherLabel").asString(""),
                        r.get("otherName").asString(),
                        period,
                        GraphValues.properties(r.get("props")),
                        r.get("claims").asLong(),
                        r.get("sources").asLong(),
                        evidence));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    List<LinkedDocument> documents(NodeLabel label, String id, int limit) {
        return driver
                .executableQuery(
                        "MATCH (n:" + label.label() + " {id: $id})"
                                + """

                        MATCH (n)<-[:MENTIONS]-(p:Passage)<-[:HAS_PASSAGE]-(d:Document)
                        RETURN d.id AS id, coalesce(d.title, d.fileName, d.id) AS title, d.kind AS kind,
                               CASE WHEN d.created IS NULL THEN null ELSE left(toString(d.created), 4) END AS year,
                               count(p) AS mentions
                        ORDER BY mentions DESC, title
                        LIMIT $limit
                        """)
                .withParameters(Map.of("id", id, "limit", limit))
                .execute()
                .records()
                .stream()
                .map(r -> new LinkedDocument(
                        r.get("id").asString(),
                        r.get("title").asString(),
                        r.get("kind").asString(null),
                        r.get("year").asString(null),
                        r.get("mentions").asLong()))
                .toList();
    }

    List<EntitySummary> find(@Nullable String text, @Nullable String label, long skip, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("text", text == null ? null : text.toLowerCase(java.util.Locale.ROOT));
        params.put("labels", label == null ? EntityIds.entityLabels() : List.of(label));
        params.put("skip", skip);
        params.put("limit", limit);
        return driver
                .executableQuery(
                        """
                        MATCH (e:Office|Partner|Leader|Tool|Outcome) WHERE any(l IN labels(e) WHERE l IN $labels)
                        WITH e, toLower(coalesce(e.name, '')) AS name
                        WHERE $text IS NULL OR name CONTAINS $text
                           OR any(a IN coalesce(e.aliases, []) WHERE toLower(a) CONTAINS $text)
                        RETURN e.id AS id, [l IN labels(e) WHERE l IN $labels][0] AS label, e.name AS name
                        ORDER BY CASE WHEN $text IS NOT NULL AND name STARTS WITH $text THEN 0 ELSE 1 END, name, id
                        SKIP $skip LIMIT $limit
                        """)
                .withParameters(params)
                .execute()
                .records()
                .stream()
                .map(r -> new EntitySummary(
                        r.get("id").asString(),
                        r.get("label").asString(),
                        r.get("name").asString("")))
                .toList();
    }

    static List<String> strings(Value v) {
        return v.isNull() ? List.of() : v.asList(x -> x.asObject().toString());
    }
}

package no.govgraph.backend.evidence;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.govgraph.backend.entity.EntitySummary;
import no.govgraph.backend.support.GraphValues;
import no.govgraph.neo4j.model.NodeLabel;
import no.govgraph.neo4j.model.RelType;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/** Claims, the relationships they support, and the curation that changes both. */
@Singleton
class EvidenceRepository {

    private static final String CLAIM_FIELDS =
            """
            RETURN c.id AS id, c.type AS type, c.subjectId AS subjectId, c.objectId AS objectId, c.period AS period,
                   c.quote AS quote, c.page AS page, c.method AS method, c.confidence AS confidence,
                   coalesce(c.status, 'extracted') AS status, coalesce(c.documentId, d.id) AS documentId,
                   coalesce(d.title, d.fileName) AS documentTitle, p.id AS passageId,
                   c.curatedBy AS curatedBy, toString(c.curatedAt) AS curatedAt
            """;

    private final Driver driver;

    EvidenceRepository(Driver driver) {
        this.driver = driver;
    }

    Optional<EntitySummary> entity(NodeLabel label, String id) {
        // Labels come from the NodeLabel enum, never from input.
        return driver
                .executableQuery("MATCH (n:" + label.label() + " {id: $id}) RETURN n.id AS id, n.name AS name")
                .withParameters(Map.of("id", id))
                .execute()
                .records()
                .stream()
                .findFirst()
                .map(r -> new EntitySummary(id, label.label(), r.get("name").asString(id)));
    }

    Optional<Map<String, Object>> entityProperties(Session session, NodeLabel label, String id) {
        return session.executeRead(tx -> tx
                .run("MATCH (n:" + label.label() + " {id: $id}) RETURN properties(n) AS props", Map.of("id", id))
                .list()
                .stream()
                .findFirst()
                .map(r -> GraphValues.properties(r.get("props"))));
    }

    List<ClaimView> claims(String type, String subject, String object, @Nullable String period) {
        Map<String, Object> params = new HashMap<>();
        params.put("type", type);
        params.put("subject", subject);
        params.put("object", object);
        params.put("period", period);
        return driver
                .executableQuery(
                        """
                        MATCH (c:Claim {type: $type, subjectId: $subject, objectId: $object})
                        WHERE $period IS NULL OR toString(c.period) = $period
                        OPTIONAL MATCH (c)-[:FROM]->(p:Passage)<-[:HAS_PASSAGE]-(d:Document)
                        WITH c, p, d
                        ORDER BY CASE coalesce(c.status, 'extracted') WHEN 'accepted' THEN 0 WHEN 'extracted' THEN 1
                                 ELSE 2 END, c.confidence DESC, c.id
                        """
                                + CLAIM_FIELDS)
                .withParameters(params)
                .execute()
                .records()
                .stream()
                .map(ClaimView::from)
                .toList();
    }

    List<Map<String, Object>> relationships(
            NodeLabel subjectLabel,
            String subject,
            RelType type,
            NodeLabel objectLabel,
            String object,
            @Nullable String period) {
        Map<String, Object> params = new HashMap<>();
        params.put("subject", subject);
        params.put("object", object);
        params.put("period", period);
        // Labels and the type come from the model enums, never from input.
        return driver
                .executableQuery(
                        "MATCH (s:" + subjectLabel.label() + " {id: $subject})-[r:" + type.name() + "]->(o:"
                                + objectLabel.label() + " {id: $object})\n"
                                + """
                        WHERE ($period IS NULL OR toString(r.period) = $period) AND size(coalesce(r.sources, [])) > 0
                        RETURN properties(r) AS props
                        ORDER BY toString(r.period)
                        """)
                .withParameters(params)
                .execute()
                .records()
                .stream()
                .map(r -> GraphValues.properties(r.get("props")))
                .toList();
    }

    Optional<ClaimView> claim(String id) {
        return driver
                .executableQuery(
                        """
                        MATCH (c:Claim {id: $id})
                        OPTIONAL MATCH (c)-[:FROM]->(p:Passage)<-[:HAS_PASSAGE]-(d:Document)
                        """
                                + CLAIM_FIELDS)
                .withParameters(Map.of("id", id))
                .execute()
                .records()
                .stream()
                .findFirst()
                .map(ClaimView::from);
    }

    /**
     * Sets a claim's status and recomputes the {@code sources} of the relationship it supports from
     * the claims that still support it, in one transaction.
     *
     * @return the number of sources the relationship has now
     */
    long curate(String id, String status, String user) {
        return driver
                .executableQuery(
                        """
                        MATCH (c:Claim {id: $id})
                        SET c.status = $status, c.curatedBy = $user, c.curatedAt = datetime()
                        WITH c
                        MATCH (s)<-[:ABOUT]-(c)-[:ABOUT]->(o)
                        WHERE s.id = c.subjectId AND o.id = c.objectId
                        MATCH (s)-[r]->(o)
                        WHERE type(r) = c.type AND (c.type <> 'ACHIEVED' OR toString(r.period) = toString(c.period))
                        SET r.sources = COLLECT {
                            MATCH (k:Claim {type: c.type, subjectId: c.subjectId, objectId: c.objectId})
                            WHERE k.status <> 'rejected' AND (c.type <> 'ACHIEVED' OR k.period = c.period)
                            WITH DISTINCT k.documentId AS doc
                            RETURN doc ORDER BY doc
                        }
                        RETURN size(r.sources) AS sources
                        """)
                .withParameters(Map.of("id", id, "status", status, "user", user))
                .execute()
                .records()
                .stream()
                .findFirst()
                .map(r -> r.get("sources").asLong())
                .orElse(0L);
    }

    /** Claims about an entity, for re-pointing them in a merge. */
    List<Record> claimsAbout(TransactionContext tx, String entityId) {
        return tx.run(
                        """
                        MATCH (c:Claim) WHERE c.subjectId = $id OR c.objectId = $id
                        OPTIONAL MATCH (c)-[:FROM]->(p:Passage)
                        RETURN c.id AS id, c.type AS type, c.subjectId AS subjectId, c.objectId AS objectId,
                               coalesce(c.period, '') AS period, coalesce(c.quote, '') AS quote, p.id AS passageId,
                               coalesce(c.status, 'extracted') AS status
                        """,
                        Map.of("id", entityId))
                .list();
    }

    /** Moves the {@code type} relationships of {@code remove} to {@code keep}, joining duplicates. */
    long moveRelationships(
            TransactionContext tx, NodeLabel label, String keep, String remove, RelType type, boolean outgoing) {
        String pattern = outgoing ? "(x)-[r:" + type.name() + "]->(m)" : "(x)<-[r:" + type.name() + "]-(m)";
        String merge;
        if (type == RelType.MENTIONS) {
            merge = outgoing ? "MERGE (k)-[:MENTIONS]->(m)" : "MERGE (k)<-[:MENTIONS]-(m)";
        } else {
            String rel = type == RelType.ACHIEVED ? "[n:ACHIEVED {period: r.period}]" : "[n:" + type.name() + "]";
            merge = (outgoing ? "MERGE (k)-" + rel + "->(m)" : "MERGE (k)<-" + rel + "-(m)") + "\n"
                    + """
                    ON CREATE SET n = properties(r)
                    ON MATCH SET n.sources = reduce(acc = coalesce(n.sources, []), s IN coalesce(r.sources, []) |
                                                    CASE WHEN s IN acc THEN acc ELSE acc + s END)
                    """;
        }
        // Labels and types come from the model enums, never from input.
        String query = "MATCH (x:" + label.label() + " {id: $remove}), (k:" + label.label() + " {id: $keep})\n"
                + "MATCH " + pattern + " WHERE m <> k"
                + (type == RelType.ACHIEVED ? " AND r.period IS NOT NULL" : "") + "\n"
                + merge + "\n"
                + "DELETE r\nRETURN count(*) AS moved";
        return tx.run(query, Map.of("keep", keep, "remove", remove))
                .single()
                .get("moved")
                .asLong();
    }

    void repointClaims(TransactionContext tx, String keepElementId, List<Map<String, Object>> rows) {
        // A claim that becomes identical to one the kept entity has already is the same evidence twice.
        tx.run(
                        """
                        UNWIND $rows AS row
                        MATCH (c:Claim {id: row.oldId}), (dup:Claim {id: row.newId})
                        WHERE dup <> c
                        SET dup.status = CASE WHEN dup.status = 'extracted' THEN c.status ELSE dup.status END
                        DETACH DELETE c
                        """,
                        Map.of("rows", rows))
                .consume();
        tx.run(
                        """
                        UNWIND $rows AS row
                        MATCH (c:Claim {id: row.oldId})
                        SET c.id = row.newId, c.subjectId = row.subjectId, c.objectId = row.objectId
                        """,
                        Map.of("rows", rows))
                .consume();
        tx.run(
                        """
                        UNWIND $rows AS row
                        MATCH (c:Claim {id: row.newId})
                        MATCH (k) WHERE elementId(k) = $keepElementId
                        MERGE (c)-[:ABOUT]->(k)
                        """,
                        Map.of("rows", rows, "keepElementId", keepElementId))
                .consume();
    }

    String elementId(TransactionContext tx, NodeLabel label, String id) {
        return tx.run("MATCH (n:" + label.label() + " {id: $id}) RETURN elementId(n) AS eid", Map.of("id", id))
                .single()
                .get("eid")
                .asString();
    }

    void finishMerge(TransactionContext tx, NodeLabel label, String keep, String remove, Map<String, Object> set) {
        tx.run(
                        "MATCH (k:" + label.label() + " {id: $keep}), (x:" + label.label() + " {id: $remove})\n"
                                + "SET k += $set\nDETACH DELETE x",
                        Map.of("keep", keep, "remove", remove, "set", set))
                .consume();
    }

    static List<String> strings(Value v) {
        return v.isNull() ? List.of() : v.asList(Value::asString);
    }
}

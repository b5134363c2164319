package no.govgraph.ingest.quality;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import no.govgraph.ingest.quality.DataQuality.DocumentRef;
import no.govgraph.ingest.quality.DataQuality.FigureRef;
import no.govgraph.ingest.quality.DataQuality.LeaderRef;
import no.govgraph.ingest.quality.DataQuality.OfficeRef;
import no.govgraph.ingest.quality.DataQuality.RelationshipRef;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/** The data-quality report's queries. */
final class QualityRepository {

    /**
     * Each evidenced relationship with the confidences of the claims that support it; a claim
     * names its relationship by type, subject, object (and period for ACHIEVED).
     */
    private static final String RELATIONSHIPS_WITH_CLAIMS =
            """
            MATCH (s)-[r:LEADS|PARTNERS_WITH|USES_TOOL|ACHIEVED]->(t)
            WITH s, r, t, type(r) AS type, coalesce(r.period, '') AS period
            WITH s, r, t, type, period, COLLECT {
                MATCH (c:Claim)
                WHERE c.type = type AND c.subjectId = s.id AND c.objectId = t.id
                  AND coalesce(c.status, 'extracted') <> 'rejected'
                  AND (type <> 'ACHIEVED' OR coalesce(c.period, '') = period)
                RETURN c.confidence
            } AS confidences
            """;

    private final Driver driver;

    QualityRepository(Driver driver) {
        this.driver = driver;
    }

    List<DocumentRef> documentsWithoutEntities(int limit) {
        return driver.executableQuery(
                        """
                        MATCH (d:Document)
                        WHERE NOT EXISTS { (d)-[:HAS_PASSAGE]->(:Passage)-[:MENTIONS]->() }
                          AND (EXISTS { (d)-[:HAS_PASSAGE]->() } OR NOT EXISTS { (d)-[:CONTAINS]->() })
                        RETURN d.id AS id, d.fileName AS fileName, d.kind AS kind
                        ORDER BY fileName, id
                        LIMIT $limit
                        """)
                .withParameters(Map.of("limit", limit))
                .execute(Collectors.mapping(
                        r -> new DocumentRef(r.get("id").asString(), text(r.get("fileName")), text(r.get("kind"))),
                        Collectors.toList()));
    }

    List<OfficeRef> officesWithoutAgreement(int limit) {
        return driver.executableQuery(
                        """
                        MATCH (o:Office)
                        WHERE NOT EXISTS {
                            MATCH (d:Document {kind: 'agreement'})-[:HAS_PASSAGE]->(:Passage)-[:MENTIONS]->(o)
                        }
                        WITH o, COUNT { MATCH (d:Document)-[:HAS_PASSAGE]->(:Passage)-[:MENTIONS]->(o) RETURN DISTINCT d }
                             AS documents
                        WHERE documents > 0
                        RETURN o.id AS id, o.name AS name, o.unitNumber AS unitNumber, documents
                        ORDER BY name, id
                        LIMIT $limit
                        """)
                .withParameters(Map.of("limit", limit))
                .execute(Collectors.mapping(
                        r -> new OfficeRef(
                                r.get("id").asString(),
                                text(r.get("name")),
                                text(r.get("unitNumber")),
                                r.get("documents").asLong()),
                        Collectors.toList()));
    }

    List<LeaderRef> leadersWithUnknownBackground(int limit) {
        return driver.executableQuery(
                        """
                        MATCH (l:Leader)
                        WHERE coalesce(l.background, 'unknown') = 'unknown'
                        RETURN l.id AS id, l.name AS name,
                               COLLECT { MATCH (l)-[:LEADS]->(o:Office) RETURN o.name ORDER BY o.name } AS offices
                        ORDER BY name, id
                        LIMIT $limit
                        """)
                .withParameters(Map.of("limit", limit))
                .execute(Collectors.mapping(
                        r -> new LeaderRef(
                                r.get("id").asString(),
                                text(r.get("name")),
                                r.get("offices").asList(Value::asString)),
                        Collectors.toList()));
    }

    List<FigureRef> figuresWithoutYear(int limit) {
        return driver.executableQuery(
                        """
                        MATCH (o:Office)-[a:ACHIEVED]->(x:Outcome)
                        WHERE a.period IS NULL OR trim(toString(a.period)) = ''
                        RETURN o.id AS officeId, o.name AS office, x.id AS outcomeId, x.name AS outcome,
                               a.value AS value, a.unit AS unit
                        ORDER BY office, outcome
                        LIMIT $limit
                        """)
                .withParameters(Map.of("limit", limit))
                .execute(Collectors.mapping(
                        r -> new FigureRef(
                                r.get("officeId").asString(),
                                text(r.get("office")),
                                r.get("outcomeId").asString(),
                                text(r.get("outcome")),
                                r.get("value").isNull() ? null : r.get("value").asDouble(),
                                text(r.get("unit"))),
                        Collectors.toList()));
    }

    List<RelationshipRef> weaklySupported(double lowConfidence, int limit) {
        return driver.executableQuery(
                        RELATIONSHIPS_WITH_CLAIMS
                                + """
                        WHERE size(confidences) = 1 AND coalesce(confidences[0], 0.0) < $low
                        RETURN type, s.id AS subjectId, s.name AS subject, t.id AS objectId, t.name AS object,
                               period, size(confidences) AS claims, coalesce(confidences[0], 0.0) AS best
                        ORDER BY best, type, subject, object
                        LIMIT $limit
                        """)
                .withParameters(Map.of("low", lowConfidence, "limit", limit))
                .execute(Collectors.mapping(QualityRepository::relationship, Collectors.toList()));
    }

    long relationshipsWithoutClaimCount() {
        return driver.executableQuery(
                        RELATIONSHIPS_WITH_CLAIMS
                                + """
                        WHERE size(confidences) = 0
                        RETURN count(*) AS n
                        """)
                .execute()
                .records()
                .get(0)
                .get("n")
                .asLong();
    }

    List<RelationshipRef> relationshipsWithoutClaim(int limit) {
        return driver.executableQuery(
                        RELATIONSHIPS_WITH_CLAIMS
                                + """
                        WHERE size(confidences) = 0
                        RETURN type, s.id AS subjectId, s.name AS subject, t.id AS objectId, t.name AS object,
                               period, 0 AS claims, 0.0 AS best
                        ORDER BY type, subject, object
                        LIMIT $limit
                        """)
                .withParameters(Map.of("limit", limit))
                .execute(Collectors.mapping(QualityRepository::relationship, Collectors.toList()));
    }

    private static RelationshipRef relationship(Record r) {
        return new RelationshipRef(
                r.get("type").asString(),
                r.get("subjectId").asString(),
                text(r.get("subject")),
                r.get("objectId").asString(),
                text(r.get("object")),
                text(r.get("period")),
                r.get("claims").asLong(),
                r.get("best").asDouble());
    }

    private static String text(Value v) {
        return v.isNull() ? "" : v.asObject().toString();
    }
}

package no.govgraph.ingest.extraction;

import java.util.Map;
import no.govgraph.neo4j.model.RelType;

/**
 * A relationship between two entities with the evidence for it, e.g. {@code (Office)-[:USES_TOOL]->(Tool)}.
 * The same relationship found again (same type, subject, object, and period for ACHIEVED) adds
 * evidence, never a second relationship.
 *
 * @param type one of {@link RelType#evidenced()}: LEADS, PARTNERS_WITH, USES_TOOL, ACHIEVED
 * @param subjectId the entity the relationship starts from (the leader for LEADS, the office otherwise)
 * @param objectId the entity it ends at
 * @param properties the relationship's properties: {@code value}, {@code unit}, {@code period},
 *     {@code target} for ACHIEVED; {@code since} for PARTNERS_WITH; {@code from}, {@code to} for LEADS
 * @param evidence the quote behind it
 */
public record Fact(RelType type, String subjectId, String objectId, Map<String, Object> properties, Evidence evidence) {

    public Fact {
        if (!type.isEvidenced()) {
            throw new IllegalArgumentException(type + " is not a relationship between entities");
        }
        properties = Map.copyOf(properties);
    }

    /** The period of an ACHIEVED fact (one relationship per office, outcome and period), else empty. */
    public String period() {
        Object period = properties.get("period");
        return period == null ? "" : period.toString();
    }
}

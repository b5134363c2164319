package no.govgraph.backend.entity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/**
 * An entity's page: its properties, its relationships grouped by type, and the documents that
 * mention it.
 *
 * @param id its id, e.g. {@code office:0301}
 * @param label Office, Partner, Leader, Tool or Outcome
 * @param name its name
 * @param aliases other names it is known by
 * @param properties all its properties
 * @param relationships its relationships, one group per type and direction
 * @param documents the documents whose passages mention it, most mentions first
 */
@Serdeable
public record EntityDetails(
        String id,
        String label,
        String name,
        List<String> aliases,
        Map<String, Object> properties,
        List<RelationshipGroup> relationships,
        List<LinkedDocument> documents) {

    public EntityDetails {
        aliases = List.copyOf(aliases);
        relationships = List.copyOf(relationships);
        documents = List.copyOf(documents);
    }

    /**
     * Relationships of one type and direction.
     *
     * @param type e.g. USES_TOOL
     * @param direction {@code out} when this entity is the subject, {@code in} when it is the object
     * @param count how many
     * @param claims supporting claims of all of them
     * @param items the relationships
     */
    @Serdeable
    public record RelationshipGroup(String type, String direction, int count, long claims, List<Relationship> items) {

        public RelationshipGroup {
            items = List.copyOf(items);
        }
    }

    /**
     * One relationship to another entity, with how much evidence backs it.
     *
     * @param otherId the entity at the other end
     * @param otherLabel its label
     * @param otherName its name
     * @param period the period (ACHIEVED), if any
     * @param properties the relationship's properties (value, unit, since, from, to, sources …)
     * @param claims supporting (not rejected) claims
     * @param sources documents behind it
     * @param evidence the API path of its evidence
     */
    @Serdeable
    public record Relationship(
            String otherId,
            String otherLabel,
            String otherName,
            @Nullable String period,
            Map<String, Object> properties,
            long claims,
            long sources,
            String evidence) {}

    /**
     * A document that mentions the entity.
     *
     * @param id the document's id
     * @param title its title or file name
     * @param kind its kind
     * @param year the year it was created
     * @param mentions how many of its passages mention the entity
     */
    @Serdeable
    public record LinkedDocument(
            String id, String title, @Nullable String kind, @Nullable String year, long mentions) {}
}

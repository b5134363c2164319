package no.govgraph.backend.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.neo4j.driver.Record;

/**
 * One recorded action: who did what to what, when.
 *
 * @param id the event's id
 * @param at when (ISO-8601)
 * @param actor the user who did it
 * @param action what was done, e.g. {@code cypher.run}, {@code claim.reject}, {@code user.create}
 * @param target what it was done to (a claim id, a user name …), if anything
 * @param details further facts as JSON text (the query, the outcome …)
 */
@Serdeable
public record AuditEvent(
        String id, String at, String actor, String action, @Nullable String target, @Nullable String details) {

    static AuditEvent from(Record r) {
        return new AuditEvent(
                r.get("id").asString(),
                r.get("at").asString(),
                r.get("actor").asString(),
                r.get("action").asString(),
                r.get("target").asString(null),
                r.get("details").asString(null));
    }
}

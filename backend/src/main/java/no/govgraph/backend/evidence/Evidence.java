package no.govgraph.backend.evidence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;
import no.govgraph.backend.entity.EntitySummary;

/**
 * The evidence for one relationship: the relationship as it stands and every claim about it.
 *
 * @param type the relationship type
 * @param subject the entity it starts from
 * @param object the entity it ends at
 * @param period the period asked for (ACHIEVED), if any
 * @param relationships the relationship's properties (one per period for ACHIEVED); a relationship
 *     with no supporting claim left is hidden and not listed
 * @param claims all claims about it, rejected ones included, best supported first
 */
@Serdeable
public record Evidence(
        String type,
        EntitySummary subject,
        EntitySummary object,
        @Nullable String period,
        List<Map<String, Object>> relationships,
        List<ClaimView> claims) {

    public Evidence {
        relationships = List.copyOf(relationships);
        claims = List.copyOf(claims);
    }
}

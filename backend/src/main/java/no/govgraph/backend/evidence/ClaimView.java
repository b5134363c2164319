package no.govgraph.backend.evidence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import no.govgraph.backend.support.GraphValues;
import org.neo4j.driver.Record;

/**
 * A claim with where it was read.
 *
 * @param id the claim's id
 * @param type the relationship type it supports
 * @param subjectId the relationship's subject
 * @param objectId the relationship's object
 * @param period the period (ACHIEVED), empty otherwise
 * @param quote the sentence that states it
 * @param page the page of the quote
 * @param method the extraction rule that found it
 * @param confidence how sure that rule is, 0–1
 * @param status {@code extracted}, {@code accepted} or {@code rejected}
 * @param documentId the document it was read in
 * @param documentTitle that document's title or file name
 * @param passageId the passage of the quote
 * @param curatedBy who accepted or rejected it, if anyone
 * @param curatedAt when
 */
@Serdeable
public record ClaimView(
        String id,
        String type,
        String subjectId,
        String objectId,
        @Nullable String period,
        @Nullable String quote,
        @Nullable Integer page,
        @Nullable String method,
        @Nullable Double confidence,
        String status,
        @Nullable String documentId,
        @Nullable String documentTitle,
        @Nullable String passageId,
        @Nullable String curatedBy,
        @Nullable String curatedAt) {

    static ClaimView from(Record r) {
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
                r.get("status").asString("extracted"),
                GraphValues.text(r.get("documentId")),
                GraphValues.text(r.get("documentTitle")),
                GraphValues.text(r.get("passageId")),
                GraphValues.text(r.get("curatedBy")),
                GraphValues.text(r.get("curatedAt")));
    }
}

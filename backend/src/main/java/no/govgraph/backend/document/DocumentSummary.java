package no.govgraph.backend.document;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A document in a list.
 *
 * @param id its id
 * @param title its title or file name
 * @param kind its kind
 * @param year the year it was created
 * @param language its language
 */
@Serdeable
public record DocumentSummary(
        String id, String title, @Nullable String kind, @Nullable String year, @Nullable String language) {}

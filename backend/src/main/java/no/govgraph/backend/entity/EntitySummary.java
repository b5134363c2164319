package no.govgraph.backend.entity;

import io.micronaut.serde.annotation.Serdeable;

/**
 * An entity in a list or an autocompletion.
 *
 * @param id its id
 * @param label its label
 * @param name its name
 */
@Serdeable
public record EntitySummary(String id, String label, String name) {}

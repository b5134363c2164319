package no.govgraph.ingest.extraction;

/**
 * Where a fact was read: becomes a {@code Claim} linked {@code FROM} its passage.
 *
 * @param passageId the passage the quote comes from
 * @param page the page of the quote, from 1
 * @param quote the sentence or table row that states the fact
 * @param method the rule that fired, e.g. {@code leader.title-pattern}
 * @param confidence how sure the rule is, 0–1
 */
public record Evidence(String passageId, int page, String quote, String method, double confidence) {}

package no.govgraph.ingest.extraction;

/** A passage mentions an entity: {@code (Passage)-[:MENTIONS]->(entity)}. */
public record Mention(String passageId, String entityId) {}

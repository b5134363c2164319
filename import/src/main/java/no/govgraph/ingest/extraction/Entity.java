package no.govgraph.ingest.extraction;

import java.util.List;
import java.util.Map;

/**
 * An entity found in a document, already resolved to its canonical id (one node per office unit,
 * partner, leader, tool or outcome).
 *
 * @param kind what it is
 * @param id its stable id, e.g. {@code office:0301}, {@code tool:lean}
 * @param name its canonical name
 * @param aliases the other names it was found under in this document
 * @param properties further properties of the data model, e.g. {@code unitNumber}, {@code kind},
 *     {@code background}, {@code category}, {@code service}; values are strings or numbers
 */
public record Entity(EntityKind kind, String id, String name, List<String> aliases, Map<String, Object> properties) {

    public Entity {
        aliases = List.copyOf(aliases);
        properties = Map.copyOf(properties);
    }
}

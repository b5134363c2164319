package no.govgraph.ingest.codebook;

import java.util.List;
import java.util.Map;
import no.govgraph.ingest.extraction.EntityKind;

/**
 * One entry of the codebook, ready for matching: an office, partner, tool or outcome with its id,
 * canonical name, the properties its node gets, and every name it can be written as.
 *
 * @param kind what it is
 * @param id its entity id ({@code office:0312}, {@code tool:lean} ...)
 * @param name its canonical name
 * @param properties node properties: {@code unitNumber}, {@code kind}, {@code category},
 *     {@code service}
 * @param synonyms the names it is matched by, including the canonical name
 * @param priority which entry wins when two share a name (higher wins)
 * @param defaultUnit for outcomes, the unit of a figure stated without one; else empty
 */
public record Term(
        EntityKind kind,
        String id,
        String name,
        Map<String, Object> properties,
        List<String> synonyms,
        int priority,
        String defaultUnit) {

    public Term {
        properties = Map.copyOf(properties);
        synonyms = List.copyOf(synonyms);
    }
}

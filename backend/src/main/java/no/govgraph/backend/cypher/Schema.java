package no.govgraph.backend.cypher;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/**
 * What an editor needs for autocompletion.
 *
 * @param labels node labels
 * @param relationshipTypes relationship types
 * @param propertyKeys property keys per label
 * @param relationshipPropertyKeys property keys per relationship type
 * @param procedures the procedures queries may call
 */
@Serdeable
public record Schema(
        List<String> labels,
        List<String> relationshipTypes,
        Map<String, List<String>> propertyKeys,
        Map<String, List<String>> relationshipPropertyKeys,
        List<String> procedures) {}

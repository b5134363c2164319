package no.govgraph.backend.support;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import no.govgraph.neo4j.model.NodeLabel;

/**
 * What kind of entity an id names, read from its prefix ({@code office:0301} is an Office): lets
 * queries look entities up through the label's id constraint instead of scanning every node.
 */
public final class EntityIds {

    private EntityIds() {}

    /** The entity label of {@code id}, if it has the shape of an entity id. */
    public static Optional<NodeLabel> label(String id) {
        if (id == null) {
            return Optional.empty();
        }
        int colon = id.indexOf(':');
        if (colon <= 0 || colon == id.length() - 1) {
            return Optional.empty();
        }
        String prefix = id.substring(0, colon);
        return NodeLabel.entities().stream()
                .filter(l -> l.label().toLowerCase(Locale.ROOT).equals(prefix))
                .findFirst();
    }

    /** The entity label of {@code id}, or a 404 that says what entity ids look like. */
    public static NodeLabel require(String id) {
        return label(id)
                .orElseThrow(() -> BackendException.notFound("There is no entity '" + id + "'; entity ids"
                        + " look like office:0301, partner:oslo-kommune, leader:0301:kari-nordmann, tool:lean or"
                        + " outcome:overgang-til-arbeid."));
    }

    /** The labels of entities, as written in Cypher. */
    public static List<String> entityLabels() {
        return NodeLabel.entities().stream().map(NodeLabel::label).toList();
    }
}

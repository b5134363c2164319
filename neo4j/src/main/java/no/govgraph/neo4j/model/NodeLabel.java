package no.govgraph.neo4j.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The node labels of govgraph's public data model. Analysts write Cypher against these names and
 * the test suite relies on them; a dynamic label in a query always comes from this enum.
 */
public enum NodeLabel {
    DOCUMENT("Document", false),
    PASSAGE("Passage", false),
    OFFICE("Office", true),
    PARTNER("Partner", true),
    LEADER("Leader", true),
    TOOL("Tool", true),
    OUTCOME("Outcome", true),
    CLAIM("Claim", false),
    IMPORT_RUN("ImportRun", false),
    IMPORT_FAILURE("ImportFailure", false);

    private final String label;
    private final boolean entity;

    NodeLabel(String label, boolean entity) {
        this.label = label;
        this.entity = entity;
    }

    /** The label as written in Cypher. */
    public String label() {
        return label;
    }

    /** Whether nodes of this label are domain entities (offices, partners, leaders, tools, outcomes). */
    public boolean isEntity() {
        return entity;
    }

    public static List<NodeLabel> entities() {
        return Arrays.stream(values()).filter(NodeLabel::isEntity).toList();
    }

    public static Optional<NodeLabel> fromLabel(String label) {
        return Arrays.stream(values()).filter(l -> l.label.equals(label)).findFirst();
    }

    @Override
    public String toString() {
        return label;
    }
}

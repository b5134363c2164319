package no.govgraph.ingest.extraction;

import no.govgraph.neo4j.model.NodeLabel;

/** The kinds of entity the extractor finds, each a label of the public data model. */
public enum EntityKind {
    OFFICE(NodeLabel.OFFICE),
    PARTNER(NodeLabel.PARTNER),
    LEADER(NodeLabel.LEADER),
    TOOL(NodeLabel.TOOL),
    OUTCOME(NodeLabel.OUTCOME);

    private final NodeLabel label;

    EntityKind(NodeLabel label) {
        this.label = label;
    }

    public NodeLabel label() {
        return label;
    }
}

package no.govgraph.ingest.extraction;

import java.util.List;

/** Everything the extractor found in one document. */
public record Extraction(List<Entity> entities, List<Mention> mentions, List<Fact> facts) {

    public static final Extraction EMPTY = new Extraction(List.of(), List.of(), List.of());

    public Extraction {
        entities = List.copyOf(entities);
        mentions = List.copyOf(mentions);
        facts = List.copyOf(facts);
    }
}

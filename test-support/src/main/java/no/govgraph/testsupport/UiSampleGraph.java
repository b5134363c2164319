package no.govgraph.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.neo4j.driver.Driver;

/**
 * A small graph in the public data model for UI tests (fixtures/ui-sample.cypher): offices, partners,
 * leaders, tools and an outcome, with claims quoting passages of documents, and XSS payloads in one
 * document's title and text and in a leader's name.
 */
public final class UiSampleGraph {

    public static final String FROGNER = "office:0301";
    public static final String MOSS = "office:0104";
    public static final String XSS_LEADER = "leader:0105:script-alert-1-script";
    public static final String XSS_DOCUMENT = "aaaa000000000000000000000000000000000000000000000000000000000003";
    public static final String AGREEMENT = "aaaa000000000000000000000000000000000000000000000000000000000001";

    private UiSampleGraph() {}

    /** Writes the graph into an empty database. */
    public static void load(Driver driver) {
        driver.executableQuery(cypher()).execute();
    }

    public static String cypher() {
        try (InputStream in = UiSampleGraph.class.getResourceAsStream("/fixtures/ui-sample.cypher")) {
            if (in == null) {
                throw new IllegalStateException("fixtures/ui-sample.cypher is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

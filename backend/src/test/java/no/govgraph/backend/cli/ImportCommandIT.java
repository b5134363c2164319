package no.govgraph.backend.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import no.govgraph.testsupport.TestNeo4j;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code govgraph import} and {@code govgraph remove} as a user runs them, against NEO4J_URI. */
class ImportCommandIT {

    private final TestNeo4j neo4j = TestNeo4j.shared();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    @BeforeEach
    void clear() {
        neo4j.clear();
    }

    private int run(Map<String, String> env, String... args) {
        CommandLine cl = GovgraphCommand.commandLine(env);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private int run(String... args) {
        return run(
                Map.of(
                        "NEO4J_URI", neo4j.uri(),
                        "NEO4J_USERNAME", neo4j.username(),
                        "NEO4J_PASSWORD", neo4j.password()),
                args);
    }

    @Test
    void importsAFolderWritesTheReportAndRemovesAgain() throws IOException {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Files.writeString(corpus.resolve("plan.txt"), "Virksomhetsplan 2015 for Nav Frogner.\n\nMål: flere i arbeid.");
        Files.writeString(corpus.resolve("notes.html"), "<html><body><p>Intervju med leder.</p></body></html>");
        Files.createFile(corpus.resolve("empty.txt"));
        Path report = dir.resolve("out/report.json");

        int code = run(
                "import",
                "--workers",
                "1",
                "--no-progress",
                "--report",
                report.toString(),
                corpus.toString(),
                dir.resolve("missing").toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Imported 2 of 4 files (0 unchanged, 2 failed)");
        JsonNode json = new ObjectMapper().readTree(Files.readString(report, StandardCharsets.UTF_8));
        assertThat(json.get("files").asInt()).isEqualTo(4);
        assertThat(json.get("imported").asInt()).isEqualTo(2);
        assertThat(json.get("unchanged").asInt()).isZero();
        assertThat(json.get("failed").asInt()).isEqualTo(2);
        assertThat(json.get("failures").findValuesAsText("stage")).containsExactlyInAnyOrder("read", "walk");
        assertThat(json.get("failures").findValuesAsText("reason"))
                .contains("empty file (0 bytes)", "no such file or folder");
        assertThat(documents()).isEqualTo(2);

        out.getBuffer().setLength(0);
        assertThat(run("import", "--no-progress", corpus.resolve("plan.txt").toString()))
                .isZero();
        assertThat(out.toString()).contains("Imported 0 of 1 files (1 unchanged, 0 failed)");

        out.getBuffer().setLength(0);
        assertThat(run("remove", "--path", corpus.resolve("plan.txt").toString()))
                .isZero();
        assertThat(out.toString()).contains("Removed 1 documents");
        assertThat(documents()).isEqualTo(1);
        assertThat(run("remove", "--document", "0".repeat(64))).isEqualTo(1);
        assertThat(err.toString()).contains("No document with id");
    }

    @Test
    void aResearchersVocabularyReplacesTheBundledOne() throws IOException {
        Path vocabulary = dir.resolve("codebook.yaml");
        Files.writeString(
                vocabulary,
                """
                offices:
                  - {unit: "0312", name: "Nav Frogner"}
                tools:
                  - name: Gevinstrealisering
                    category: improvement
                    synonyms: {nb: [gevinstrealisering, gevinstplan]}
                outcomes: []
                partners: []
                """);
        Path plan = Files.writeString(
                dir.resolve("plan.txt"), "NAV Frogner har laget en gevinstplan. Kontoret bruker også Lean.");

        int code = run("import", "--no-progress", "--vocabulary", vocabulary.toString(), plan.toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(strings("MATCH (:Office {id: 'office:0312'})-[:USES_TOOL]->(t:Tool) RETURN t.id AS v"))
                .containsExactly("tool:gevinstrealisering");
    }

    @Test
    void aBrokenVocabularyStopsBeforeAnythingIsImported() throws IOException {
        Path vocabulary = Files.writeString(dir.resolve("bad.yaml"), "tools: [unclosed");
        Path plan = Files.writeString(dir.resolve("plan.txt"), "NAV Frogner bruker Lean.");

        int code = run("import", "--no-progress", "--vocabulary", vocabulary.toString(), plan.toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("bad.yaml", "not valid YAML");
        assertThat(documents()).isZero();
    }

    private java.util.List<String> strings(String cypher) {
        return neo4j.driver().executableQuery(cypher).execute().records().stream()
                .map(r -> r.get("v").asString())
                .toList();
    }

    @Test
    void badUsageExitsWithTwo() {
        assertThat(run("import", "--workers", "0", dir.toString())).isEqualTo(2);
        assertThat(run("import")).isEqualTo(2);
        assertThat(run("remove")).isEqualTo(2);
        assertThat(run("remove", "--document", "a", "--path", "b")).isEqualTo(2);
    }

    @Test
    void anUnreachableGraphExitsWithOne() {
        int code = run(
                Map.of("NEO4J_URI", "bolt://127.0.0.1:1", "NEO4J_PASSWORD", "x"),
                "import",
                "--no-progress",
                dir.toString());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("not reachable");
    }

    private long documents() {
        return neo4j.driver()
                .executableQuery("MATCH (d:Document) RETURN count(d) AS n")
                .execute()
                .records()
                .get(0)
                .get("n")
                .asLong();
    }
}

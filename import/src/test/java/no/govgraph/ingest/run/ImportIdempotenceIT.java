package no.govgraph.ingest.run;

import static no.govgraph.ingest.fixtures.ImportITSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import no.govgraph.ingest.fixtures.Corpus;
import no.govgraph.ingest.fixtures.TestFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Value;

/** Importing again changes nothing; the same bytes twice are one document; a killed import resumes. */
class ImportIdempotenceIT {

    @TempDir
    Path dir;

    @BeforeEach
    void clear() {
        neo4j().clear();
    }

    @Test
    void reimportingReportsEverythingUnchangedAndLeavesTheGraphAsItWas() {
        Path corpus = Corpus.generate(dir.resolve("korpus"), 12);
        ImportReport first = run(corpus);
        String before = checksum();

        ImportReport second = run(corpus);

        assertThat(first.imported()).isEqualTo(12);
        assertThat(first.failed()).isZero();
        assertThat(count("MATCH (c:Claim) RETURN count(c)")).isPositive();
        assertThat(second.files()).isEqualTo(12);
        assertThat(second.unchanged()).isEqualTo(12);
        assertThat(second.imported()).isZero();
        assertThat(checksum()).isEqualTo(before);
        assertThat(count("MATCH (r:ImportRun) WHERE r.finishedAt IS NOT NULL RETURN count(r)"))
                .isEqualTo(2);
    }

    @Test
    void theSameBytesAtTwoPathsAreOneDocumentWithBothPaths() throws IOException {
        Path a = Corpus.generate(dir.resolve("a"), 5);
        Path b = dir.resolve("b");
        copy(a, b);

        ImportReport together = run(a, b);
        String oneRun = checksum();
        assertThat(together.imported() + together.unchanged()).isEqualTo(10);
        assertThat(count("MATCH (d:Document) WHERE size(d.paths) = 2 RETURN count(d)"))
                .isEqualTo(count("MATCH (d:Document) RETURN count(d)"));

        neo4j().clear();
        run(a);
        ImportReport later = run(b);
        assertThat(later.unchanged()).isEqualTo(5);
        assertThat(later.imported()).isZero();
        assertThat(checksum()).isEqualTo(oneRun);

        String zip = b.resolve("pakke4.zip").toString();
        List<Value> paths = query(
                        "MATCH (d:Document) WHERE $p IN d.paths RETURN d.paths AS paths",
                        Map.of("p", zip + "!/mappe/del4b.txt"))
                .stream()
                .map(r -> r.get("paths"))
                .toList();
        assertThat(paths).hasSize(1);
        assertThat(paths.get(0).asList(Value::asString))
                .containsExactlyInAnyOrder(a.resolve("pakke4.zip") + "!/mappe/del4b.txt", zip + "!/mappe/del4b.txt");
    }

    @Test
    void anIncompleteDocumentIsRedoneByTheNextImport() {
        Path corpus = Corpus.generate(dir.resolve("korpus"), 3);
        run(corpus);
        String clean = checksum();
        // What a crash between the transactions of a large file leaves: a document not marked complete.
        query(
                "MATCH (d:Document) WITH d LIMIT 1 SET d.complete = false WITH d MATCH (d)-[:HAS_PASSAGE]->(p) DETACH DELETE p");

        ImportReport again = run(corpus);

        assertThat(again.imported()).isEqualTo(1);
        assertThat(again.unchanged()).isEqualTo(2);
        assertThat(checksum()).isEqualTo(clean);
    }

    @Test
    void aChangedFileIsANewDocument() throws IOException {
        Path file = TestFiles.text(dir.resolve("notat.txt"), "Første versjon av notatet.");
        run(file);
        Files.writeString(file, "Andre versjon av notatet.");

        ImportReport report = run(file);

        assertThat(report.imported()).isEqualTo(1);
        assertThat(count("MATCH (d:Document) RETURN count(d)")).isEqualTo(2);
    }

    @Test
    void anImportKilledMidwayEndsLikeACleanRunWhenRunAgain() throws Exception {
        Path corpus = Corpus.generate(dir.resolve("korpus"), 120);

        Process importer = startImportProcess(corpus);
        try {
            awaitCompleteDocuments(importer, 5);
        } finally {
            importer.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(count("MATCH (r:ImportRun) WHERE r.finishedAt IS NULL RETURN count(r)"))
                .as("the import was killed before it finished")
                .isEqualTo(1);
        long killedAt = count("MATCH (d:Document {complete: true}) RETURN count(d)");

        ImportReport resumed = run(corpus);
        String afterCrash = checksum();
        neo4j().clear();
        run(corpus);
        String clean = checksum();

        assertThat(resumed.unchanged()).as("files the killed run had finished").isPositive();
        assertThat(resumed.imported()).isPositive();
        assertThat(resumed.failed()).isZero();
        assertThat(killedAt).isLessThan(count("MATCH (d:Document) RETURN count(d)"));
        assertThat(afterCrash).isEqualTo(clean);
        assertThat(count("MATCH (d:Document) WITH d.id AS id, count(*) AS n WHERE n > 1 RETURN count(id)"))
                .isZero();
    }

    private Process startImportProcess(Path corpus) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-Dimport.pauseMs=150",
                "-cp",
                System.getProperty("java.class.path"),
                ImportProcessMain.class.getName(),
                neo4j().uri(),
                neo4j().username(),
                neo4j().password(),
                "1",
                corpus.toString()));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("importer.log").toFile())
                .start();
    }

    private void awaitCompleteDocuments(Process importer, int n) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (count("MATCH (d:Document {complete: true}) RETURN count(d)") < n) {
            if (!importer.isAlive()) {
                throw new AssertionError(
                        "The import process ended early: " + Files.readString(dir.resolve("importer.log")));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("The import process wrote nothing in 3 minutes: "
                        + Files.readString(dir.resolve("importer.log")));
            }
            Thread.sleep(50);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }
}

package no.govgraph.ingest.run;

import static no.govgraph.ingest.fixtures.ImportITSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import no.govgraph.ingest.fixtures.Corpus;
import no.govgraph.ingest.fixtures.TestFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Value;

/** Importing again changes nothing; the same bytes twice are one document (killed imports: CrashConsistencyIT). */
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

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }
}

package no.govgraph.ingest.run;

import static no.govgraph.ingest.fixtures.ImportITSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.govgraph.ingest.fixtures.TestFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Record;

/**
 * Bad input is recorded, never thrown: the import always finishes, and every file ends up as a
 * document or as a failure with its reason.
 */
class ImportBadInputIT {

    @TempDir
    Path dir;

    @BeforeEach
    void clear() {
        neo4j().clear();
    }

    private static ImportReport.Failure failureOf(ImportReport report, Path path) {
        return report.failures().stream()
                .filter(f -> f.path().equals(path.toAbsolutePath().normalize().toString()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no failure recorded for " + path + " in " + report.failures()));
    }

    @Test
    void recordsMissingPathsEmptyFilesAndEmptyFoldersAndGoesOn() throws IOException {
        Path missing = dir.resolve("finnes-ikke.pdf");
        Path empty = TestFiles.text(dir.resolve("tom.txt"), "");
        Path emptyFolder = Files.createDirectories(dir.resolve("tom-mappe/undermappe"));
        Path good = TestFiles.text(dir.resolve("god.txt"), "Et helt vanlig notat.");

        ImportReport report = run(missing, empty, emptyFolder.getParent(), good);

        assertThat(report.files()).isEqualTo(4);
        assertThat(report.imported()).isEqualTo(1);
        assertThat(report.failed()).isEqualTo(3);
        assertThat(failureOf(report, missing))
                .extracting(ImportReport.Failure::stage, ImportReport.Failure::reason)
                .containsExactly("walk", "no such file or folder");
        assertThat(failureOf(report, empty))
                .extracting(ImportReport.Failure::stage, ImportReport.Failure::reason)
                .containsExactly("read", "empty file (0 bytes)");
        assertThat(failureOf(report, emptyFolder.getParent()))
                .extracting(ImportReport.Failure::stage, ImportReport.Failure::reason)
                .containsExactly("walk", "the folder holds no readable files");

        List<Record> recorded = query(
                """
                MATCH (r:ImportRun {id: $run})-[:HAD_FAILURE]->(f:ImportFailure)
                RETURN f.path AS path, f.stage AS stage, f.reason AS reason, f.id AS id
                """,
                Map.of("run", report.runId()));
        assertThat(recorded).hasSize(3);
        assertThat(recorded).allSatisfy(r -> assertThat(r.get("id").asString()).startsWith(report.runId()));
        Record run = query("MATCH (r:ImportRun {id: $run}) RETURN r", Map.of("run", report.runId()))
                .get(0);
        assertThat(run.get("r").get("files").asLong()).isEqualTo(4);
        assertThat(run.get("r").get("imported").asLong()).isEqualTo(1);
        assertThat(run.get("r").get("failed").asLong()).isEqualTo(3);
        assertThat(run.get("r").get("unchanged").asLong()).isZero();
        assertThat(run.get("r").get("finishedAt").isNull()).isFalse();
    }

    @Test
    void anUnknownBinaryIsAnUnsupportedType() throws IOException {
        Path binary = dir.resolve("data.bin");
        byte[] noise = new byte[8192];
        new java.util.Random(7).nextBytes(noise);
        Files.write(binary, noise);

        ImportReport report = run(binary);

        assertThat(failureOf(report, binary).stage()).isEqualTo("parse");
        assertThat(failureOf(report, binary).reason()).startsWith("unsupported file type");
    }

    @Test
    void zipEntriesNamedOutsideTheArchiveWriteNothingOutside() {
        Path work = dir.resolve("a/b/c");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("../../evil.txt", "Ondsinnet innhold.".getBytes(StandardCharsets.UTF_8));
        entries.put("/tmp/evil-absolute.txt", "Absolutt sti.".getBytes(StandardCharsets.UTF_8));
        entries.put("ok.txt", "Vanlig innhold.".getBytes(StandardCharsets.UTF_8));
        try {
            Files.createDirectories(work);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Path zip = TestFiles.zip(work.resolve("slip.zip"), entries);

        ImportReport report = run(zip);

        assertThat(report.imported()).isEqualTo(1);
        for (Path place : List.of(
                dir.resolve("evil.txt"),
                dir.resolve("a/evil.txt"),
                work.resolve("evil.txt"),
                Path.of("evil.txt").toAbsolutePath(),
                Path.of(System.getProperty("java.io.tmpdir"), "evil.txt"),
                Path.of("/tmp/evil-absolute.txt"))) {
            assertThat(place).as("nothing written at " + place).doesNotExist();
        }
        assertThat(query("MATCH (d:Document)-[:HAS_PASSAGE]->(p) RETURN p.text AS t").stream()
                        .map(r -> r.get("t").asString())
                        .toList())
                .contains("Ondsinnet innhold.", "Vanlig innhold.");
    }

    @Test
    void aZipBombIsStoppedAndRecorded() {
        Path bomb = TestFiles.zipBomb(dir.resolve("bomb.zip"), 100);
        Path after = TestFiles.text(dir.resolve("etter.txt"), "Filen etter bomben.");

        ImportReport report = sharedImporter().run(List.of(bomb, after), ImportListener.NONE);

        assertThat(report.files()).isEqualTo(2);
        assertThat(failureOf(report, bomb).stage()).isEqualTo("parse");
        assertThat(failureOf(report, bomb).reason()).startsWith("suspected zip bomb");
        assertThat(count(
                        "MATCH (d:Document) WHERE any(p IN d.paths WHERE p STARTS WITH $p) RETURN count(d)",
                        Map.of("p", bomb.toString())))
                .isZero();
        assertThat(count("MATCH (d:Document) WHERE $p IN d.paths RETURN count(d)", Map.of("p", after.toString())))
                .isEqualTo(1);
    }

    @Test
    void aFileThatHangsOrExhaustsTheParserCostsOnlyThatFile() throws IOException {
        // Big enough to take well over 2 s on a fast machine: 3,000 pages parsed in time on the CI
        // machine once the workers ran C1 only.
        List<List<String>> pages = new ArrayList<>();
        for (int i = 0; i < 12_000; i++) {
            pages.add(List.of("Side " + i + " i et svært langt dokument om Nav Frogner og Oslo kommune."));
        }
        Path slow = TestFiles.pdf(dir.resolve("treg.pdf"), "Treg", "Test", pages);
        Path huge = dir.resolve("enorm.txt");
        try (BufferedWriter w = Files.newBufferedWriter(huge)) {
            for (int i = 0; i < 1_500_000; i++) {
                w.write("ord nummer " + i + " i en stor fil\n");
            }
        }
        Path fine = TestFiles.text(dir.resolve("fin.txt"), "Denne filen går fint.");
        ImportOptions tight =
                options().withWorkers(1).withTimeout(Duration.ofSeconds(2)).withHeap("48m");

        ImportReport report;
        try (Importer importer = importer(tight, no.govgraph.ingest.run.FactExtractors.NONE)) {
            report = importer.run(List.of(slow, huge, fine), ImportListener.NONE);
        }

        assertThat(report.files()).isEqualTo(3);
        assertThat(failureOf(report, slow).reason()).startsWith("timed out after 2 s");
        assertThat(failureOf(report, huge).reason()).startsWith("out of memory");
        assertThat(report.imported()).isEqualTo(1);
        assertThat(count("MATCH (d:Document) WHERE $p IN d.paths RETURN count(d)", Map.of("p", fine.toString())))
                .isEqualTo(1);
    }
}

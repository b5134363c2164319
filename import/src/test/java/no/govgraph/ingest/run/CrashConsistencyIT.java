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
import java.util.Random;
import java.util.concurrent.TimeUnit;
import no.govgraph.ingest.fixtures.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash consistency (issue 8): an import in a process of its own is killed with {@code kill -9} at
 * random points, round after round, each round resuming where the last one died; after a final
 * run to completion the graph checksum equals a clean import's, with no document lost and none
 * duplicated.
 *
 * <p>CI: 3 kill rounds over 120 documents. {@code -Dreliability.full=true}: 10 rounds over 300
 * documents. {@code -Dreliability.seed=N} repeats a run's kill points.
 */
class CrashConsistencyIT {

    private static final boolean FULL = Boolean.getBoolean("reliability.full");
    private static final int DOCUMENTS = FULL ? 300 : 120;
    private static final int ROUNDS = Integer.getInteger("reliability.rounds", FULL ? 10 : 3);

    @TempDir
    Path dir;

    @Test
    void killedAtRandomPointsRoundAfterRoundEndsLikeACleanRun() throws Exception {
        Path corpus = Corpus.generate(dir.resolve("korpus"), DOCUMENTS);
        long seed = Long.getLong("reliability.seed", System.nanoTime());
        Random random = new Random(seed);
        neo4j().clear();

        List<String> kills = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            long before = completeDocuments();
            long total = count("MATCH (d:Document) RETURN count(d)");
            // Kill somewhere in the next stretch of work: after 1 to 25 more complete documents,
            // plus up to 300 ms, so the kill lands inside a file's transactions as often as between.
            long target = before + 1 + random.nextInt(25);
            // Or at a random moment after this run's first write, whichever comes first: however fast
            // the machine, a round is then killed before the import can end.
            Duration latest = Duration.ofMillis(random.nextInt(1_500));
            Process importer = startImportProcess(corpus, round);
            boolean killed;
            try {
                killed = awaitCompleteDocuments(importer, target, latest, round);
                if (killed) {
                    Thread.sleep(random.nextInt(300));
                }
            } finally {
                importer.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            long after = completeDocuments();
            kills.add("round " + round + " (kill after " + (target - before) + " documents or " + latest.toMillis()
                    + " ms after the first write): complete documents " + before + " -> " + after + " (documents "
                    + total
                    + " -> " + count("MATCH (d:Document) RETURN count(d)") + ")"
                    + (killed ? ", killed" : ", finished before the kill"));
        }
        assertThat(count("MATCH (r:ImportRun) WHERE r.finishedAt IS NULL RETURN count(r)"))
                .as("runs killed before they finished")
                .isPositive();

        ImportReport last = run(corpus);
        String afterCrashes = checksum();
        java.util.SortedMap<String, Integer> linesAfterCrashes =
                no.govgraph.neo4j.checksum.GraphChecksum.lines(neo4j().driver());
        long documents = count("MATCH (d:Document) RETURN count(d)");
        long passages = count("MATCH (p:Passage) RETURN count(p)");
        long incomplete = count("MATCH (d:Document) WHERE NOT coalesce(d.complete, false) RETURN count(d)");
        long missingPaths = missingPaths(corpus);

        neo4j().clear();
        ImportReport clean = run(corpus);
        String cleanChecksum = checksum();
        java.util.SortedMap<String, Integer> cleanLines =
                no.govgraph.neo4j.checksum.GraphChecksum.lines(neo4j().driver());

        System.err.println("Crash consistency, seed " + seed + ", " + DOCUMENTS + " files:\n  "
                + String.join("\n  ", kills) + "\n  final run: imported " + last.imported() + ", unchanged "
                + last.unchanged() + ", failed " + last.failed() + "\n  documents " + documents + " (clean "
                + count("MATCH (d:Document) RETURN count(d)") + "), passages " + passages + " (clean "
                + count("MATCH (p:Passage) RETURN count(p)") + ")\n  checksum after crashes " + afterCrashes
                + "\n  checksum of a clean run " + cleanChecksum);

        assertThat(clean.failed()).isZero();
        assertThat(last.failed()).isZero();
        assertThat(last.unchanged()).as("files the killed runs had finished").isPositive();
        assertThat(incomplete).as("documents left incomplete").isZero();
        assertThat(missingPaths).as("files of the corpus with no document").isZero();
        assertThat(documents).as("documents lost or duplicated").isEqualTo(count("MATCH (d:Document) RETURN count(d)"));
        assertThat(passages).as("passages lost or duplicated").isEqualTo(count("MATCH (p:Passage) RETURN count(p)"));
        assertThat(no.govgraph.neo4j.checksum.GraphChecksum.difference(linesAfterCrashes, cleanLines, 40))
                .as("nodes and relationships (with properties) that differ from a clean run")
                .isEmpty();
        assertThat(afterCrashes).isEqualTo(cleanChecksum);
    }

    private static long completeDocuments() {
        return count("MATCH (d:Document {complete: true}) RETURN count(d)");
    }

    /** Files of the corpus that no document lists among its paths. */
    private static long missingPaths(Path corpus) throws IOException {
        long missing = 0;
        try (var files = Files.list(corpus)) {
            for (Path f : files.toList()) {
                if (count(
                                "MATCH (d:Document) WHERE $p IN d.paths RETURN count(d)",
                                java.util.Map.of("p", f.toAbsolutePath().toString()))
                        != 1) {
                    missing++;
                }
            }
        }
        return missing;
    }

    private Process startImportProcess(Path corpus, int round) throws IOException {
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                // Batches of 100 ms, not the default 2 s: on a fast machine the whole corpus fitted in
                // one or two batches and the run ended before any kill point was reached.
                "-Dimport.batch-wait-ms=100",
                "-cp",
                System.getProperty("java.class.path"),
                ImportProcessMain.class.getName(),
                neo4j().uri(),
                neo4j().username(),
                neo4j().password(),
                "2",
                corpus.toString());
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("importer-" + round + ".log").toFile())
                .start();
    }

    /**
     * True once {@code n} documents are complete or {@code latest} has passed since the run's first
     * write; false if the import finished first.
     */
    private boolean awaitCompleteDocuments(Process importer, long n, Duration latest, int round) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        long before = completeDocuments();
        Instant firstWrite = null;
        for (long complete = before; complete < n; complete = completeDocuments()) {
            if (firstWrite == null && complete > before) {
                firstWrite = Instant.now();
            }
            if (firstWrite != null && Instant.now().isAfter(firstWrite.plus(latest))) {
                return true;
            }
            if (!importer.isAlive()) {
                if (importer.exitValue() == 0) {
                    return false;
                }
                throw new AssertionError(
                        "The import process failed: " + Files.readString(dir.resolve("importer-" + round + ".log")));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("The import process wrote nothing in 3 minutes: "
                        + Files.readString(dir.resolve("importer-" + round + ".log")));
            }
            Thread.sleep(20);
        }
        return true;
    }
}

package no.govgraph.backend.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import no.govgraph.ingest.run.FactExtractors;
import no.govgraph.ingest.run.ImportListener;
import no.govgraph.ingest.run.ImportOptions;
import no.govgraph.ingest.run.ImportReport;
import no.govgraph.ingest.run.Importer;
import no.govgraph.neo4j.checksum.GraphChecksum;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;

/**
 * Crash consistency of the server (issue 8): {@code govgraph serve} runs as its own process, an
 * archivist uploads a corpus as one job, and the server is killed with {@code kill -9} at random
 * points while the job runs (and once stopped with SIGTERM, as Ctrl-C), then started again on the
 * same data directory. The job must resume by itself and finish; the graph must then equal a clean
 * import of the same files (checksum and every node and relationship), no document lost, none
 * duplicated, and the parse workers of a killed server must not outlive it.
 *
 * <p>CI (every start of the server costs seconds): 80 files, 1 kill and 1 SIGTERM. {@code
 * -Dreliability.full=true}: 300 files, 10 kills and 1 SIGTERM. {@code -Dreliability.rounds=N} sets
 * the number of kills, {@code -Dreliability.seed=N} repeats a run's kill points.
 */
class ServerCrashConsistencyIT {

    private static final boolean FULL = Boolean.getBoolean("reliability.full");
    private static final int FILES = FULL ? 300 : 80;
    private static final int KILLS = Integer.getInteger("reliability.rounds", FULL ? 10 : 1);

    @TempDir
    Path dir;

    @Test
    void anUploadJobSurvivesKillsOfTheServerAndEndsLikeACleanImport() throws Exception {
        long seed = Long.getLong("reliability.seed", System.nanoTime());
        Random random = new Random(seed);
        List<Path> files = UploadFiles.corpus(dir.resolve("korpus"), FILES);
        // The second round stops the server gracefully (Ctrl-C), the others kill it.
        List<String> signals = new ArrayList<>();
        for (int i = 0; i < KILLS; i++) {
            signals.add("SIGKILL");
        }
        signals.add(Math.min(1, signals.size()), "SIGTERM");

        // Write batches of 100 ms, not the default 2 s, so a job spans many transactions and a kill
        // can land between and inside them on any machine (at 2 s a fast machine wrote the CI job in
        // one or two).
        try (ServerProcess server =
                new ServerProcess(dir.resolve("data"), "1g", List.of("-Dgovgraph.import.batch-wait=100ms"))) {
            server.start();
            String token = server.token();
            String jobId = server.upload(files, token).get("id").asText();
            Path uploadDir = dir.resolve("data").resolve("uploads").resolve(jobId);

            List<String> rounds = new ArrayList<>();
            int interruptions = 0;
            for (int round = 1; round <= signals.size(); round++) {
                String signal = signals.get(round - 1);
                Driver bolt = server.bolt();
                long before = completeDocuments(bolt);
                if (!awaitRunning(server, jobId, token)) {
                    rounds.add("round " + round + ": the job finished before the " + signal);
                    break;
                }
                // One round in three stops the server while the job parses, before this start's first
                // write; the others 0-1 s after it, when files are being written batch after batch.
                String when;
                if (random.nextInt(3) == 0) {
                    Thread.sleep(random.nextInt(1500));
                    when = "while parsing";
                } else if (awaitWrite(server, bolt, before, jobId, token)) {
                    Thread.sleep(random.nextInt(1000));
                    when = "while writing";
                } else {
                    rounds.add("round " + round + ": the job finished before the " + signal);
                    break;
                }
                long atKill = completeDocuments(bolt);
                String line =
                        "round " + round + " (" + when + "): complete documents " + before + " -> " + atKill + ", ";
                if (signal.equals("SIGKILL")) {
                    List<ProcessHandle> workers = server.kill();
                    line += "kill -9";
                    assertWorkersEnd(workers);
                } else {
                    int code = server.stop();
                    assertThat(code).as(server.log()).isIn(0, 143);
                    line += "SIGTERM (exit " + code + ")";
                }
                server.start();
                token = server.token();
                boolean resumed = server.log().contains("Import job " + jobId + " was left");
                if (resumed) {
                    interruptions++;
                }
                rounds.add(line + (resumed ? ", resumed at start" : ", the job was over"));
            }

            JsonNode job = server.awaitJob(jobId, token, Duration.ofMinutes(FULL ? 30 : 10));
            Driver bolt = server.bolt();
            GraphChecksum.Result afterKills = GraphChecksum.of(bolt);
            SortedMap<String, Integer> linesAfterKills = GraphChecksum.lines(bolt);
            long documents = count(bolt, "MATCH (d:Document) RETURN count(d)", Map.of());
            long passages = count(bolt, "MATCH (p:Passage) RETURN count(p)", Map.of());
            long incomplete =
                    count(bolt, "MATCH (d:Document) WHERE NOT coalesce(d.complete, false) RETURN count(d)", Map.of());
            long filesWithoutOneDocument = 0;
            for (Path f : files) {
                String path = uploadDir.resolve(f.getFileName().toString()).toString();
                if (count(bolt, "MATCH (d:Document) WHERE $p IN d.paths RETURN count(d)", Map.of("p", path)) != 1) {
                    filesWithoutOneDocument++;
                }
            }

            // A clean import of the same kept files, at the same paths, on the same Neo4j.
            try (var session = bolt.session()) {
                // IN TRANSACTIONS needs an auto-commit transaction (session.run), not a managed one.
                session.run(
                                """
                                MATCH (n) WHERE none(l IN labels(n) WHERE l IN $excluded)
                                CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS
                                """,
                                Map.of("excluded", List.copyOf(GraphChecksum.EXCLUDED_LABELS)))
                        .consume();
            }
            assertThat(count(bolt, "MATCH (d:Document) RETURN count(d)", Map.of()))
                    .isZero();
            ImportReport clean;
            try (Importer importer =
                    new Importer(bolt, ImportOptions.defaults().withWorkers(2), FactExtractors.forVocabulary(null))) {
                clean = importer.run(List.of(uploadDir), ImportListener.NONE);
            }
            GraphChecksum.Result cleanChecksum = GraphChecksum.of(bolt);
            SortedMap<String, Integer> cleanLines = GraphChecksum.lines(bolt);
            long cleanDocuments = count(bolt, "MATCH (d:Document) RETURN count(d)", Map.of());
            long cleanPassages = count(bolt, "MATCH (p:Passage) RETURN count(p)", Map.of());

            System.err.println("Server crash consistency, seed " + seed + ", " + FILES
                    + " files uploaded as one job:\n  "
                    + String.join("\n  ", rounds) + "\n  job: "
                    + job.get("status").asText() + ", interruptions "
                    + job.get("interruptions").asLong() + ", last run: imported " + job.get("imported")
                    + ", unchanged " + job.get("unchanged") + ", failed " + job.get("failed") + "\n  documents "
                    + documents + " (clean " + cleanDocuments + "), passages " + passages + " (clean " + cleanPassages
                    + "), nodes " + afterKills.nodes() + " (clean " + cleanChecksum.nodes() + "), relationships "
                    + afterKills.relationships() + " (clean " + cleanChecksum.relationships() + ")"
                    + "\n  checksum after the kills " + afterKills.sha256() + "\n  checksum of a clean import  "
                    + cleanChecksum.sha256());

            assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("finished");
            assertThat(interruptions).as("rounds that interrupted the job").isPositive();
            assertThat(job.get("interruptions").asLong())
                    .as("interruptions the job counted")
                    .isEqualTo(interruptions);
            assertThat(job.get("failed").asLong()).as(job.toString()).isZero();
            assertThat(clean.failed()).isZero();
            assertThat(incomplete).as("documents left incomplete").isZero();
            assertThat(filesWithoutOneDocument)
                    .as("uploaded files not on exactly one document")
                    .isZero();
            assertThat(documents).as("documents lost or duplicated").isEqualTo(cleanDocuments);
            assertThat(passages).as("passages lost or duplicated").isEqualTo(cleanPassages);
            assertThat(GraphChecksum.difference(linesAfterKills, cleanLines, 40))
                    .as("nodes and relationships (with properties) that differ from a clean import")
                    .isEmpty();
            assertThat(afterKills.sha256()).isEqualTo(cleanChecksum.sha256());
        }
    }

    private static long completeDocuments(Driver bolt) {
        return count(bolt, "MATCH (d:Document {complete: true}) RETURN count(d)", Map.of());
    }

    /** Waits until more than {@code before} documents are complete; false if the job is over first. */
    private static boolean awaitWrite(ServerProcess server, Driver bolt, long before, String jobId, String token)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (completeDocuments(bolt) <= before) {
            String status =
                    server.getJson("/api/imports/" + jobId, token).get("status").asText();
            if (status.equals("finished") || status.equals("failed")) {
                return false;
            }
            if (!server.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("the job wrote nothing in 5 minutes (or serve died):\n" + server.log());
            }
            Thread.sleep(20);
        }
        return true;
    }

    /** Waits until the upload job runs; false if it is already over. */
    private static boolean awaitRunning(ServerProcess server, String jobId, String token) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (true) {
            String status =
                    server.getJson("/api/imports/" + jobId, token).get("status").asText();
            if (status.equals("running")) {
                return true;
            }
            if (status.equals("finished") || status.equals("failed")) {
                return false;
            }
            if (!server.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("the job did not start in 5 minutes (or serve died):\n" + server.log());
            }
            Thread.sleep(20);
        }
    }

    /** The parse workers of a killed server notice and exit by themselves. */
    private static void assertWorkersEnd(List<ProcessHandle> workers) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (workers.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        List<String> alive = workers.stream()
                .filter(ProcessHandle::isAlive)
                .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
                .toList();
        workers.forEach(ProcessHandle::destroyForcibly);
        assertThat(alive)
                .as("child processes still alive 60 s after the server was killed")
                .isEmpty();
    }

    private static long count(Driver bolt, String cypher, Map<String, Object> params) {
        return bolt.executableQuery(cypher)
                .withParameters(params)
                .execute()
                .records()
                .get(0)
                .get(0)
                .asLong();
    }
}

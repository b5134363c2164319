package no.govgraph.bench.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import no.govgraph.bench.importing.ImportBenchmark.Options;
import no.govgraph.bench.importing.ImportBenchmark.Report;
import no.govgraph.bench.importing.ImportBenchmark.Run;
import no.govgraph.bench.report.ResultsFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The import benchmark still runs end to end on a tiny generated corpus (raw Tika in-process, raw Tika
 * in a parse worker process and {@code govgraph import}, each its own process, one worker) and writes
 * its table; every side reads every document.
 * No timings are asserted.
 */
class ImportBenchmarkSmokeIT {

    @TempDir
    Path dir;

    @Test
    void parsesTheCorpusRawAndImportsItThenWritesTheTable() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Options options =
                new Options(20, 5, 1, "768m", List.of(), false, dir.resolve("corpora"), dir.resolve("work"), 0);
        Report report = ImportBenchmark.run(options, new PrintStream(log, true, StandardCharsets.UTF_8));

        long documents = report.corpus().documents();
        assertThat(report.corpus().entries()).hasSize(20);
        assertThat(report.raw().files()).isEqualTo(20);
        assertThat(report.raw().errors()).isZero();
        assertThat(report.raw().documents()).isEqualTo(documents);
        assertThat(report.raw().heap().collections()).isPositive();
        assertThat(report.rawForked().files()).isEqualTo(20);
        assertThat(report.rawForked().errors()).isZero();
        assertThat(report.rawForked().documents()).isEqualTo(documents);
        assertThat(report.runs()).hasSize(1);
        Run importer = report.runs().get(0);
        assertThat(importer.process()).isEqualTo("importer");
        assertThat(importer.files()).isEqualTo(20);
        assertThat(importer.failed()).isZero();
        assertThat(importer.documents()).isEqualTo(documents);
        assertThat(importer.passages()).isGreaterThanOrEqualTo(documents);
        assertThat(importer.heap().peakUsedMb()).isPositive();
        assertThat(report.markdown())
                .contains("| (a) raw Tika, 1 threads, no graph |", "| (b) `govgraph import`, 1 workers |")
                .contains("| (a′) raw Tika in 1 parse worker processes, no graph |")
                .contains("**(b)/(a) = ", "**(b)/(a′) = ")
                .contains("| importer (`govgraph import`) | 20 |");
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("corpus: 20 files");

        Path doc = dir.resolve("BENCHMARKS.md");
        Files.writeString(
                doc,
                "# Benchmarks\n\n" + ResultsFile.start("import") + "\nold\n" + ResultsFile.end("import")
                        + "\n\nAfter.\n");
        ResultsFile.update(doc, "import", report.markdown());
        assertThat(Files.readString(doc))
                .startsWith("# Benchmarks\n")
                .endsWith("\n\nAfter.\n")
                .doesNotContain("\nold\n")
                .containsOnlyOnce("| (a) raw Tika, 1 threads, no graph |");
    }
}

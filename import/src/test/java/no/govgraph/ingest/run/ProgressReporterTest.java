package no.govgraph.ingest.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void aLineShowsDoneOfTotalRateAndFailures() {
        ProgressReporter progress = new ProgressReporter(out, true, Duration.ofSeconds(10));
        progress.total(10);
        for (int i = 0; i < 4; i++) {
            progress.fileDone(FileOutcome.unchanged(Path.of("f" + i), "x"));
        }
        progress.fileDone(FileOutcome.failed(Path.of("bad"), null, FailureStage.PARSE, "broken"));

        String line = progress.line();

        assertThat(line).startsWith("[##############--------------] 5/10 files");
        assertThat(line).contains("files/s", "ETA", "4 unchanged", "1 failed");
    }

    @Test
    void withoutATotalItSaysItIsCounting() {
        ProgressReporter progress = new ProgressReporter(out, false, Duration.ofSeconds(10));

        assertThat(progress.line()).startsWith("0 files (counting…)");
    }

    @Test
    void offATerminalItLogsLinesAndLeavesNoBarBehind() {
        ProgressReporter progress = new ProgressReporter(out, false, Duration.ofHours(1));
        progress.started("run");
        progress.total(1);
        progress.fileDone(FileOutcome.unchanged(Path.of("a"), "x"));
        progress.finished(new ImportReport("run", 1, 0, 1, 0, List.of(), 0, 0, 0, Duration.ofSeconds(1)));

        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text)
                .contains("import: [############################] 1/1 files")
                .doesNotContain("\r");
    }
}

package no.govgraph.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./govgraph} on a fresh clone: the first call builds the application through the Maven
 * wrapper and runs the command; later calls start at once.
 */
class LauncherIT {

    @TempDir
    Path work;

    @Test
    void buildsOnFirstUseThenRunsCommands() throws Exception {
        Path repository = Path.of("..").toAbsolutePath().normalize();
        Path clone = work.resolve("govgraph");
        Result cloned = run(
                work,
                List.of("git", "clone", "--quiet", "--no-hardlinks", repository.toString(), clone.toString()),
                120);
        assertThat(cloned.code()).as(cloned.output()).isZero();

        Result help = run(clone, List.of("./govgraph", "--help"), 1200);
        assertThat(help.code()).as(help.output()).isZero();
        assertThat(help.output()).contains("building the application").contains("serve", "cypher", "status");

        Path dataDir = work.resolve("data");
        Result count = run(
                clone,
                List.of(
                        "./govgraph",
                        "cypher",
                        "--data-dir",
                        dataDir.toString(),
                        "--format",
                        "json",
                        "MATCH (n:Document) RETURN count(n) AS n"),
                300);
        assertThat(count.code()).as(count.output()).isZero();
        assertThat(count.output()).doesNotContain("building the application").contains("[{\"n\":0}]");
    }

    private record Result(int code, String output) {}

    private static Result run(Path dir, List<String> command, int timeoutSeconds)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile("launcher", ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("NEO4J_") || k.startsWith("GOVGRAPH_"));
        Process process = builder.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish within " + timeoutSeconds + " s:\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}

package no.govgraph.backend.importjob;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Stands in for the import pipeline in tests of the job plumbing (upload, queue, progress,
 * report): counts the files it is given and fails those named {@code *.bad}.
 */
@Singleton
@Requires(property = "govgraph.test.pipeline", value = "counting")
class CountingPipeline implements ImportPipeline {

    @Override
    public Outcome run(List<Path> paths, Progress progress) {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            try (Stream<Path> walk = Files.walk(p)) {
                walk.filter(Files::isRegularFile).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        progress.total(files.size());
        List<Failure> failures = new ArrayList<>();
        for (Path f : files) {
            boolean bad = f.getFileName().toString().endsWith(".bad");
            if (bad) {
                failures.add(new Failure(f.toString(), "parse", "not a document"));
            }
            progress.fileDone(bad);
        }
        return new Outcome(
                "run-" + files.size(),
                files.size(),
                files.size() - failures.size(),
                0,
                failures.size(),
                failures,
                Map.of("files", files.size()));
    }
}

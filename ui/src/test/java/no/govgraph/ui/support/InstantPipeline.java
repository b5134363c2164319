package no.govgraph.ui.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.govgraph.backend.importjob.ImportPipeline;

/**
 * Stands in for the import pipeline in view tests (the import module's is tested there): counts the
 * files it is given, reports each done, and fails the ones named {@code *.broken}.
 */
final class InstantPipeline implements ImportPipeline {

    @Override
    public Outcome run(List<Path> paths, Progress progress) {
        List<Path> files = paths.stream()
                .flatMap(p -> {
                    try (var s = Files.isDirectory(p) ? Files.walk(p) : java.util.stream.Stream.of(p)) {
                        return s.filter(Files::isRegularFile).toList().stream();
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                })
                .toList();
        progress.total(files.size());
        List<Failure> failures = new java.util.ArrayList<>();
        for (Path f : files) {
            boolean broken = f.getFileName().toString().endsWith(".broken");
            if (broken) {
                failures.add(new Failure(f.getFileName().toString(), "parse", "not a document"));
            }
            progress.fileDone(broken);
        }
        return new Outcome(
                "run:" + UUID.randomUUID(),
                files.size(),
                files.size() - failures.size(),
                0,
                failures.size(),
                failures,
                Map.of("files", files.size()));
    }
}

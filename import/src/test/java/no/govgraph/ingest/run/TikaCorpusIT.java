package no.govgraph.ingest.run;

import static no.govgraph.ingest.fixtures.ImportITSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Robustness on Apache Tika's own test documents (about 470 real, messy files: encrypted,
 * truncated, nested, huge), read in place from {@code ../shared/corpora/tika-test-documents}: the
 * import completes, every file ends up as a document or as a failure with a reason, and a second
 * run finds everything it imported unchanged.
 */
class TikaCorpusIT {

    @Test
    void importsEveryFileOrSaysWhyNot() throws IOException {
        Path corpus = tikaCorpus();
        assertThat(corpus)
                .as("the Tika test corpus must be at ../shared/corpora/tika-test-documents beside the repository")
                .isDirectory();
        Set<String> files = new HashSet<>();
        try (Stream<Path> walk = Files.walk(corpus)) {
            walk.filter(Files::isRegularFile).forEach(p -> files.add(p.toString()));
        }
        neo4j().clear();

        ImportReport first = run(corpus);

        System.out.printf(
                Locale.ROOT,
                "Tika corpus: %d files, %d imported, %d unchanged, %d failed in %.1f s: %.1f files/s, %d documents,"
                        + " %d passages, %d pages (%.1f pages/s)%n",
                first.files(),
                first.imported(),
                first.unchanged(),
                first.failed(),
                first.elapsed().toMillis() / 1000.0,
                first.filesPerSecond(),
                first.documents(),
                first.passages(),
                first.pages(),
                first.pages() * 1000.0 / Math.max(1, first.elapsed().toMillis()));
        first.failures().stream()
                .collect(java.util.stream.Collectors.groupingBy(
                        f -> f.stage() + ": " + shortReason(f.reason()), java.util.stream.Collectors.counting()))
                .forEach((reason, n) -> System.out.printf("  %3d × %s%n", n, reason));

        assertThat(first.files()).isEqualTo(files.size());
        assertThat(first.imported() + first.unchanged() + first.failed()).isEqualTo(files.size());
        assertThat(first.failures()).allSatisfy(f -> assertThat(f.reason()).isNotBlank());
        Set<String> accounted = new HashSet<>();
        query("MATCH (d:Document) UNWIND d.paths AS p RETURN p")
                .forEach(r -> accounted.add(r.get(0).asString()));
        query("MATCH (:ImportRun {id: $run})-[:HAD_FAILURE]->(f) RETURN f.path", java.util.Map.of("run", first.runId()))
                .forEach(r -> accounted.add(r.get(0).asString()));
        assertThat(files)
                .allSatisfy(f -> assertThat(accounted).as("accounted for").contains(f));
        assertThat(count("MATCH (d:Document) WHERE NOT d.complete RETURN count(d)"))
                .isZero();

        ImportReport second = run(corpus);

        assertThat(second.imported()).isZero();
        assertThat(second.unchanged()).isEqualTo(first.imported() + first.unchanged());
        assertThat(second.failed()).isEqualTo(first.failed());
    }

    private static String shortReason(String reason) {
        String r = reason.replaceAll("[0-9a-f]{16,}", "…");
        int cut = r.indexOf(':');
        return cut > 0 && cut < 60 ? r.substring(0, cut) : r.length() > 60 ? r.substring(0, 60) : r;
    }

    @SuppressWarnings("unused")
    private static List<String> none() {
        return List.of();
    }
}

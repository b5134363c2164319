package no.govgraph.bench.importing;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;
import no.govgraph.bench.report.Latency;

/**
 * The command line both raw sides of the import benchmark share, each run as its own process:
 * {@code --workers N --out FILE DIR}; every regular file under DIR is parsed, in path order, and
 * the figures are written to FILE as properties for {@link ImportBenchmark} to read.
 */
final class RawSide {

    /** Parses {@code files} on {@code workers} workers and returns the side's figures. */
    @FunctionalInterface
    interface Parse {
        Properties parseAll(List<Path> files, int workers) throws Exception;
    }

    private RawSide() {}

    /** The figures both sides write: parse time, counts and per-file p50/p95 from each file's nanoseconds. */
    static Properties figures(
            double seconds, int files, long documents, long characters, long errors, long[] perFileNanos) {
        Latency perFile = Latency.of(perFileNanos);
        Properties p = new Properties();
        p.setProperty("seconds", String.format(Locale.ROOT, "%.3f", seconds));
        p.setProperty("files", String.valueOf(files));
        p.setProperty("documents", String.valueOf(documents));
        p.setProperty("characters", String.valueOf(characters));
        p.setProperty("errors", String.valueOf(errors));
        p.setProperty("p50", String.format(Locale.ROOT, "%.2f", perFile.p50()));
        p.setProperty("p95", String.format(Locale.ROOT, "%.2f", perFile.p95()));
        return p;
    }

    static void main(String[] args, Class<?> side, String comment, Parse parse) throws Exception {
        int workers = Runtime.getRuntime().availableProcessors();
        Path out = null;
        Path dir = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--workers" -> workers = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> dir = Path.of(args[i]);
            }
        }
        if (out == null || dir == null) {
            System.err.println("usage: " + side.getSimpleName() + " --workers N --out FILE DIR");
            System.exit(2);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        Properties result = parse.parseAll(files, workers);
        try (OutputStream o = Files.newOutputStream(out)) {
            result.store(o, comment);
        }
        // Parser threads and worker watchdogs must not keep the process alive.
        System.exit(0);
    }
}

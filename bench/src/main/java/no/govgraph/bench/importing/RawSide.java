package no.govgraph.bench.importing;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

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

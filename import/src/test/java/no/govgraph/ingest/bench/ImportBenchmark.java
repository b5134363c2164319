package no.govgraph.ingest.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import no.govgraph.ingest.fixtures.TestFiles;
import no.govgraph.ingest.run.FactExtractors;
import no.govgraph.ingest.run.ImportListener;
import no.govgraph.ingest.run.ImportOptions;
import no.govgraph.ingest.run.ImportReport;
import no.govgraph.ingest.run.Importer;
import no.govgraph.ingest.support.Sha256;
import no.govgraph.testsupport.TestNeo4j;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.PagedText;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.RecursiveParserWrapper;
import org.apache.tika.sax.BasicContentHandlerFactory;
import org.apache.tika.sax.RecursiveParserWrapperHandler;

/**
 * Throughput of the import against raw Tika on the same files in the same run (not part of the
 * test suite; see docs/IMPORT.md, "Throughput"). For each corpus: a warm-up read of every file,
 * then raw in-process Tika (AutoDetectParser in a RecursiveParserWrapper, text out, one parser per
 * thread, no limits, no graph), then the full govgraph import (worker processes, passages,
 * language, kinds, writes to an embedded Neo4j).
 *
 * <pre>
 * java -cp … no.govgraph.ingest.bench.ImportBenchmark [--workers N] [--generated N] [--corpus DIR]...
 * </pre>
 */
public final class ImportBenchmark {

    private ImportBenchmark() {}

    public static void main(String[] args) throws Exception {
        int workers = Runtime.getRuntime().availableProcessors();
        List<Path> corpora = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--workers" -> workers = Integer.parseInt(args[++i]);
                case "--generated" -> corpora.add(generate(Integer.parseInt(args[++i])));
                case "--corpus" -> corpora.add(
                        Path.of(args[++i]).toAbsolutePath().normalize());
                default -> throw new IllegalArgumentException("Unknown argument " + args[i]);
            }
        }
        TestNeo4j neo4j = TestNeo4j.shared();
        List<String> lines = new ArrayList<>();
        for (Path corpus : corpora) {
            List<Path> files = files(corpus);
            for (Path f : files) {
                Sha256.ofFile(f);
            }
            Raw raw = raw(files, workers);
            neo4j.clear();
            ImportReport report;
            try (Importer importer =
                    new Importer(neo4j.driver(), ImportOptions.defaults().withWorkers(workers), FactExtractors.NONE)) {
                report = importer.run(List.of(corpus), ImportListener.NONE);
            }
            double importSeconds = report.elapsed().toMillis() / 1000.0;
            lines.add(String.format(
                    Locale.ROOT,
                    "%s: %d files | raw Tika: %.1f s, %.1f files/s, %.1f pages/s (%d documents, %d pages, %d errors)"
                            + " | govgraph import: %.1f s, %.1f files/s, %.1f pages/s (%d documents, %d passages, %d pages,"
                            + " %d failed)",
                    corpus.getFileName(),
                    files.size(),
                    raw.seconds,
                    files.size() / raw.seconds,
                    raw.pages / raw.seconds,
                    raw.documents,
                    raw.pages,
                    raw.errors,
                    importSeconds,
                    report.files() / importSeconds,
                    report.pages() / importSeconds,
                    report.documents(),
                    report.passages(),
                    report.pages(),
                    report.failed()));
            System.out.println(lines.get(lines.size() - 1));
        }
        System.out.println(
                "---- " + workers + " workers, " + Runtime.getRuntime().availableProcessors() + " cores");
        lines.forEach(System.out::println);
        System.exit(0);
    }

    private record Raw(double seconds, long documents, long pages, long errors) {}

    private static Raw raw(List<Path> files, int threads) throws Exception {
        AtomicLong documents = new AtomicLong();
        AtomicLong pages = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        ThreadLocal<RecursiveParserWrapper> parsers =
                ThreadLocal.withInitial(() -> new RecursiveParserWrapper(new AutoDetectParser()));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> jobs = new ArrayList<>();
        for (Path file : files) {
            jobs.add(pool.submit(() -> {
                RecursiveParserWrapperHandler handler = new RecursiveParserWrapperHandler(
                        new BasicContentHandlerFactory(BasicContentHandlerFactory.HANDLER_TYPE.TEXT, 10_000_000),
                        10_000);
                Metadata metadata = new Metadata();
                try (TikaInputStream in = TikaInputStream.get(file, metadata)) {
                    parsers.get().parse(in, handler, metadata, new ParseContext());
                } catch (Exception | StackOverflowError e) {
                    errors.incrementAndGet();
                }
                for (Metadata m : handler.getMetadataList()) {
                    documents.incrementAndGet();
                    String n = m.get(PagedText.N_PAGES);
                    if (n != null) {
                        try {
                            pages.addAndGet(Integer.parseInt(n.strip()));
                        } catch (NumberFormatException e) {
                            // not a page count
                        }
                    }
                }
            }));
        }
        for (Future<?> job : jobs) {
            try {
                job.get(120, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                errors.incrementAndGet();
                job.cancel(true);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdownNow();
        return new Raw(seconds, documents.get(), pages.get(), errors.get());
    }

    private static List<Path> files(Path corpus) throws IOException {
        try (Stream<Path> walk = Files.walk(corpus)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** {@code n} simple documents, half PDF (three pages) and half DOCX (with a table), in a temporary folder. */
    private static Path generate(int n) throws IOException {
        Path dir = Files.createTempDirectory("govgraph-bench-" + n + "-");
        String paragraph =
                "Nav-kontoret og kommunen samarbeider om å få flere i arbeid. Partnerskapet bygger på en lokal"
                        + " samarbeidsavtale som fastsetter mål, tiltak og rapportering. Kontoret bruker mål- og resultatstyring"
                        + " og følger opp brukerne tett gjennom hele året.";
        for (int i = 0; i < n; i++) {
            if (i % 2 == 0) {
                List<List<String>> pages = new ArrayList<>();
                for (int p = 0; p < 3; p++) {
                    pages.add(List.of("Dokument " + i + ", side " + (p + 1) + ". " + paragraph, paragraph, paragraph));
                }
                TestFiles.pdf(dir.resolve("dok" + i + ".pdf"), "Årsrapport " + i, "Benchmark", pages);
            } else {
                TestFiles.docx(
                        dir.resolve("dok" + i + ".docx"),
                        "Samarbeidsavtale " + i,
                        List.of("Avtale " + i + ". " + paragraph, paragraph, paragraph, paragraph),
                        List.of(List.of("Mål", "2014", "2015"), List.of("Sysselsetting", "45 %", "47 %")));
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a left-over temporary folder is harmless
            }
        }));
        return dir;
    }
}

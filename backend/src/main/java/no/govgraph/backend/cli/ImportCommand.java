package no.govgraph.backend.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import no.govgraph.ingest.extraction.FactExtractor;
import no.govgraph.ingest.parse.ForkedTextExtractor.WorkerLimits;
import no.govgraph.ingest.parse.ParserSettings;
import no.govgraph.ingest.parse.Tesseract;
import no.govgraph.ingest.run.FactExtractors;
import no.govgraph.ingest.run.ImportListener;
import no.govgraph.ingest.run.ImportOptions;
import no.govgraph.ingest.run.ImportReport;
import no.govgraph.ingest.run.Importer;
import no.govgraph.ingest.run.ProgressReporter;
import no.govgraph.neo4j.connection.GraphConnection;
import no.govgraph.neo4j.migration.SchemaMigrations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code govgraph import PATH...}: imports files, folders and archives. Exit code 0 when the run
 * completed (failed files are in the summary and the report), 1 when it could not run, 2 for bad
 * usage.
 */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Import files, folders (recursively) and archives into the graph.",
            "Each file is parsed in a separate worker process with a time and memory limit; a file that"
                    + " fails is recorded and the import goes on. Importing the same files again changes nothing.",
            "Uses the running govgraph (or NEO4J_URI) over Bolt, else opens the store in --data-dir."
        })
public class ImportCommand implements Callable<Integer> {

    private final Map<String, String> env;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    GraphOptions graphOptions;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files and folders to import.")
    List<Path> paths;

    @Option(
            names = "--workers",
            paramLabel = "N",
            description = "Files parsed in parallel, each in its own process (default: number of cores).")
    Integer workers;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            defaultValue = "120",
            description = "Longest time one file may take to parse (default ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(
            names = "--worker-heap",
            paramLabel = "SIZE",
            defaultValue = "512m",
            description = "Memory of each parse worker, as for java -Xmx (default ${DEFAULT-VALUE}).")
    String workerHeap;

    @Option(
            names = "--max-chars",
            paramLabel = "N",
            defaultValue = "10000000",
            description = "Most characters kept per file; longer text is cut and the document marked"
                    + " truncated (default ${DEFAULT-VALUE}).")
    int maxChars;

    @Option(
            names = "--ocr",
            description = "Read text from images and scanned PDF pages with Tesseract (when installed).")
    boolean ocr;

    @Option(
            names = "--ocr-languages",
            paramLabel = "LANGS",
            defaultValue = ParserSettings.DEFAULT_OCR_LANGUAGES,
            description = "Tesseract languages for --ocr (default ${DEFAULT-VALUE}).")
    String ocrLanguages;

    @Option(
            names = "--report",
            paramLabel = "FILE.json",
            description = "Write a JSON report: counts and every failed file with its stage and reason.")
    Path report;

    @Option(
            names = "--vocabulary",
            paramLabel = "FILE.yaml",
            description = "Codebook of offices, partners, tools and outcomes to recognise, instead of the"
                    + " bundled one (format: docs/EXTRACTION.md).")
    Path vocabulary;

    @Option(names = "--no-progress", description = "No progress bar or progress lines (the summary is still printed).")
    boolean noProgress;

    ImportCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        ImportOptions options = options();
        // Read the vocabulary before touching the graph, so a mistake in it costs nothing.
        FactExtractor extractor = FactExtractors.forVocabulary(vocabulary);
        PrintWriter out = spec.commandLine().getOut();
        ImportListener progress = noProgress ? ImportListener.NONE : ProgressReporter.forConsole();
        try (GraphConnection graph = GraphConnection.forCommand(graphOptions.settings(env))) {
            new SchemaMigrations(graph.driver()).apply();
            ImportReport result;
            try (Importer importer = new Importer(graph.driver(), options, extractor)) {
                result = importer.run(paths, progress);
            }
            printSummary(out, result);
            if (report != null) {
                result.writeJson(report);
                out.println("Report: " + report.toAbsolutePath().normalize());
            }
            out.flush();
            return 0;
        }
    }

    private ImportOptions options() {
        if (workers != null && workers < 1) {
            throw new ParameterException(spec.commandLine(), "--workers must be at least 1");
        }
        if (timeoutSeconds < 1) {
            throw new ParameterException(spec.commandLine(), "--timeout must be at least 1 second");
        }
        if (maxChars < 1) {
            throw new ParameterException(spec.commandLine(), "--max-chars must be at least 1");
        }
        ParserSettings parser;
        WorkerLimits limits;
        try {
            parser = ParserSettings.DEFAULTS.withWriteLimit(maxChars).withOcrLanguages(ocrLanguages);
            limits = new WorkerLimits(Duration.ofSeconds(timeoutSeconds), workerHeap);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (ocr) {
            if (Tesseract.isInstalled(null)) {
                parser = parser.withOcr(true);
            } else {
                spec.commandLine()
                        .getErr()
                        .println("govgraph: --ocr needs Tesseract, which is not installed"
                                + " (Debian: apt install tesseract-ocr tesseract-ocr-nor); importing without OCR.");
            }
        }
        ImportOptions defaults = ImportOptions.defaults();
        return new ImportOptions(workers == null ? defaults.workers() : workers, limits, parser);
    }

    private static void printSummary(PrintWriter out, ImportReport r) {
        double seconds = r.elapsed().toMillis() / 1000.0;
        out.printf(
                Locale.ROOT,
                "Imported %d of %d files (%d unchanged, %d failed) in %.1f s: %.1f files/s.%n",
                r.imported(),
                r.files(),
                r.unchanged(),
                r.failed(),
                seconds,
                r.filesPerSecond());
        if (r.imported() > 0) {
            out.printf(
                    Locale.ROOT,
                    "Wrote %d documents (with embedded ones), %d passages, %d pages.%n",
                    r.documents(),
                    r.passages(),
                    r.pages());
        }
        int shown = 0;
        for (ImportReport.Failure f : r.failures()) {
            if (shown++ == 20) {
                out.printf(
                        "… and %d more failures (see --report).%n", r.failures().size() - 20);
                break;
            }
            out.printf("  failed [%s] %s: %s%n", f.stage(), f.path(), f.reason());
        }
    }
}

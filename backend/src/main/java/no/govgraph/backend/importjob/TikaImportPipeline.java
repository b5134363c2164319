package no.govgraph.backend.importjob;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.govgraph.ingest.extraction.FactExtractor;
import no.govgraph.ingest.parse.ParserSettings;
import no.govgraph.ingest.parse.Tesseract;
import no.govgraph.ingest.run.FactExtractors;
import no.govgraph.ingest.run.FileOutcome;
import no.govgraph.ingest.run.ImportListener;
import no.govgraph.ingest.run.ImportOptions;
import no.govgraph.ingest.run.ImportReport;
import no.govgraph.ingest.run.Importer;
import org.neo4j.driver.Driver;

/**
 * Upload jobs run the very pipeline of {@code govgraph import}: Tika in child worker processes,
 * the same extractor, the same {@code ImportRun} record. Settings come from
 * {@code govgraph.import.*} ({@code workers}, {@code ocr}, {@code vocabulary}, {@code batch-wait}).
 */
@Singleton
@Requires(missingProperty = "govgraph.test.pipeline")
public class TikaImportPipeline implements ImportPipeline {

    private final Driver driver;
    private final ImportOptions options;
    private final FactExtractor extractor;

    TikaImportPipeline(
            Driver driver,
            @Value("${govgraph.import.workers:0}") int workers,
            @Value("${govgraph.import.ocr:false}") boolean ocr,
            @Value("${govgraph.import.vocabulary:}") String vocabulary,
            @Value("${govgraph.import.batch-wait:2s}") Duration batchWait) {
        this.driver = driver;
        ImportOptions defaults = ImportOptions.defaults();
        ParserSettings parser = defaults.parser().withOcr(ocr && Tesseract.isInstalled(null));
        this.options =
                new ImportOptions(workers > 0 ? workers : defaults.workers(), defaults.limits(), parser, batchWait);
        // A bad vocabulary fails the server's start, with the file and entry named, not the first upload.
        this.extractor = FactExtractors.forVocabulary(vocabulary.isBlank() ? null : Path.of(vocabulary));
    }

    @Override
    public Outcome run(List<Path> paths, Progress progress) {
        ImportReport report;
        try (Importer importer = new Importer(driver, options, extractor)) {
            report = importer.run(paths, new ImportListener() {
                @Override
                public void total(long files) {
                    progress.total(files);
                }

                @Override
                public void fileDone(FileOutcome outcome) {
                    progress.fileDone(outcome.status() == FileOutcome.Status.FAILED);
                }
            });
        }
        return outcome(report);
    }

    static Outcome outcome(ImportReport r) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("files", r.files());
        report.put("imported", r.imported());
        report.put("unchanged", r.unchanged());
        report.put("failed", r.failed());
        report.put("documents", r.documents());
        report.put("passages", r.passages());
        report.put("pages", r.pages());
        report.put("elapsedMs", r.elapsed().toMillis());
        report.put("filesPerSecond", r.filesPerSecond());
        List<Failure> failures = r.failures().stream()
                .map(f -> new Failure(f.path(), f.stage(), f.reason()))
                .toList();
        return new Outcome(r.runId(), r.files(), r.imported(), r.unchanged(), r.failed(), failures, report);
    }
}

package no.govgraph.ingest.run;

import java.time.Duration;
import no.govgraph.ingest.parse.ForkedTextExtractor.WorkerLimits;
import no.govgraph.ingest.parse.ParserSettings;

/**
 * How an import runs.
 *
 * @param workers files parsed in parallel, each in its own worker process
 * @param limits each worker's per-file timeout and heap
 * @param parser what the parser extracts and its limits (write limit, zip-bomb guard, OCR)
 */
public record ImportOptions(int workers, WorkerLimits limits, ParserSettings parser) {

    public ImportOptions {
        if (workers < 1) {
            throw new IllegalArgumentException("At least one worker is needed, not " + workers);
        }
    }

    /** One worker per core, 120 s and 512 MB per file, 10 million characters, no OCR. */
    public static ImportOptions defaults() {
        return new ImportOptions(
                Runtime.getRuntime().availableProcessors(), WorkerLimits.DEFAULTS, ParserSettings.DEFAULTS);
    }

    public ImportOptions withWorkers(int n) {
        return new ImportOptions(n, limits, parser);
    }

    public ImportOptions withTimeout(Duration timeout) {
        return new ImportOptions(workers, new WorkerLimits(timeout, limits.heap()), parser);
    }

    public ImportOptions withHeap(String heap) {
        return new ImportOptions(workers, new WorkerLimits(limits.timeout(), heap), parser);
    }

    public ImportOptions withParser(ParserSettings settings) {
        return new ImportOptions(workers, limits, settings);
    }
}

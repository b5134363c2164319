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
 * @param batchWait how long the writer gathers finished files into one transaction
 */
public record ImportOptions(int workers, WorkerLimits limits, ParserSettings parser, Duration batchWait) {

    /**
     * Two seconds: each transaction has a fixed cost in the embedded Neo4j (Bolt round trips, query
     * set-up, the commit with its full-text index update) paid on the cores the parsers need; at 500
     * ms the writer thread was busy 70–80 % of a run (docs/IMPORT.md, "Throughput"). A crash loses at
     * most one batch, which the next run redoes.
     */
    public static final Duration DEFAULT_BATCH_WAIT = Duration.ofSeconds(2);

    public ImportOptions {
        if (workers < 1) {
            throw new IllegalArgumentException("At least one worker is needed, not " + workers);
        }
        if (batchWait.isNegative()) {
            throw new IllegalArgumentException("The batch wait cannot be negative: " + batchWait);
        }
    }

    public ImportOptions(int workers, WorkerLimits limits, ParserSettings parser) {
        this(workers, limits, parser, DEFAULT_BATCH_WAIT);
    }

    /** One worker per core, 120 s and 512 MB per file, 10 million characters, no OCR. */
    public static ImportOptions defaults() {
        return new ImportOptions(
                Runtime.getRuntime().availableProcessors(), WorkerLimits.DEFAULTS, ParserSettings.DEFAULTS);
    }

    public ImportOptions withWorkers(int n) {
        return new ImportOptions(n, limits, parser, batchWait);
    }

    public ImportOptions withTimeout(Duration timeout) {
        return new ImportOptions(workers, new WorkerLimits(timeout, limits.heap()), parser, batchWait);
    }

    public ImportOptions withHeap(String heap) {
        return new ImportOptions(workers, new WorkerLimits(limits.timeout(), heap), parser, batchWait);
    }

    public ImportOptions withParser(ParserSettings settings) {
        return new ImportOptions(workers, limits, settings, batchWait);
    }

    /** Shorter batches commit files sooner (tests that stop an import mid-run need several). */
    public ImportOptions withBatchWait(Duration wait) {
        return new ImportOptions(workers, limits, parser, wait);
    }
}

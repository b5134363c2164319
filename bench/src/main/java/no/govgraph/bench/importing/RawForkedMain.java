package no.govgraph.bench.importing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import no.govgraph.ingest.parse.ExtractedDocument;
import no.govgraph.ingest.parse.ExtractionResult;
import no.govgraph.ingest.parse.ForkedTextExtractor;
import no.govgraph.ingest.parse.ForkedTextExtractor.WorkerLimits;
import no.govgraph.ingest.parse.ParserSettings;
import no.govgraph.ingest.parse.TextBlock;

/**
 * Side (a′) of the import benchmark, run as its own process: every file parsed the way
 * {@code govgraph import} parses it, in {@code --workers} parse worker processes
 * ({@link ForkedTextExtractor} with the import's default settings and limits: one child JVM per
 * worker, 512 MB heap, per-file timeout), text out, and nothing else: no hashing, passages, language,
 * extraction or graph. Raw Tika in-process ({@link RawTikaMain}) is the parser's own speed; this is
 * what the import's out-of-process parsing can reach at best. Its time starts once the workers are
 * up, as the import's does. Writes its figures as properties to {@code --out}.
 *
 * <pre>
 * java -cp … no.govgraph.bench.importing.RawForkedMain --workers N --out FILE DIR
 * </pre>
 */
public final class RawForkedMain {

    private RawForkedMain() {}

    public static void main(String[] args) throws Exception {
        RawSide.main(args, RawForkedMain.class, "raw Tika in parse worker processes", RawForkedMain::parseAll);
    }

    static Properties parseAll(List<Path> files, int workers) throws Exception {
        List<ForkedTextExtractor> extractors = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            extractors.add(new ForkedTextExtractor(ParserSettings.DEFAULTS, WorkerLimits.DEFAULTS));
        }
        long startup = System.nanoTime();
        // In parallel, as the importer starts them.
        List<Thread> starters = new ArrayList<>();
        for (ForkedTextExtractor extractor : extractors) {
            Thread t = new Thread(extractor::start, "parse-worker-start");
            t.start();
            starters.add(t);
        }
        for (Thread t : starters) {
            t.join();
        }
        double startSeconds = (System.nanoTime() - startup) / 1e9;

        AtomicInteger next = new AtomicInteger();
        AtomicLong documents = new AtomicLong();
        AtomicLong characters = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long[] nanos = new long[files.size()];
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (ForkedTextExtractor extractor : extractors) {
            Thread t = new Thread(
                    () -> {
                        for (int i = next.getAndIncrement(); i < files.size(); i = next.getAndIncrement()) {
                            long t0 = System.nanoTime();
                            ExtractionResult result = extractor.extract(files.get(i));
                            if (result instanceof ExtractionResult.Parsed parsed) {
                                for (ExtractedDocument d : parsed.documents()) {
                                    documents.incrementAndGet();
                                    for (TextBlock b : d.blocks()) {
                                        characters.addAndGet(b.text().length());
                                    }
                                }
                            } else {
                                errors.incrementAndGet();
                            }
                            nanos[i] = System.nanoTime() - t0;
                        }
                    },
                    "raw-forked-" + threads.size());
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        extractors.forEach(ForkedTextExtractor::close);
        Properties p = RawSide.figures(seconds, files.size(), documents.get(), characters.get(), errors.get(), nanos);
        p.setProperty("start-seconds", String.format(Locale.ROOT, "%.3f", startSeconds));
        return p;
    }
}

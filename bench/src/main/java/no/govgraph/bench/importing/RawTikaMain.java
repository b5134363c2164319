package no.govgraph.bench.importing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import no.govgraph.ingest.parse.ParserSettings;
import org.apache.tika.config.ServiceLoader;
import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.AutoDetectParserConfig;
import org.apache.tika.parser.DefaultParser;
import org.apache.tika.parser.DigestingParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.RecursiveParserWrapper;
import org.apache.tika.parser.digestutils.CommonsDigester;
import org.apache.tika.parser.external.CompositeExternalParser;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.ocr.TesseractOCRParser;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BasicContentHandlerFactory;
import org.apache.tika.sax.RecursiveParserWrapperHandler;

/**
 * Side (a) of the import benchmark, run as its own process: Apache Tika alone parses every file of
 * a folder, text out, with the parser configuration of govgraph's import workers
 * ({@code TikaTextExtractor}: the default parsers without Tesseract and the external-program
 * parsers, the same zip-bomb limits, SHA-256 digests of embedded documents, a recursive wrapper, no
 * OCR, the same write limit and embedded-document cap) on {@code --workers} threads, and nothing
 * else: no passages, no language detection, no graph. Writes its figures as properties to
 * {@code --out}.
 *
 * <pre>
 * java -cp … no.govgraph.bench.importing.RawTikaMain --workers N --out FILE DIR
 * </pre>
 */
public final class RawTikaMain {

    private RawTikaMain() {}

    public static void main(String[] args) throws Exception {
        RawSide.main(args, RawTikaMain.class, "raw Tika", RawTikaMain::parseAll);
    }

    /** The parser of govgraph's import workers (see {@code TikaTextExtractor.buildParser}), without its depth guard. */
    static Parser parser(ParserSettings settings) {
        MediaTypeRegistry registry = MediaTypeRegistry.getDefaultRegistry();
        ServiceLoader loader = new ServiceLoader(RawTikaMain.class.getClassLoader());
        List<Class<? extends Parser>> excluded = List.of(TesseractOCRParser.class, CompositeExternalParser.class);
        AutoDetectParser autoDetect =
                new AutoDetectParser(new DefaultDetector(), new DefaultParser(registry, loader, excluded));
        AutoDetectParserConfig config = new AutoDetectParserConfig();
        config.setOutputThreshold(ParserSettings.ZIP_BOMB_OUTPUT_THRESHOLD);
        config.setMaximumCompressionRatio(settings.maxCompressionRatio());
        config.setMaximumDepth(settings.maxNestingDepth());
        config.setMaximumPackageEntryDepth(settings.maxNestingDepth());
        autoDetect.setAutoDetectParserConfig(config);
        Parser digesting = new DigestingParser(autoDetect, new CommonsDigester(1024 * 1024, "sha256"), true);
        return new RecursiveParserWrapper(digesting, true);
    }

    static ParseContext context() {
        ParseContext context = new ParseContext();
        PDFParserConfig pdf = new PDFParserConfig();
        pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
        context.set(PDFParserConfig.class, pdf);
        TesseractOCRConfig ocr = new TesseractOCRConfig();
        ocr.setSkipOcr(true);
        context.set(TesseractOCRConfig.class, ocr);
        return context;
    }

    static Properties parseAll(List<Path> files, int workers) throws Exception {
        ParserSettings settings = ParserSettings.DEFAULTS;
        AtomicLong documents = new AtomicLong();
        AtomicLong characters = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long[] nanos = new long[files.size()];
        ThreadLocal<Parser> parsers = ThreadLocal.withInitial(() -> parser(settings));
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        long start = System.nanoTime();
        List<Future<?>> jobs = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            int index = i;
            Path file = files.get(i);
            jobs.add(pool.submit(() -> {
                long t0 = System.nanoTime();
                RecursiveParserWrapperHandler handler = new RecursiveParserWrapperHandler(
                        new BasicContentHandlerFactory(
                                BasicContentHandlerFactory.HANDLER_TYPE.TEXT, settings.writeLimit()),
                        settings.maxEmbedded());
                Metadata metadata = new Metadata();
                metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, String.valueOf(file.getFileName()));
                try (TikaInputStream in = TikaInputStream.get(file, metadata)) {
                    parsers.get().parse(in, handler, metadata, context());
                } catch (Exception | StackOverflowError e) {
                    errors.incrementAndGet();
                }
                for (Metadata m : handler.getMetadataList()) {
                    documents.incrementAndGet();
                    String text = m.get(TikaCoreProperties.TIKA_CONTENT);
                    characters.addAndGet(text == null ? 0 : text.length());
                }
                nanos[index] = System.nanoTime() - t0;
            }));
        }
        for (Future<?> job : jobs) {
            try {
                job.get(10, TimeUnit.MINUTES);
            } catch (java.util.concurrent.TimeoutException e) {
                errors.incrementAndGet();
                job.cancel(true);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdownNow();
        return RawSide.figures(seconds, files.size(), documents.get(), characters.get(), errors.get(), nanos);
    }
}

package no.govgraph.ingest.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.tika.config.ServiceLoader;
import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaConfigException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.PagedText;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.AutoDetectParserConfig;
import org.apache.tika.parser.DefaultParser;
import org.apache.tika.parser.DigestingParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ParserDecorator;
import org.apache.tika.parser.RecursiveParserWrapper;
import org.apache.tika.parser.digestutils.CommonsDigester;
import org.apache.tika.parser.external.CompositeExternalParser;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.ocr.TesseractOCRParser;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.AbstractRecursiveParserWrapperHandler;
import org.apache.tika.sax.ContentHandlerFactory;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Parses a file with Apache Tika in this process: {@link AutoDetectParser} inside a
 * {@link RecursiveParserWrapper}, so that every embedded document comes back on its own with its
 * metadata and text, each embedded document's bytes hashed (SHA-256) for its id.
 *
 * <p>Limits: an explicit write limit across the file, a cap on embedded documents, and Tika's
 * zip-bomb guard (nesting depth, compression ratio). When OCR is off the Tesseract parser is left
 * out of the parser altogether, so Tesseract is never started. Run this in a child process
 * ({@link ForkedTextExtractor}); in the process that holds the database use it only for trusted
 * files (tests, benchmarks).
 */
public final class TikaTextExtractor implements TextExtractor {

    private static final String SHA256_KEY = "X-TIKA:digest:SHA256";
    private static final String SKIPPED_KEY = "govgraph:not-parsed";
    private static final String UNSUPPORTED = "unsupported file type";
    private static final long MIN_EXPANSION_BYTES = 64L * 1024 * 1024;
    private static final int DIGEST_MARK_LIMIT = 1024 * 1024;

    private final ParserSettings settings;
    private final Parser parser;

    public TikaTextExtractor(ParserSettings settings) {
        this.settings = settings;
        this.parser = buildParser(settings);
    }

    private static Parser buildParser(ParserSettings settings) {
        MediaTypeRegistry registry = MediaTypeRegistry.getDefaultRegistry();
        ServiceLoader loader = new ServiceLoader(TikaTextExtractor.class.getClassLoader());
        // Tesseract only when OCR is asked for (added below); never the parsers that run whatever
        // external programs are installed (ffmpeg, exiftool, sox) on untrusted files.
        List<Class<? extends Parser>> excluded = List.of(TesseractOCRParser.class, CompositeExternalParser.class);
        List<Parser> parsers = new ArrayList<>();
        parsers.add(new DefaultParser(registry, loader, excluded));
        if (settings.ocr()) {
            parsers.add(tesseract(settings));
        }
        AutoDetectParser autoDetect = new AutoDetectParser(new DefaultDetector(), parsers.toArray(Parser[]::new));
        AutoDetectParserConfig config = new AutoDetectParserConfig();
        config.setOutputThreshold(ParserSettings.ZIP_BOMB_OUTPUT_THRESHOLD);
        config.setMaximumCompressionRatio(settings.maxCompressionRatio());
        config.setMaximumDepth(settings.maxNestingDepth());
        config.setMaximumPackageEntryDepth(settings.maxNestingDepth());
        autoDetect.setAutoDetectParserConfig(config);
        // The file itself is hashed by the importer; embedded documents are hashed here, for their ids.
        Parser digesting = new DigestingParser(autoDetect, new CommonsDigester(DIGEST_MARK_LIMIT, "sha256"), true);
        return new RecursiveParserWrapper(new EmbeddedGuard(digesting, settings.maxEmbeddingDepth()), true);
    }

    private static Parser tesseract(ParserSettings settings) {
        TesseractOCRParser tesseract = new TesseractOCRParser();
        if (settings.tesseractPath() != null) {
            tesseract.setTesseractPath(settings.tesseractPath());
        }
        try {
            tesseract.initialize(java.util.Map.of());
        } catch (TikaConfigException e) {
            throw new IllegalStateException("Tesseract could not be set up: " + e.getMessage(), e);
        }
        return tesseract;
    }

    private ParseContext context(ExpansionBudget expansion) {
        ParseContext context = new ParseContext();
        context.set(ExpansionBudget.class, expansion);
        PDFParserConfig pdf = new PDFParserConfig();
        pdf.setOcrStrategy(settings.ocr() ? PDFParserConfig.OCR_STRATEGY.AUTO : PDFParserConfig.OCR_STRATEGY.NO_OCR);
        context.set(PDFParserConfig.class, pdf);
        TesseractOCRConfig ocr = new TesseractOCRConfig();
        ocr.setSkipOcr(!settings.ocr());
        ocr.setLanguage(settings.ocrLanguages());
        context.set(TesseractOCRConfig.class, ocr);
        return context;
    }

    @Override
    public ExtractionResult extract(Path file) {
        ExtractionResult result = extract(file, null);
        if (result instanceof ExtractionResult.Failed failed
                && failed.reason().startsWith(UNSUPPORTED)
                && looksLikeText(file)) {
            // A text file of a type Tika knows no parser for (ISA-Tab, odd extensions): read it as text.
            ExtractionResult asText = extract(file, "text/plain");
            return asText instanceof ExtractionResult.Parsed ? asText : result;
        }
        return result;
    }

    private ExtractionResult extract(Path file, String forcedType) {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, String.valueOf(file.getFileName()));
        if (forcedType != null) {
            metadata.set(TikaCoreProperties.CONTENT_TYPE_USER_OVERRIDE, forcedType);
        }
        Collector collector = new Collector(settings);
        ExpansionBudget expansion = new ExpansionBudget(expansionLimit(file));
        Throwable failure = null;
        try (TikaInputStream in = TikaInputStream.get(file, metadata)) {
            parser.parse(in, collector, metadata, context(expansion));
        } catch (EncryptedDocumentException e) {
            return new ExtractionResult.Failed("encrypted (password protected): " + message(e));
        } catch (ZeroByteFileException e) {
            return new ExtractionResult.Failed("empty file (0 bytes)");
        } catch (IOException e) {
            if (collector.documents.isEmpty()) {
                return new ExtractionResult.Failed("could not read the file: " + message(e));
            }
            failure = e;
        } catch (OutOfMemoryError e) {
            throw e;
        } catch (Exception | StackOverflowError | LinkageError | AssertionError e) {
            if (WriteLimitReachedException.isWriteLimitReached(e)) {
                collector.truncated = true;
            } else {
                failure = e;
            }
        }
        if (expansion.exceeded()) {
            return new ExtractionResult.Failed("suspected zip bomb: its embedded documents expand to more than "
                    + expansion.limit() / (1024 * 1024) + " MB (" + settings.maxCompressionRatio()
                    + " times the file's size)");
        }
        return result(collector, failure);
    }

    /** Whether the file starts like text: no NUL bytes, and mostly printable, in its first 8 KB. */
    static boolean looksLikeText(Path file) {
        byte[] head = new byte[8192];
        int n;
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            return false;
        }
        if (n == 0) {
            return false;
        }
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = head[i] & 0xff;
            if (b == 0) {
                return false;
            }
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
                control++;
            }
        }
        return control * 100 < n;
    }

    /**
     * Most bytes the embedded documents of a file may expand to: the compression-ratio limit times
     * the file's size, and never less than {@link #MIN_EXPANSION_BYTES} (small Office files hold
     * highly compressible parts).
     */
    private long expansionLimit(Path file) {
        long size;
        try {
            size = java.nio.file.Files.size(file);
        } catch (IOException e) {
            size = 0;
        }
        return Math.max(MIN_EXPANSION_BYTES, size * settings.maxCompressionRatio());
    }

    private ExtractionResult result(Collector collector, Throwable failure) {
        if (collector.documents.isEmpty()) {
            return new ExtractionResult.Failed(
                    failure == null ? "the parser returned nothing" : "could not parse: " + message(failure));
        }
        List<ExtractedDocument> documents = new ArrayList<>();
        java.util.Set<String> tooDeep = new java.util.HashSet<>();
        for (ExtractedDocument d : collector.documents) {
            if (collector.unparsed.contains(d.idPath())) {
                tooDeep.add(d.parentIdPath());
            } else {
                documents.add(d);
            }
        }
        for (int i = 0; i < documents.size(); i++) {
            ExtractedDocument d = documents.get(i);
            if (tooDeep.contains(d.idPath()) && d.warning() == null) {
                documents.set(
                        i,
                        withWarning(
                                d,
                                "holds documents nested more than " + settings.maxEmbeddingDepth()
                                        + " levels deep: those were not parsed"));
            }
        }
        documents.sort(Comparator.comparing(ExtractedDocument::idPath, TikaTextExtractor::compareIdPaths));
        ExtractedDocument container = documents.get(0);
        if (!container.isContainer()) {
            return new ExtractionResult.Failed(
                    "could not parse: " + (failure == null ? "no result" : message(failure)));
        }
        boolean anyText = documents.stream().anyMatch(d -> !d.blocks().isEmpty());
        if (failure != null) {
            if (!anyText) {
                return new ExtractionResult.Failed("could not parse: " + message(failure));
            }
            // Broken but partly readable (e.g. a truncated PDF): keep what was read, say what broke.
            container = withWarning(container, "parsed only in part: " + message(failure));
            documents.set(0, container);
        }
        if (!anyText && documents.size() == 1 && collector.unsupported) {
            return new ExtractionResult.Failed(UNSUPPORTED + " (" + container.mediaType() + ")");
        }
        return new ExtractionResult.Parsed(documents);
    }

    private static ExtractedDocument withWarning(ExtractedDocument d, String warning) {
        return new ExtractedDocument(
                d.idPath(),
                d.name(),
                d.sha256(),
                d.size(),
                d.mediaType(),
                d.title(),
                d.author(),
                d.created(),
                d.modified(),
                d.pages(),
                d.truncated(),
                d.inline(),
                warning,
                d.blocks());
    }

    /** Orders {@code ""}, {@code /1}, {@code /1/2}, {@code /2}, {@code /10}: parents before children. */
    static int compareIdPaths(String a, String b) {
        String[] x = a.isEmpty() ? new String[0] : a.substring(1).split("/");
        String[] y = b.isEmpty() ? new String[0] : b.substring(1).split("/");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = compareSegments(x[i], y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    private static int compareSegments(String a, String b) {
        try {
            return Long.compare(Long.parseLong(a), Long.parseLong(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }

    static String message(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null
                && root.getCause() != root
                && (root.getMessage() == null || root instanceof org.xml.sax.SAXException)) {
            root = root.getCause();
        }
        String text = root.getMessage();
        String type = root.getClass().getSimpleName();
        if (text == null || text.isBlank()) {
            return type;
        }
        // Object ids (Parser@2c30c81d) differ from run to run and say nothing to a person.
        text = text.strip().replaceAll("\\s+", " ").replaceAll("@[0-9a-f]{5,}\\b", "");
        return (text.length() > 300 ? text.substring(0, 300) + "…" : text) + " (" + type + ")";
    }

    /**
     * Receives each document of the file as Tika finishes it (embedded ones first, the file itself
     * last) and keeps its metadata and text blocks.
     */
    private final class Collector extends AbstractRecursiveParserWrapperHandler {

        private final List<ExtractedDocument> documents = new ArrayList<>();
        private final java.util.Set<String> unparsed = new java.util.HashSet<>();
        private boolean truncated;
        private boolean unsupported;

        Collector(ParserSettings settings) {
            super(
                    new BlockHandlers(new StructuredTextHandler.WriteBudget(settings.writeLimit())),
                    settings.maxEmbedded());
        }

        @Override
        public void endEmbeddedDocument(ContentHandler handler, Metadata metadata) throws org.xml.sax.SAXException {
            super.endEmbeddedDocument(handler, metadata);
            ExtractedDocument document = document(handler, metadata, false);
            if (metadata.get(SKIPPED_KEY) != null) {
                unparsed.add(document.idPath());
            }
            documents.add(document);
        }

        @Override
        public void endDocument(ContentHandler handler, Metadata metadata) throws org.xml.sax.SAXException {
            super.endDocument(handler, metadata);
            String parsedBy = String.join(" ", metadata.getValues(TikaCoreProperties.TIKA_PARSED_BY));
            unsupported = parsedBy.isBlank() || parsedBy.endsWith("EmptyParser");
            documents.add(document(handler, metadata, true));
        }

        private ExtractedDocument document(ContentHandler handler, Metadata metadata, boolean container) {
            StructuredTextHandler text = (StructuredTextHandler) handler;
            List<TextBlock> blocks = text.blocks();
            boolean cut = text.truncated() || "true".equals(metadata.get(TikaCoreProperties.WRITE_LIMIT_REACHED));
            if (container) {
                cut |= truncated;
            }
            Integer pages = integer(metadata.get(PagedText.N_PAGES))
                    .or(() -> integer(metadata.get("meta:page-count")))
                    .orElse(text.pagesSeen() > 0 ? text.pagesSeen() : null);
            String warning = container ? null : firstLine(metadata.get(TikaCoreProperties.EMBEDDED_EXCEPTION));
            return new ExtractedDocument(
                    container
                            ? ""
                            : Optional.ofNullable(metadata.get(TikaCoreProperties.EMBEDDED_ID_PATH))
                                    .orElse("/?"),
                    container ? metadata.get(TikaCoreProperties.RESOURCE_NAME_KEY) : entryName(metadata),
                    container ? null : lower(metadata.get(SHA256_KEY)),
                    integer(metadata.get(Metadata.CONTENT_LENGTH))
                            .map(Integer::longValue)
                            .orElse(null),
                    mediaType(metadata.get(Metadata.CONTENT_TYPE)),
                    first(metadata, TikaCoreProperties.TITLE.getName(), "dc:subject"),
                    first(metadata, TikaCoreProperties.CREATOR.getName(), "Message-From", "meta:author"),
                    metadata.get(TikaCoreProperties.CREATED),
                    metadata.get(TikaCoreProperties.MODIFIED),
                    pages,
                    cut,
                    "INLINE".equals(metadata.get(TikaCoreProperties.EMBEDDED_RESOURCE_TYPE)),
                    warning,
                    blocks);
        }
    }

    /**
     * Guards each embedded document before it is hashed and parsed: documents nested deeper than
     * the limit are left unparsed (a zip quine would otherwise recurse until the embedded-document
     * cap), and the bytes read from embedded documents are counted against the file's
     * {@link ExpansionBudget}, so that a zip bomb is stopped while it expands rather than after it
     * has filled the disk (Tika spools large embedded documents to temporary files).
     */
    private static final class EmbeddedGuard extends ParserDecorator {

        private static final long serialVersionUID = 1L;
        private final int maxDepth;

        EmbeddedGuard(Parser parser, int maxDepth) {
            super(parser);
            this.maxDepth = maxDepth;
        }

        @Override
        public void parse(InputStream stream, ContentHandler handler, Metadata metadata, ParseContext context)
                throws IOException, SAXException, TikaException {
            int depth = integer(metadata.get(TikaCoreProperties.EMBEDDED_DEPTH)).orElse(0);
            if (depth > maxDepth) {
                metadata.set(SKIPPED_KEY, "nested more than " + maxDepth + " levels deep: not parsed");
                return;
            }
            ExpansionBudget budget = context.get(ExpansionBudget.class);
            if (budget == null) {
                super.parse(stream, handler, metadata, context);
                return;
            }
            if (budget.exceeded()) {
                throw new TikaException("suspected zip bomb: not parsed");
            }
            try {
                super.parse(new CountingStream(stream, budget), handler, metadata, context);
            } catch (IOException e) {
                if (budget.exceeded()) {
                    throw new TikaException("suspected zip bomb: stopped while expanding", e);
                }
                throw e;
            }
        }
    }

    /** Bytes expanded from the embedded documents of one file, against a limit. */
    static final class ExpansionBudget {
        private final long limit;
        private long used;
        private boolean exceeded;

        ExpansionBudget(long limit) {
            this.limit = limit;
        }

        long limit() {
            return limit;
        }

        boolean exceeded() {
            return exceeded;
        }

        void add(long bytes) throws IOException {
            used += bytes;
            if (used > limit) {
                exceeded = true;
                throw new IOException("suspected zip bomb: more than " + limit + " bytes expanded");
            }
        }
    }

    /** Counts what is read from an embedded document against the file's expansion budget. */
    private static final class CountingStream extends java.io.FilterInputStream {
        private final ExpansionBudget budget;

        CountingStream(InputStream in, ExpansionBudget budget) {
            super(in);
            this.budget = budget;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                budget.add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                budget.add(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            if (skipped > 0) {
                budget.add(skipped);
            }
            return skipped;
        }
    }

    /** A fresh {@link StructuredTextHandler} per document, all drawing on one write budget. */
    private record BlockHandlers(StructuredTextHandler.WriteBudget budget) implements ContentHandlerFactory {
        @Override
        public ContentHandler getNewContentHandler() {
            return new StructuredTextHandler(budget);
        }

        @Override
        public ContentHandler getNewContentHandler(OutputStream os, Charset charset) {
            return getNewContentHandler();
        }
    }

    /** The name under which an embedded document sits in its container, e.g. an archive entry's path. */
    private static String entryName(Metadata metadata) {
        String internal = metadata.get(TikaCoreProperties.INTERNAL_PATH);
        if (internal != null && !internal.isBlank()) {
            return internal.strip();
        }
        String path = metadata.get(TikaCoreProperties.EMBEDDED_RESOURCE_PATH);
        if (path != null && !path.isBlank()) {
            return path.substring(path.lastIndexOf('/') + 1);
        }
        String name = metadata.get(TikaCoreProperties.RESOURCE_NAME_KEY);
        return name == null || name.isBlank() ? "embedded" : name.strip();
    }

    private static String first(Metadata metadata, String... names) {
        for (String name : names) {
            for (String value : metadata.getValues(name)) {
                if (value != null && !value.isBlank()) {
                    String clean = value.strip().replaceAll("\\s+", " ");
                    return clean.length() > 500 ? clean.substring(0, 500) : clean;
                }
            }
        }
        return null;
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "application/octet-stream";
        }
        MediaType type = MediaType.parse(contentType);
        return type == null ? contentType : type.getBaseType().toString();
    }

    private static Optional<Integer> integer(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Long size(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String lower(String hex) {
        return hex == null ? null : hex.toLowerCase(Locale.ROOT);
    }

    private static String firstLine(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}

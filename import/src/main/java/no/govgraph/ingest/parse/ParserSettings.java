package no.govgraph.ingest.parse;

/**
 * How Tika parses one file: the limits that keep a hostile or broken file from exhausting the
 * parser, and whether to OCR.
 *
 * @param writeLimit most characters kept per file (the file and everything embedded in it);
 *     further text is cut and the document marked {@code truncated}
 * @param maxEmbedded most embedded documents parsed per file (archive entries, attachments …)
 * @param maxNestingDepth deepest nesting of XML elements that Tika's zip-bomb guard allows
 * @param maxEmbeddingDepth deepest nesting of documents inside documents (a zip in a zip in a mail …)
 *     that is parsed; deeper ones are recorded, not parsed
 * @param maxCompressionRatio zip-bomb guard: the embedded documents of a file may expand to at
 *     most this many times the file's size (and at least 64 MB); Tika's own guard uses the same
 *     ratio for characters out per byte in, once {@link #ZIP_BOMB_OUTPUT_THRESHOLD} characters are out
 * @param ocr whether to OCR images and scanned PDF pages with Tesseract; when false Tesseract is
 *     never called
 * @param ocrLanguages Tesseract languages, e.g. {@code nor+eng}
 * @param tesseractPath directory holding the {@code tesseract} program, or {@code null} for the PATH
 */
public record ParserSettings(
        int writeLimit,
        int maxEmbedded,
        int maxNestingDepth,
        int maxEmbeddingDepth,
        long maxCompressionRatio,
        boolean ocr,
        String ocrLanguages,
        String tesseractPath) {

    public static final int DEFAULT_WRITE_LIMIT = 10_000_000;
    public static final int DEFAULT_MAX_EMBEDDED = 10_000;
    public static final int DEFAULT_MAX_NESTING_DEPTH = 100;
    public static final int DEFAULT_MAX_EMBEDDING_DEPTH = 10;
    public static final long DEFAULT_MAX_COMPRESSION_RATIO = 100;
    /** Characters of output before the compression ratio is checked (Tika's default). */
    public static final long ZIP_BOMB_OUTPUT_THRESHOLD = 1_000_000;

    public static final String DEFAULT_OCR_LANGUAGES = "nor+eng";

    public static final ParserSettings DEFAULTS = new ParserSettings(
            DEFAULT_WRITE_LIMIT,
            DEFAULT_MAX_EMBEDDED,
            DEFAULT_MAX_NESTING_DEPTH,
            DEFAULT_MAX_EMBEDDING_DEPTH,
            DEFAULT_MAX_COMPRESSION_RATIO,
            false,
            DEFAULT_OCR_LANGUAGES,
            null);

    public ParserSettings {
        if (writeLimit <= 0
                || maxEmbedded < 0
                || maxNestingDepth <= 0
                || maxEmbeddingDepth <= 0
                || maxCompressionRatio <= 0) {
            throw new IllegalArgumentException("Parser limits must be positive");
        }
        if (ocrLanguages == null || !ocrLanguages.matches("[A-Za-z_]+(\\+[A-Za-z_]+)*")) {
            throw new IllegalArgumentException("OCR languages look like nor+eng, not '" + ocrLanguages + "'");
        }
    }

    public ParserSettings withOcr(boolean on) {
        return new ParserSettings(
                writeLimit,
                maxEmbedded,
                maxNestingDepth,
                maxEmbeddingDepth,
                maxCompressionRatio,
                on,
                ocrLanguages,
                tesseractPath);
    }

    public ParserSettings withWriteLimit(int limit) {
        return new ParserSettings(
                limit,
                maxEmbedded,
                maxNestingDepth,
                maxEmbeddingDepth,
                maxCompressionRatio,
                ocr,
                ocrLanguages,
                tesseractPath);
    }

    public ParserSettings withOcrLanguages(String languages) {
        return new ParserSettings(
                writeLimit,
                maxEmbedded,
                maxNestingDepth,
                maxEmbeddingDepth,
                maxCompressionRatio,
                ocr,
                languages,
                tesseractPath);
    }

    public ParserSettings withTesseractPath(String path) {
        return new ParserSettings(
                writeLimit,
                maxEmbedded,
                maxNestingDepth,
                maxEmbeddingDepth,
                maxCompressionRatio,
                ocr,
                ocrLanguages,
                path);
    }
}

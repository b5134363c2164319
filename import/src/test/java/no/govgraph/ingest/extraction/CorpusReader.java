package no.govgraph.ingest.extraction;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.govgraph.ingest.extraction.DocumentText.PassageText;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.RecursiveParserWrapper;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.sax.BasicContentHandlerFactory;
import org.apache.tika.sax.RecursiveParserWrapperHandler;

/**
 * For tests of the extractor without the pipeline: reads files with Tika in this process (fine for
 * a test; the product parses in a child JVM), one {@link DocumentText} per document and embedded
 * document, split into simple paragraph passages with their pages.
 */
final class CorpusReader {

    private static final Pattern PAGE = Pattern.compile("<div class=\"page\">");
    private static final int PASSAGE_CHARS = 1500;
    // Loading Tika's configuration is the slow part: once per test JVM.
    private static final AutoDetectParser PARSER = new AutoDetectParser();

    private CorpusReader() {}

    /** How passage text is laid out. */
    enum Layout {
        /** Lines as Tika writes them: a PDF's line breaks kept, table cells ended by tabs. */
        LINES,
        /**
         * As the import pipeline's passage splitter writes it: one line per paragraph, heading or
         * table row, white space inside a block collapsed to one space, cells joined by " | ".
         */
        BLOCKS
    }

    static List<DocumentText> read(Path file) throws Exception {
        return read(file, Layout.LINES);
    }

    static List<DocumentText> read(Path file, Layout layout) throws Exception {
        RecursiveParserWrapper wrapper = new RecursiveParserWrapper(PARSER);
        RecursiveParserWrapperHandler handler = new RecursiveParserWrapperHandler(
                new BasicContentHandlerFactory(BasicContentHandlerFactory.HANDLER_TYPE.XML, 10_000_000));
        try (InputStream in = TikaInputStream.get(file)) {
            ParseContext context = new ParseContext();
            TesseractOCRConfig noOcr = new TesseractOCRConfig();
            noOcr.setSkipOcr(true);
            context.set(TesseractOCRConfig.class, noOcr);
            wrapper.parse(in, handler, new Metadata(), context);
        }
        List<DocumentText> docs = new ArrayList<>();
        List<Metadata> all = handler.getMetadataList();
        for (int d = 0; d < all.size(); d++) {
            Metadata m = all.get(d);
            String xhtml = m.get(TikaCoreProperties.TIKA_CONTENT);
            if (xhtml == null) {
                continue;
            }
            String name = d == 0
                    ? file.getFileName().toString()
                    : Optional.ofNullable(m.get(TikaCoreProperties.RESOURCE_NAME_KEY))
                            .orElse("embedded-" + d);
            String id = sha256(file.getFileName() + "#" + d);
            docs.add(new DocumentText(
                    id,
                    name,
                    Optional.ofNullable(m.get(TikaCoreProperties.TITLE)),
                    "other",
                    Optional.empty(),
                    layout == Layout.LINES ? passages(id, xhtml) : blockPassages(id, xhtml)));
        }
        return docs;
    }

    static List<PassageText> passages(String docId, String xhtml) {
        String body = xhtml.contains("<body>") ? xhtml.substring(xhtml.indexOf("<body>")) : xhtml;
        List<String> pages = new ArrayList<>();
        Matcher m = PAGE.matcher(body);
        if (m.find()) {
            String[] parts = PAGE.split(body);
            for (int i = 1; i < parts.length; i++) {
                pages.add(text(parts[i]));
            }
        } else {
            pages.add(text(body));
        }
        List<PassageText> passages = new ArrayList<>();
        for (int p = 0; p < pages.size(); p++) {
            StringBuilder current = new StringBuilder();
            for (String para : pages.get(p).split("\n\\s*\n")) {
                if (para.isBlank()) {
                    continue;
                }
                if (current.length() + para.length() > PASSAGE_CHARS && current.length() > 0) {
                    passages.add(
                            new PassageText(docId + ":" + passages.size(), passages.size(), p + 1, current.toString()));
                    current.setLength(0);
                }
                current.append(current.length() > 0 ? "\n\n" : "").append(para.strip());
            }
            if (current.length() > 0) {
                passages.add(
                        new PassageText(docId + ":" + passages.size(), passages.size(), p + 1, current.toString()));
            }
        }
        return passages;
    }

    private static final Pattern BLOCK_TAG = Pattern.compile("<(/?)([a-zA-Z0-9]+)\\b([^>]*)>|([^<]+)", Pattern.DOTALL);
    private static final java.util.Set<String> BLOCKS = java.util.Set.of(
            "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br", "table", "ul", "ol", "pre", "blockquote");

    /** Blocks as the import pipeline's structured text handler makes them, packed into passages. */
    static List<PassageText> blockPassages(String docId, String xhtml) {
        String body = xhtml.contains("<body>") ? xhtml.substring(xhtml.indexOf("<body>")) : xhtml;
        List<Block> blocks = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        List<String> cells = new ArrayList<>();
        int page = 0;
        boolean inRow = false;
        Matcher m = BLOCK_TAG.matcher(body);
        while (m.find()) {
            if (m.group(4) != null) {
                text.append(m.group(4)
                        .replace("&lt;", "<")
                        .replace("&gt;", ">")
                        .replace("&quot;", "\"")
                        .replace("&amp;", "&"));
                continue;
            }
            boolean end = !m.group(1).isEmpty();
            String tag = m.group(2);
            if (tag.equals("tr")) {
                if (!end) {
                    flushBlock(blocks, text, page);
                    inRow = true;
                    cells.clear();
                } else {
                    inRow = false;
                    while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
                        cells.remove(cells.size() - 1);
                    }
                    if (!cells.isEmpty()) {
                        blocks.add(new Block(Math.max(page, 1), String.join(" | ", cells)));
                    }
                    text.setLength(0);
                }
                continue;
            }
            if (inRow) {
                if ((tag.equals("td") || tag.equals("th")) && end) {
                    cells.add(text.toString().replaceAll("\\s+", " ").strip());
                    text.setLength(0);
                } else if (tag.equals("td") || tag.equals("th")) {
                    text.setLength(0);
                } else {
                    text.append(' ');
                }
                continue;
            }
            if (tag.equals("div") && !end && m.group(3).contains("class=\"page\"")) {
                flushBlock(blocks, text, page);
                page++;
                continue;
            }
            if (tag.equals("head") || tag.equals("title")) {
                text.setLength(0);
                continue;
            }
            if (BLOCKS.contains(tag)) {
                flushBlock(blocks, text, page);
            }
        }
        flushBlock(blocks, text, page);
        List<PassageText> passages = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int currentPage = 1;
        for (Block b : blocks) {
            if (current.length() > 0
                    && (b.page() != currentPage || current.length() + b.text().length() > PASSAGE_CHARS)) {
                passages.add(new PassageText(
                        docId + ":" + passages.size(), passages.size(), currentPage, current.toString()));
                current.setLength(0);
            }
            currentPage = b.page();
            current.append(current.length() > 0 ? "\n" : "").append(b.text());
        }
        if (current.length() > 0) {
            passages.add(
                    new PassageText(docId + ":" + passages.size(), passages.size(), currentPage, current.toString()));
        }
        return passages;
    }

    private record Block(int page, String text) {}

    private static void flushBlock(List<Block> blocks, StringBuilder text, int page) {
        for (String paragraph : text.toString().split("\\n[ \\t]*\\n")) {
            if (paragraph.contains("\t") && paragraph.contains("\n")) {
                // Plain text with tab-separated lines is a table: one row per line.
                for (String line : paragraph.split("\n")) {
                    String row = line.strip().replace("\t", " | ").replaceAll("[ \\u00A0]+", " ");
                    if (!row.isBlank()) {
                        blocks.add(new Block(Math.max(page, 1), row));
                    }
                }
                continue;
            }
            String clean = paragraph.replaceAll("[\\s\\u00A0]+", " ").strip();
            if (!clean.isEmpty()) {
                blocks.add(new Block(Math.max(page, 1), clean));
            }
        }
        text.setLength(0);
    }

    /** XHTML to text as a pipeline would: blocks end lines, cells end with a tab. */
    static String text(String xhtml) {
        String s = xhtml.replaceAll("(?s)<head>.*?</head>", "");
        s = s.replaceAll("</(p|h[1-6]|div|li|tr|title)>", "\n").replaceAll("<br\\s*/?>", "\n");
        s = s.replaceAll("</t[dh]>", "\t");
        s = s.replaceAll("<p[^>]*/>", "\n");
        s = s.replaceAll("<[^>]+>", "");
        s = s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
        return s;
    }

    private static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes()));
    }

    static List<Path> files(Path dir) throws Exception {
        try (var stream = Files.list(dir)) {
            return stream.filter(p -> !p.getFileName().toString().equals("INDEX"))
                    .sorted()
                    .toList();
        }
    }
}

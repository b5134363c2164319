package no.govgraph.ingest.parse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.tika.exception.WriteLimitReachedException;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Turns Tika's XHTML events for one document into {@link TextBlock}s: paragraphs, headings and
 * table rows, each with the page it is on (from the PDF parser's {@code <div class="page">}).
 * Keeping the layout lets the passage splitter cut between paragraphs and never inside a table row.
 *
 * <p>The handler counts characters against a {@link WriteBudget} shared by all documents of a
 * file and stops the parse with Tika's {@link WriteLimitReachedException} when it is spent.
 */
final class StructuredTextHandler extends DefaultHandler {

    /** Elements whose start or end closes the text gathered so far into a block. */
    private static final Set<String> BLOCK_ELEMENTS = Set.of(
            "p",
            "div",
            "li",
            "ul",
            "ol",
            "dl",
            "dt",
            "dd",
            "pre",
            "blockquote",
            "section",
            "article",
            "header",
            "footer",
            "aside",
            "nav",
            "main",
            "table",
            "thead",
            "tbody",
            "tfoot",
            "caption",
            "form",
            "fieldset",
            "address",
            "figure",
            "figcaption",
            "hr",
            "br",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6");

    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

    /** Elements whose text is not document text. */
    private static final Set<String> SKIPPED = Set.of("head", "title", "script", "style", "meta");

    private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t\\x0B\\f\\u00A0]*\\n");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2028\\u2029]+");
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0E-\\x1F\\x7F]");

    private final WriteBudget budget;
    private final List<TextBlock> blocks = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private final List<String> cells = new ArrayList<>();
    private final Deque<Boolean> skippedDivs = new ArrayDeque<>();
    private int page = 0;
    private int skipDepth = 0;
    private int rowDepth = 0;
    private int headingDepth = 0;
    private boolean truncated;

    StructuredTextHandler(WriteBudget budget) {
        this.budget = budget;
    }

    List<TextBlock> blocks() {
        flush();
        return List.copyOf(blocks);
    }

    boolean truncated() {
        return truncated;
    }

    /** Pages seen ({@code <div class="page">}), 0 for formats without them. */
    int pagesSeen() {
        return page;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) {
        String name = name(localName, qName);
        if (name.equals("div")) {
            // Tika names each archive entry in its container's text; the entry is a document of its own.
            boolean entry = "package-entry".equals(atts.getValue("class"));
            skippedDivs.push(entry);
            if (entry) {
                skipDepth++;
                return;
            }
        }
        if (SKIPPED.contains(name)) {
            skipDepth++;
            return;
        }
        if (skipDepth > 0) {
            return;
        }
        if (name.equals("div") && "page".equals(atts.getValue("class"))) {
            flush();
            page++;
            return;
        }
        if (name.equals("tr")) {
            if (rowDepth++ == 0) {
                flush();
                cells.clear();
            }
            return;
        }
        if (rowDepth > 0) {
            if ((name.equals("td") || name.equals("th")) && rowDepth == 1) {
                text.setLength(0);
            } else if (BLOCK_ELEMENTS.contains(name)) {
                text.append(' ');
            }
            return;
        }
        if (BLOCK_ELEMENTS.contains(name)) {
            flush();
            if (HEADINGS.contains(name)) {
                headingDepth++;
            }
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        String name = name(localName, qName);
        if (name.equals("div") && !skippedDivs.isEmpty() && skippedDivs.pop()) {
            skipDepth = Math.max(0, skipDepth - 1);
            return;
        }
        if (SKIPPED.contains(name)) {
            skipDepth = Math.max(0, skipDepth - 1);
            return;
        }
        if (skipDepth > 0) {
            return;
        }
        if (name.equals("tr")) {
            if (rowDepth > 0 && --rowDepth == 0) {
                if (!text.isEmpty()) {
                    cells.add(collapse(text));
                }
                text.setLength(0);
                emitRow();
            }
            return;
        }
        if (rowDepth > 0) {
            if ((name.equals("td") || name.equals("th")) && rowDepth == 1) {
                cells.add(collapse(text));
                text.setLength(0);
            } else if (BLOCK_ELEMENTS.contains(name)) {
                text.append(' ');
            }
            return;
        }
        if (BLOCK_ELEMENTS.contains(name)) {
            flush();
            if (HEADINGS.contains(name)) {
                headingDepth = Math.max(0, headingDepth - 1);
            }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        if (skipDepth > 0) {
            return;
        }
        int allowed = budget.take(length);
        text.append(ch, start, allowed);
        if (allowed < length) {
            truncated = true;
            throw new WriteLimitReachedException(budget.limit());
        }
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) {
        if (skipDepth == 0) {
            text.append(' ');
        }
    }

    @Override
    public void endDocument() {
        flush();
    }

    /** Tika's RecursiveParserWrapperHandler stores this as the document's content; we read blocks() instead. */
    @Override
    public String toString() {
        return "";
    }

    private void emitRow() {
        int last = cells.size();
        while (last > 0 && cells.get(last - 1).isEmpty()) {
            last--;
        }
        if (last == 0) {
            return;
        }
        String row = String.join(" | ", cells.subList(0, last));
        if (!row.isBlank()) {
            blocks.add(new TextBlock(currentPage(), TextBlock.Kind.ROW, row));
        }
        cells.clear();
    }

    private void flush() {
        if (text.isEmpty()) {
            return;
        }
        String raw = CONTROL.matcher(text.toString().replace("\r\n", "\n").replace('\r', '\n'))
                .replaceAll("");
        text.setLength(0);
        TextBlock.Kind kind = headingDepth > 0 ? TextBlock.Kind.HEADING : TextBlock.Kind.PARAGRAPH;
        for (String paragraph : BLANK_LINE.split(raw)) {
            if (paragraph.indexOf('\t') >= 0 && paragraph.indexOf('\n') >= 0) {
                // Plain text with tab-separated lines is a table: one row per line.
                for (String line : paragraph.split("\n")) {
                    addBlock(line.contains("\t") ? TextBlock.Kind.ROW : kind, line.replace("\t", " | "));
                }
            } else {
                addBlock(kind, paragraph.replace("\t", " "));
            }
        }
    }

    private void addBlock(TextBlock.Kind kind, String raw) {
        String clean = SPACES.matcher(raw).replaceAll(" ").strip();
        if (!clean.isEmpty()) {
            blocks.add(new TextBlock(currentPage(), kind, clean));
        }
    }

    private int currentPage() {
        return Math.max(1, page);
    }

    private static String collapse(CharSequence s) {
        String clean = CONTROL.matcher(s).replaceAll("");
        return SPACES.matcher(clean).replaceAll(" ").strip();
    }

    private static String name(String localName, String qName) {
        String n = localName == null || localName.isEmpty() ? qName : localName;
        int colon = n.indexOf(':');
        return (colon >= 0 ? n.substring(colon + 1) : n).toLowerCase(Locale.ROOT);
    }

    /** Characters left for one file, shared by its container and embedded documents. */
    static final class WriteBudget {
        private final int limit;
        private int used;

        WriteBudget(int limit) {
            this.limit = limit;
        }

        int limit() {
            return limit;
        }

        /** Takes up to {@code wanted} characters; returns how many are granted. */
        int take(int wanted) {
            int granted = Math.max(0, Math.min(wanted, limit - used));
            used += granted;
            return granted;
        }
    }
}

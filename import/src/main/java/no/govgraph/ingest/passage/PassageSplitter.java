package no.govgraph.ingest.passage;

import java.util.ArrayList;
import java.util.List;
import no.govgraph.ingest.parse.TextBlock;

/**
 * Cuts a document's text blocks into passages of a few hundred to about 1,500 characters.
 *
 * <p>Rules, in order: a passage never spans two pages (so its page is exact); a heading starts a new
 * passage once the current one has some body; blocks are added while the passage stays within
 * {@link #MAX_CHARS}; a paragraph longer than that is cut at sentence ends (or, failing those, at
 * spaces); a table row is never cut, unless it alone exceeds {@link #MAX_ROW_CHARS}, when it is cut
 * between cells. Blocks in a passage are joined by line breaks, so each table row stays one line.
 */
public final class PassageSplitter {

    /** Target size: passages grow up to this many characters. */
    public static final int MAX_CHARS = 1_500;

    /** A heading starts a new passage once the current one has this many characters. */
    public static final int MIN_CHARS = 300;

    /** A single table row longer than this is cut between cells after all. */
    public static final int MAX_ROW_CHARS = 6_000;

    private PassageSplitter() {}

    public static List<Passage> split(List<TextBlock> blocks) {
        Builder builder = new Builder();
        for (TextBlock block : blocks) {
            for (TextBlock piece : pieces(block)) {
                builder.add(piece);
            }
        }
        builder.emit();
        return builder.passages;
    }

    /** The block itself, or the parts of a block too long for one passage. */
    static List<TextBlock> pieces(TextBlock block) {
        String text = block.text();
        if (block.kind() == TextBlock.Kind.ROW) {
            if (text.length() <= MAX_ROW_CHARS) {
                return List.of(block);
            }
            return cut(block, MAX_ROW_CHARS, " | ");
        }
        if (text.length() <= MAX_CHARS) {
            return List.of(block);
        }
        return cut(block, MAX_CHARS, null);
    }

    private static List<TextBlock> cut(TextBlock block, int max, String preferredBreak) {
        List<TextBlock> parts = new ArrayList<>();
        String rest = block.text();
        while (rest.length() > max) {
            int at = breakPoint(rest, max, preferredBreak);
            parts.add(new TextBlock(
                    block.page(), block.kind(), rest.substring(0, at).strip()));
            rest = rest.substring(at).strip();
        }
        if (!rest.isEmpty()) {
            parts.add(new TextBlock(block.page(), block.kind(), rest));
        }
        return parts;
    }

    /** Where to cut {@code text} at or before {@code max}: after a separator, a sentence or a space. */
    private static int breakPoint(String text, int max, String preferredBreak) {
        int floor = max / 2;
        if (preferredBreak != null) {
            int at = text.lastIndexOf(preferredBreak, max - preferredBreak.length());
            if (at >= floor) {
                return at + preferredBreak.length();
            }
        }
        for (int i = max - 1; i >= floor; i--) {
            char c = text.charAt(i);
            if ((c == '.' || c == '!' || c == '?' || c == ';') && i + 1 < text.length() && text.charAt(i + 1) == ' ') {
                return i + 1;
            }
        }
        int space = text.lastIndexOf(' ', max);
        return space >= floor ? space : max;
    }

    private static final class Builder {
        private final List<Passage> passages = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private int page = 1;
        private boolean onlyHeadings = true;

        void add(TextBlock block) {
            boolean newPage = !text.isEmpty() && block.page() != page;
            boolean heading = block.kind() == TextBlock.Kind.HEADING && !onlyHeadings && text.length() >= MIN_CHARS;
            boolean full = !text.isEmpty() && text.length() + 1 + block.text().length() > MAX_CHARS;
            if (newPage || heading || full) {
                emit();
            }
            if (text.isEmpty()) {
                page = block.page();
            } else {
                text.append('\n');
            }
            text.append(block.text());
            onlyHeadings &= block.kind() == TextBlock.Kind.HEADING;
        }

        void emit() {
            if (!text.isEmpty()) {
                passages.add(new Passage(passages.size(), page, text.toString()));
                text.setLength(0);
                onlyHeadings = true;
            }
        }
    }
}

package no.govgraph.backend.search;

import io.micronaut.serde.annotation.Serdeable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A piece of text with the words that matched marked by ranges, so that clients render the text as
 * text and emphasise the ranges themselves (no markup ever travels inside document text).
 *
 * @param text the excerpt, with "…" where it was cut
 * @param highlights where the matches are, as {@code [start, end)} offsets into {@code text} in
 *     UTF-16 code units (JavaScript string indices)
 */
@Serdeable
public record Snippet(String text, List<Range> highlights) {

    /** The longest excerpt of a passage. */
    static final int LENGTH = 240;

    public Snippet {
        highlights = List.copyOf(highlights);
    }

    /** A {@code [start, end)} range of a text. */
    @Serdeable
    public record Range(int start, int end) {}

    /** The excerpt of {@code text} around its first match, with every match in it marked. */
    static Snippet of(String text, List<LuceneQuery.Term> terms, int maxLength) {
        List<Range> matches = matches(text, terms);
        if (text.length() <= maxLength) {
            return new Snippet(text, matches);
        }
        int first = matches.isEmpty() ? 0 : matches.get(0).start();
        int start = Math.max(0, first - maxLength / 3);
        while (start > 0 && start < first && !Character.isWhitespace(text.charAt(start - 1))) {
            start++;
        }
        int end = Math.min(text.length(), start + maxLength);
        while (end < text.length() && end > start + maxLength / 2 && !Character.isWhitespace(text.charAt(end))) {
            end--;
        }
        String prefix = start > 0 ? "…" : "";
        String suffix = end < text.length() ? "…" : "";
        int shift = prefix.length() - start;
        List<Range> inside = new ArrayList<>();
        for (Range r : matches) {
            if (r.start() >= start && r.end() <= end) {
                inside.add(new Range(r.start() + shift, r.end() + shift));
            }
        }
        return new Snippet(prefix + text.substring(start, end) + suffix, inside);
    }

    /** Every word of {@code text} that a term matches (whole word, or word start for a wildcard term). */
    static List<Range> matches(String text, List<LuceneQuery.Term> terms) {
        List<Range> ranges = new ArrayList<>();
        if (terms.isEmpty()) {
            return ranges;
        }
        int i = 0;
        while (i < text.length()) {
            if (!Character.isLetterOrDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < text.length() && Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            String word = text.substring(start, i).toLowerCase(Locale.ROOT);
            for (LuceneQuery.Term t : terms) {
                if (t.prefix() ? word.startsWith(t.text()) : word.equals(t.text())) {
                    ranges.add(new Range(start, i));
                    break;
                }
            }
        }
        return ranges;
    }
}

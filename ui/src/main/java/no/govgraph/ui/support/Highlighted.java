package no.govgraph.ui.support;

import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Text with marked ranges, built from text nodes only: the ranges come as offsets from the backend,
 * so no markup ever travels inside document text and nothing is parsed as HTML.
 */
public final class Highlighted {

    /** A {@code [start, end)} range in UTF-16 offsets, with an optional link target and title. */
    public record Range(int start, int end, String cssClass, String title) {}

    private Highlighted() {}

    /** A span holding {@code text} with each range wrapped in a span of its class. */
    public static Span of(String text, List<Range> ranges) {
        Span out = new Span();
        String s = text == null ? "" : text;
        List<Range> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparingInt(Range::start));
        int at = 0;
        for (Range r : sorted) {
            int start = Math.max(at, Math.min(r.start(), s.length()));
            int end = Math.max(start, Math.min(r.end(), s.length()));
            if (start > at) {
                out.add(new Span(s.substring(at, start)));
            }
            if (end > start) {
                Span mark = new Span(s.substring(start, end));
                mark.addClassNames(r.cssClass().split(" "));
                if (r.title() != null) {
                    mark.setTitle(r.title());
                }
                mark.getStyle()
                        .set("background", "var(--lumo-primary-color-10pct)")
                        .set("border-bottom", "2px solid var(--lumo-primary-color-50pct)")
                        .set("border-radius", "2px");
                out.add(mark);
            }
            at = Math.max(at, end);
        }
        if (at < s.length()) {
            out.add(new Span(s.substring(at)));
        }
        return out;
    }
}

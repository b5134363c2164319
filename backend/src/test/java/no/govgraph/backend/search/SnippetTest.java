package no.govgraph.backend.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SnippetTest {

    @Test
    void marksWholeWordsAnyCase() {
        Snippet s = Snippet.of("NAV Frogner og frognerparken", List.of(new LuceneQuery.Term("frogner", false)), 240);
        assertThat(s.highlights()).containsExactly(new Snippet.Range(4, 11));
    }

    @Test
    void cutsLongTextAroundTheFirstMatchAndShiftsTheRanges() {
        String text = "a ".repeat(300) + "Frogner" + " b".repeat(300);
        Snippet s = Snippet.of(text, List.of(new LuceneQuery.Term("frogner", false)), 100);
        assertThat(s.text()).startsWith("…").endsWith("…").hasSizeLessThanOrEqualTo(102);
        Snippet.Range r = s.highlights().get(0);
        assertThat(s.text().substring(r.start(), r.end())).isEqualTo("Frogner");
    }

    @Test
    void keepsMarkupAsText() {
        Snippet s = Snippet.of("<b>bold</b>", List.of(new LuceneQuery.Term("bold", false)), 240);
        assertThat(s.text()).isEqualTo("<b>bold</b>");
        assertThat(s.highlights()).containsExactly(new Snippet.Range(3, 7));
    }
}

package no.govgraph.ui.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.dom.Element;
import java.util.List;
import org.junit.jupiter.api.Test;

class HighlightedTest {

    @Test
    void marksRangesWithTextNodesOnly() {
        String text = "<script>alert(1)</script> met Nav Frogner";
        Span span = Highlighted.of(
                text, List.of(new Highlighted.Range(30, 41, "mention mention-Office", "Office: Nav Frogner")));

        assertThat(span.getElement().getTextRecursively()).isEqualTo(text);
        List<Element> children = span.getElement().getChildren().toList();
        assertThat(children).hasSize(2);
        assertThat(children.get(0).getText()).isEqualTo("<script>alert(1)</script> met ");
        assertThat(children.get(1).getText()).isEqualTo("Nav Frogner");
        assertThat(children.get(1).getClassList()).containsExactlyInAnyOrder("mention", "mention-Office");
        assertThat(children.get(1).getAttribute("title")).isEqualTo("Office: Nav Frogner");
    }

    @Test
    void toleratesOverlappingAndOutOfRangeOffsets() {
        Span span = Highlighted.of(
                "abcdef",
                List.of(
                        new Highlighted.Range(4, 99, "hl", null),
                        new Highlighted.Range(1, 3, "hl", null),
                        new Highlighted.Range(2, 5, "hl", null)));

        assertThat(span.getElement().getTextRecursively()).isEqualTo("abcdef");
        assertThat(span.getElement().getChildren().map(Element::getText).toList())
                .containsExactly("a", "bc", "de", "f");
    }
}

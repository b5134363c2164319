package no.govgraph.ingest.passage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import no.govgraph.ingest.parse.TextBlock;
import no.govgraph.ingest.parse.TextBlock.Kind;
import org.junit.jupiter.api.Test;

class PassageSplitterTest {

    private static TextBlock p(int page, String text) {
        return new TextBlock(page, Kind.PARAGRAPH, text);
    }

    private static String words(int chars, String word) {
        StringBuilder s = new StringBuilder();
        while (s.length() < chars) {
            s.append(word).append(' ');
        }
        return s.toString().strip();
    }

    @Test
    void joinsShortParagraphsIntoOnePassage() {
        List<Passage> passages = PassageSplitter.split(List.of(p(1, "Første avsnitt."), p(1, "Andre avsnitt.")));

        assertThat(passages).containsExactly(new Passage(0, 1, "Første avsnitt.\nAndre avsnitt."));
    }

    @Test
    void keepsPassagesWithinTheSizeLimitAndIndexesThemInOrder() {
        List<TextBlock> blocks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            blocks.add(p(1, words(400, "ord" + i)));
        }
        List<Passage> passages = PassageSplitter.split(blocks);

        assertThat(passages).hasSizeGreaterThan(5);
        assertThat(passages)
                .allSatisfy(x -> assertThat(x.text().length()).isLessThanOrEqualTo(PassageSplitter.MAX_CHARS));
        assertThat(passages).extracting(Passage::index).containsExactlyElementsOf(range(passages.size()));
        assertThat(String.join("\n", passages.stream().map(Passage::text).toList()))
                .isEqualTo(
                        String.join("\n", blocks.stream().map(TextBlock::text).toList()));
    }

    @Test
    void neverSpansTwoPagesSoEachPassageKnowsItsPage() {
        List<Passage> passages =
                PassageSplitter.split(List.of(p(1, "Side en."), p(2, "Side to."), p(2, "Mer på to."), p(5, "Fem.")));

        assertThat(passages).extracting(Passage::page).containsExactly(1, 2, 5);
        assertThat(passages.get(1).text()).isEqualTo("Side to.\nMer på to.");
    }

    @Test
    void neverCutsATableRow() {
        String row = words(1_400, "celle |");
        List<TextBlock> blocks = List.of(
                p(1, words(700, "tekst")),
                new TextBlock(1, Kind.ROW, row),
                new TextBlock(1, Kind.ROW, "Sum | 12 | 14"));

        List<Passage> passages = PassageSplitter.split(blocks);

        assertThat(passages).anySatisfy(x -> assertThat(x.text().lines()).contains(row));
        assertThat(passages.stream().flatMap(x -> x.text().lines())).contains("Sum | 12 | 14");
        assertThat(passages.get(0).text()).doesNotContain("celle");
    }

    @Test
    void cutsAnOverlongParagraphAtSentenceEnds() {
        String sentence = "Dette er en setning som gjentas for å lage et langt avsnitt. ";
        String text = sentence.repeat(80).strip();

        List<Passage> passages = PassageSplitter.split(List.of(p(3, text)));

        assertThat(passages).hasSizeGreaterThan(2);
        assertThat(passages).allSatisfy(x -> {
            assertThat(x.text().length()).isLessThanOrEqualTo(PassageSplitter.MAX_CHARS);
            assertThat(x.text()).endsWith("avsnitt.");
            assertThat(x.page()).isEqualTo(3);
        });
    }

    @Test
    void startsANewPassageAtAHeadingOnceThereIsBody() {
        List<TextBlock> blocks = List.of(
                new TextBlock(1, Kind.HEADING, "Innledning"),
                p(1, words(400, "innledning")),
                new TextBlock(1, Kind.HEADING, "Mål"),
                p(1, "Flere i arbeid."));

        List<Passage> passages = PassageSplitter.split(blocks);

        assertThat(passages).hasSize(2);
        assertThat(passages.get(0).text()).startsWith("Innledning\n");
        assertThat(passages.get(1).text()).isEqualTo("Mål\nFlere i arbeid.");
    }

    @Test
    void givesNothingForNoText() {
        assertThat(PassageSplitter.split(List.of())).isEmpty();
    }

    private static List<Integer> range(int n) {
        List<Integer> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(i);
        }
        return list;
    }
}

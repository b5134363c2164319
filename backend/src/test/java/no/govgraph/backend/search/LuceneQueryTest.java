package no.govgraph.backend.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LuceneQueryTest {

    @ParameterizedTest
    @CsvSource(
            delimiterString = "=>",
            textBlock =
                    """
            Frogner => Frogner
            "balansert målstyring" => "balansert målstyring"
            lean AND frogner => lean AND frogner
            +lean -frogner => +lean -frogner
            (lean OR kaizen) => (lean OR kaizen)
            leder* => leder*
            frogner~ => frogner~
            frogner~2 => frogner~2
            text:Frogner => text\\:Frogner
            "unclosed => \\"unclosed
            Frogner) => Frogner\\)
            *lean => \\*lean
            /regex/ => \\/regex\\/
            [a TO z} => \\[a TO z\\}
            Frogner^10 => Frogner\\^10
            a-b => a\\-b
            """)
    void keepsDeliberateSyntaxAndEscapesTheRest(String input, String expected) {
        assertThat(LuceneQuery.sanitize(input)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiterString = "=>",
            textBlock =
                    """
            a:b => a\\:b
            AND => and
            "x" OR => \\"x\\" or
            """)
    void escapesEverythingAsPlainWords(String input, String expected) {
        assertThat(LuceneQuery.escapeAll(input)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void extractsTheWordsToHighlight() {
        assertThat(LuceneQuery.terms("\"Balansert målstyring\" AND led* -NOT"))
                .containsExactly(
                        new LuceneQuery.Term("balansert", false),
                        new LuceneQuery.Term("målstyring", false),
                        new LuceneQuery.Term("led", true));
        assertThat(Snippet.matches("Lederen leder NAV", List.of(new LuceneQuery.Term("led", true))))
                .hasSize(2);
    }
}

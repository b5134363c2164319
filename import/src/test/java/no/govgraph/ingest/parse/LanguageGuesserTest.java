package no.govgraph.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageGuesserTest {

    private static final LanguageGuesser GUESSER = new LanguageGuesser();

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            nb | Samarbeidsavtalen mellom Nav Frogner og Oslo kommune gjelder fra 1. januar 2015. Partene skal sammen arbeide for at flere kommer i arbeid, og at færre blir stående utenfor arbeidslivet.
            nn | Samarbeidsavtalen mellom Nav Voss og Voss herad gjeld frå 1. januar 2015. Partane skal saman arbeide for at fleire kjem i arbeid, og at færre vert ståande utanfor arbeidslivet. Kommunen og staten er samde om kva som skal gjerast.
            nn | Leiaren seier at dei ikkje har hatt mykje tid til å vere med, men eg trur det går bra.
            nb | Lederen sier at de ikke har hatt mye tid til å være med, men jeg tror det går bra.
            en | The partnership agreement between the NAV office and the municipality applies from January 2015. The parties shall work together so that more people get into work.
            de | Der Vertrag zwischen dem Amt und der Gemeinde gilt ab Januar 2015. Die Parteien arbeiten zusammen, damit mehr Menschen Arbeit finden.
            """)
    void tellsNorwegianVarietiesAndOtherLanguagesApart(String expected, String text) {
        assertThat(GUESSER.guess(text)).contains(expected);
    }

    @Test
    void saysNothingAboutTooLittleText() {
        assertThat(GUESSER.guess("Ja.")).isEmpty();
        assertThat(GUESSER.guess("12 345 678 90")).isEmpty();
    }

    @Test
    void markerWordsDecideBetweenBokmalAndNynorsk() {
        assertThat(LanguageGuesser.norwegianVariety("eg veit ikkje kva dei meiner", "nob"))
                .isEqualTo("nn");
        assertThat(LanguageGuesser.norwegianVariety("jeg vet ikke hva de mener", "nno"))
                .isEqualTo("nb");
        assertThat(LanguageGuesser.norwegianVariety("Nav Frogner", "nno")).isEqualTo("nn");
    }
}

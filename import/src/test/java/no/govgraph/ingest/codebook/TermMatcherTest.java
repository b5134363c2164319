package no.govgraph.ingest.codebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TermMatcherTest {

    private static final TermMatcher MATCHER = new TermMatcher(Codebook.defaults());

    private static List<String> ids(String text) {
        return MATCHER.find(text.replace("\\n", "\n")).stream()
                .map(m -> m.term().id())
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = ';',
            textBlock =
                    """
            Vi bruker tavlemøtene hver dag                                      ; tool:tavlemoter
            Målekortet følges opp månedlig                                      ; tool:balansert-malstyring
            Kontoret har en virksomhets-\\nplan                                 ; tool:virksomhetsplan
            Vi har laget virksomhetsplanen                                      ; tool:virksomhetsplan
            Alle team held tavlemøta kvar veke                                  ; tool:tavlemoter
            Brukarundersøkinga vert gjennomført i september                     ; tool:brukerundersokelse
            ROS-analysen av mottaket                                            ; tool:risikovurdering
            Medarbeidarsamtalane held ho sjølv                                  ; tool:medarbeidersamtale
            Visual management boards were introduced                            ; tool:tavlemoter
            Mål- og disponerings-\\nbrevet for 2019                             ; tool:mal-og-disponeringsbrev
            MDB for 2019                                                        ; tool:mal-og-disponeringsbrev
            Overgangen til arbeid var 62,4 prosent                              ; outcome:overgang-til-arbeid
            overgang til arbeid for personer med nedsatt arbeidsevne            ; outcome:overgang-til-arbeid-for-personer-med-nedsatt-arbeidsevne
            Overgang til arbeid for personer med\\nnedsatt arbeidsevne 38,5 %   ; outcome:overgang-til-arbeid-for-personer-med-nedsatt-arbeidsevne
            Sakshandsamingstida for økonomisk sosialhjelp                       ; outcome:saksbehandlingstid-okonomisk-sosialhjelp
            Dialogmøte 2 innen 26 uker                                          ; outcome:dialogmote-2
            Unge sosialhjelpsmottakere under 25 år                              ; outcome:unge-sosialhjelpsmottakere
            Sjukefråvær blant tilsette                                          ; outcome:sykefravaer-blant-ansatte
            NAV-kontoret i Fredrikstad                                          ; office:0106
            Grünerløkka NAV-kontor startet                                      ; office:0315
            Nav Lerkendal                                                       ; office:5702
            NAV Harstad                                                         ; office:1901
            the NAV office in Tromsø                                            ; office:1902
            Bærum kommune                                                       ; partner:baerum-kommune
            Tromsø municipality                                                 ; partner:tromso-kommune
            Avtalen mellom Voss herad og NAV Vestland                           ; partner:voss-herad partner:nav-vestland
            Oslo kommune ved bydel Frogner                                      ; partner:oslo-kommune partner:bydel-frogner
            NAV Vestfold og Telemark                                            ; partner:nav-vestfold-og-telemark
            Arbeids- og velferdsdirektoratet                                    ; partner:arbeids-og-velferdsdirektoratet
            Nord-Odal kommune                                                   ; partner:nord-odal-kommune
            Hver kommune skal                                                   ; ''
            Han kan lene seg på teamet                                          ; ''
            """)
    void findsTheLongestTermInAnyInflection(String text, String expected) {
        List<String> want = expected == null || expected.isBlank() ? List.of() : List.of(expected.split(" "));
        assertThat(ids(text)).isEqualTo(want);
    }

    @ParameterizedTest
    @CsvSource(
            textBlock =
                    """
            tavlemøte, tavlemøtene, true
            målekort, målekortet, true
            virksomhetsplan, virksomhetsplaner, true
            sosialhjelpsmottakere, sosialhjelpsmottakerne, true
            brukartilfredsheit, brukartilfredsheita, true
            lean, leaning, false
            plan, planlegging, false
            """)
    void inflectsNorwegianNouns(String base, String word, boolean expected) {
        assertThat(TermMatcher.inflects(base, word)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            textBlock =
                    """
            Nav Grünerløkka, nav-grunerlokka
            Arbeids- og velferdsetaten, arbeids-og-velferdsetaten
            Mål- og disponeringsbrev, mal-og-disponeringsbrev
            Kari S. Holm, kari-s-holm
            """)
    void slugsFollowTheDataModel(String text, String slug) {
        assertThat(Slugs.slug(text)).isEqualTo(slug);
    }
}

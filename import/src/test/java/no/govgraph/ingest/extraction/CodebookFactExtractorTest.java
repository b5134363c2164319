package no.govgraph.ingest.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import no.govgraph.ingest.extraction.DocumentText.PassageText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The hard cases of extraction, one short document each. */
class CodebookFactExtractorTest {

    private static final CodebookFactExtractor EXTRACTOR = new CodebookFactExtractor();

    static Extraction extract(String title, String language, String... passages) {
        List<PassageText> ps = new ArrayList<>();
        for (int i = 0; i < passages.length; i++) {
            ps.add(new PassageText("doc:" + i, i, i + 1, passages[i]));
        }
        return EXTRACTOR.extract(new DocumentText(
                "doc", "doc.txt", Optional.ofNullable(title), "other", Optional.ofNullable(language), ps));
    }

    static Set<String> keys(Extraction e) {
        return Evaluation.keys(List.of(e)).entrySet().stream()
                .flatMap(en -> en.getValue().stream().map(k -> en.getKey() + "," + k))
                .collect(java.util.stream.Collectors.toSet());
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(
                        "inflected tool names",
                        "NAV Frogner bruker tavlemøtene daglig. Målekortet og virksomhets-\nplanen følges opp.",
                        List.of(
                                "USES_TOOL,office:0312,tool:tavlemoter",
                                "USES_TOOL,office:0312,tool:balansert-malstyring",
                                "USES_TOOL,office:0312,tool:virksomhetsplan"),
                        List.of()),
                Arguments.of(
                        "decimal comma and space as thousands separator",
                        "I 2019 hadde NAV Frogner 1 480 sosialhjelpsmottakere. Overgangen til arbeid var 62,4 prosent"
                                + " i 2019.",
                        List.of(
                                "ACHIEVED,office:0312,outcome:sosialhjelpsmottakere,1480@2019",
                                "ACHIEVED,office:0312,outcome:overgang-til-arbeid,62.4@2019"),
                        List.of()),
                Arguments.of(
                        "a result table split over PDF lines",
                        "Resultater for NAV Lerkendal 2020\n\nIndikator Resultat Mål\n"
                                + "Overgang til arbeid for personer med nedsatt 41,7 % 40 %\narbeidsevne\n"
                                + "Sosialhjelpsmottakere (antall) 1 480 –\n",
                        List.of(
                                "ACHIEVED,office:5702,outcome:overgang-til-arbeid-for-personer-med-nedsatt-arbeidsevne,41.7@2020",
                                "ACHIEVED,office:5702,outcome:sosialhjelpsmottakere,1480@2020"),
                        List.of("ACHIEVED,office:5702,outcome:overgang-til-arbeid,41.7@2020")),
                Arguments.of(
                        "a table with one cell per line",
                        "Resultater 2018 for NAV Bærum\n\nIndikator\n\nResultat\n\nMål\n\nOvergang til arbeid\n\n58,1 %"
                                + "\n\n60 %\n\nDialogmøte 2\n\n79 %\n\n85 %\n",
                        List.of(
                                "ACHIEVED,office:0219,outcome:overgang-til-arbeid,58.1@2018",
                                "ACHIEVED,office:0219,outcome:dialogmote-2,79@2018"),
                        List.of()),
                Arguments.of(
                        "a signatory and a county director are not leaders; the one signing as NAV-leder is",
                        "Mål- og disponeringsbrev til NAV Frogner.\n\nMed vennlig hilsen\nPer Skjerve\nfylkesdirektør\n\n"
                                + "Saksbehandler: Lene Aas, seniorrådgiver\n\nKari Holm\nNAV-leder",
                        List.of("LEADS,leader:0312:kari-holm,office:0312,unknown"),
                        List.of(
                                "LEADS,leader:0312:per-skjerve,office:0312,unknown",
                                "LEADS,leader:0312:lene-aas,office:0312,unknown")),
                Arguments.of(
                        "a municipal chief executive is a partner's officer, not a leader",
                        "Avtalen mellom Bærum kommune og NAV Akershus om NAV Bærum er signert av rådmann Per Gunnar Lie"
                                + " og kommunedirektør Eva Ek.",
                        List.of(
                                "PARTNERS_WITH,office:0219,partner:baerum-kommune",
                                "PARTNERS_WITH,office:0219,partner:nav-akershus"),
                        List.of("LEADS,leader:0219:per-gunnar-lie,office:0219,unknown")),
                Arguments.of(
                        "English: leader, background, partner, figures with a decimal point",
                        "Marianne Olsen, head of NAV Tromsø, has a state background. NAV Tromsø is run in partnership"
                                + " with Tromsø municipality. In 2019 the transition to work was 59.8 per cent.",
                        List.of(
                                "LEADS,leader:1902:marianne-olsen,office:1902,state",
                                "PARTNERS_WITH,office:1902,partner:tromso-kommune",
                                "ACHIEVED,office:1902,outcome:overgang-til-arbeid,59.8@2019"),
                        List.of()),
                Arguments.of(
                        "nynorsk",
                        "Ingrid Lunde er leiar for NAV Voss. Ho har kommunal bakgrunn frå sosialtenesta. Sjukefråværet"
                                + " blant dei tilsette var 4,1 prosent i 2021, og kontoret held tavlemøta kvar veke.",
                        List.of(
                                "LEADS,leader:1235:ingrid-lunde,office:1235,municipal",
                                "ACHIEVED,office:1235,outcome:sykefravaer-blant-ansatte,4.1@2021",
                                "USES_TOOL,office:1235,tool:tavlemoter"),
                        List.of()),
                Arguments.of(
                        "a document about two offices keeps each section's facts to its office",
                        "Tavlemøter i NAV Frogner og NAV Grünerløkka\n\nNAV Frogner\n\nKontoret bruker målekortet."
                                + "\n\nNAV Grünerløkka\n\nKontoret har innført lean.",
                        List.of("USES_TOOL,office:0312,tool:balansert-malstyring", "USES_TOOL,office:0315,tool:lean"),
                        List.of("USES_TOOL,office:0315,tool:balansert-malstyring", "USES_TOOL,office:0312,tool:lean")),
                Arguments.of(
                        "the longest outcome wins, and a target alone is no achievement",
                        "I NAV Frogner var overgang til arbeid for personer med nedsatt arbeidsevne 38,5 prosent i 2019."
                                + " Målet for overgang til arbeid i 2020 er 60 prosent.",
                        List.of(
                                "ACHIEVED,office:0312,outcome:overgang-til-arbeid-for-personer-med-nedsatt-arbeidsevne,38.5@2019"),
                        List.of(
                                "ACHIEVED,office:0312,outcome:overgang-til-arbeid,38.5@2019",
                                "ACHIEVED,office:0312,outcome:overgang-til-arbeid,60@2020")),
                Arguments.of(
                        "a negated tool is not used",
                        "NAV Frogner bruker ikke lean, men har tavlemøter.",
                        List.of(),
                        List.of("USES_TOOL,office:0312,tool:lean")),
                Arguments.of(
                        "a form field names the leader; a department head signing is not one",
                        "Styringsdokument for Nav Bodø\n\nLeder: Hanne Nilsen\nDato: 18. januar 2022\n\n"
                                + "Mvh\nGeir Haugen\navdelingsleder, Nav Bodø",
                        List.of("LEADS,leader:1804:hanne-nilsen,office:1804,unknown"),
                        List.of("LEADS,leader:1804:geir-haugen,office:1804,unknown")),
                Arguments.of(
                        "a host municipality is a partner",
                        "Sarpsborg kommune er vertskommune for NAV Sarpsborg.",
                        List.of("PARTNERS_WITH,office:0105,partner:sarpsborg-kommune"),
                        List.of()),
                Arguments.of(
                        "a deviation column with negative figures, and a date as the period",
                        "Nav Hamar 2020\n\nResultatindikatorer Resultat 2020 Mål 2020 Avvik\n"
                                + "Overgang til arbeid 52,0 % 55,0 % -3,0\nSykefravær blant ansatte 6,4 % 6,0 % 0,4\n\n"
                                + "Per 31.12.2021 var 812 personer mottakere av økonomisk sosialhjelp i Nav Hamar.",
                        List.of(
                                "ACHIEVED,office:0403,outcome:overgang-til-arbeid,52@2020",
                                "ACHIEVED,office:0403,outcome:sykefravaer-blant-ansatte,6.4@2020",
                                "ACHIEVED,office:0403,outcome:sosialhjelpsmottakere,812@2021"),
                        List.of(
                                "ACHIEVED,office:0403,outcome:overgang-til-arbeid,6.4@2020",
                                "ACHIEVED,office:0403,outcome:sosialhjelpsmottakere,31.12@2021")),
                Arguments.of(
                        "a score out of six is one figure",
                        "Brukertilfredsheten i Nav Hamar var 4,8 av 6 i 2020.",
                        List.of("ACHIEVED,office:0403,outcome:brukertilfredshet,4.8@2020"),
                        List.of("ACHIEVED,office:0403,outcome:brukertilfredshet,6@2020")),
                Arguments.of(
                        "a whole table on one line, as a pipeline that collapses white space writes it",
                        "NAV Fredrikstad – resultater for 2019\nIndikator Resultat Mål Overgang til arbeid 55,0 % 57 %"
                                + " Overgang til arbeid for personer med nedsatt 36,0 % 40 % arbeidsevne"
                                + " Sosialhjelpsmottakere 2 310 Dialogmøte 2 innen 26 uker 86 % 90 %\n",
                        List.of(
                                "ACHIEVED,office:0106,outcome:overgang-til-arbeid,55@2019",
                                "ACHIEVED,office:0106,outcome:overgang-til-arbeid-for-personer-med-nedsatt-arbeidsevne,36@2019",
                                "ACHIEVED,office:0106,outcome:sosialhjelpsmottakere,2310@2019",
                                "ACHIEVED,office:0106,outcome:dialogmote-2,86@2019"),
                        List.of(
                                "ACHIEVED,office:0106,outcome:sosialhjelpsmottakere,2@2019",
                                "ACHIEVED,office:0106,outcome:overgang-til-arbeid,36@2019")),
                Arguments.of(
                        "collapsed line breaks: a hyphenated word and a signature on one line",
                        "NAV Frogner har en virksomhets- plan. Med hilsen Kari Holm NAV-leder",
                        List.of(
                                "USES_TOOL,office:0312,tool:virksomhetsplan",
                                "LEADS,leader:0312:kari-holm,office:0312,unknown"),
                        List.of()),
                Arguments.of(
                        "a first-name greeting is no leader's name",
                        "Takk for innsatsen i NAV Drammen. Hilsen Jon Ivar NAV-leder",
                        List.of(),
                        List.of("LEADS,leader:0602:jon-ivar,office:0602,unknown")),
                Arguments.of(
                        "an English table with cells joined by bars and units in the labels",
                        "NAV Kristiansund – results 2022\nIndicator | 2021 | 2022 | Target 2022\n"
                                + "Transition to work (%) | 55.1 | 57.9 | 58.0\n"
                                + "Young social assistance recipients (under 25) | 120 | 104 | 100\n"
                                + "Employee sickness absence (%) | 7.1 | 6.5 | 6.0",
                        List.of(
                                "ACHIEVED,office:1505,outcome:overgang-til-arbeid,57.9@2022",
                                "ACHIEVED,office:1505,outcome:unge-sosialhjelpsmottakere,104@2022",
                                "ACHIEVED,office:1505,outcome:sykefravaer-blant-ansatte,7.1@2021",
                                "ACHIEVED,office:1505,outcome:sykefravaer-blant-ansatte,6.5@2022"),
                        List.of("ACHIEVED,office:1505,outcome:sykefravaer-blant-ansatte,7.1@2022")),
                Arguments.of(
                        "a leader named as the head of the office",
                        "Memo: NAV Sandefjord. We met the head of the office, Ingrid Solberg.",
                        List.of("LEADS,leader:0710:ingrid-solberg,office:0710,unknown"),
                        List.of()),
                Arguments.of(
                        "a leader named as our leader, in nynorsk",
                        "Årsmelding for NAV Stord. Leiaren vår, Arne Våge, kom frå trygdeetaten.",
                        List.of("LEADS,leader:1221:arne-vage,office:1221,state"),
                        List.of()),
                Arguments.of(
                        "an office managed by its leader",
                        "Kristiansund NAV office is managed by Hege Lyngstad.",
                        List.of("LEADS,leader:1505:hege-lyngstad,office:1505,unknown"),
                        List.of()),
                Arguments.of(
                        "figures from one year to the next",
                        "I NAV Asker økte overgangen til arbeid fra 58 prosent i 2020 til 61,5 prosent i 2021.",
                        List.of(
                                "ACHIEVED,office:0220,outcome:overgang-til-arbeid,58@2020",
                                "ACHIEVED,office:0220,outcome:overgang-til-arbeid,61.5@2021"),
                        List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void extractsTheHardCases(String name, String text, List<String> expected, List<String> forbidden) {
        Set<String> keys = keys(extract(null, null, text));
        assertThat(keys).containsAll(expected);
        if (!forbidden.isEmpty()) {
            assertThat(keys).doesNotContainAnyElementsOf(forbidden);
        }
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(
            delimiter = ';',
            textBlock =
                    """
            Informant: Kari S. Holm, NAV-leder i NAV Frogner siden 2014.                     ; 2014
            Magne Kvåle har vore leiar for NAV Sogndal sidan 2011.                           ; 2011
            Siri Mathisen har vært leder for NAV Kristiansand siden sammenslåingen i 2020.  ; 2020
            Marianne Olsen, office manager at NAV Tromsø since 2015.                         ; 2015
            NAV-leder Kari Holm har ansvar for den daglige driften av NAV Frogner.          ; ''
            """)
    void readsWhenALeaderStarted(String sentence, String from) {
        Fact leads = extract(null, null, sentence).facts().stream()
                .filter(f -> f.type() == no.govgraph.neo4j.model.RelType.LEADS)
                .findFirst()
                .orElseThrow();
        assertThat(leads.properties().get("from")).isEqualTo(from == null || from.isEmpty() ? null : from);
    }

    @Test
    void nameVariantsInOneOfficeAreOneLeader() {
        Extraction e = extract(
                "Intervju NAV Frogner",
                "nb",
                "Informant: Kari S. Holm, NAV-leder i NAV Frogner.\n\nNAV-leder Kari Holm har statlig bakgrunn.");
        List<Entity> leaders =
                e.entities().stream().filter(x -> x.kind() == EntityKind.LEADER).toList();
        assertThat(leaders).hasSize(1);
        assertThat(leaders.get(0).id()).isEqualTo("leader:0312:kari-holm");
        assertThat(leaders.get(0).name()).isEqualTo("Kari S. Holm");
        assertThat(leaders.get(0).properties()).containsEntry("background", "state");
    }

    @Test
    void everyEntityFoundIsMentionedWithItsEvidence() {
        Extraction e = extract(null, "nb", "NAV Frogner bruker tavlemøter.");
        assertThat(e.mentions()).contains(new Mention("doc:0", "office:0312"), new Mention("doc:0", "tool:tavlemoter"));
        Fact fact = e.facts().get(0);
        assertThat(fact.evidence().quote()).isEqualTo("NAV Frogner bruker tavlemøter.");
        assertThat(fact.evidence().method()).isEqualTo("tool.office-sentence");
        assertThat(fact.evidence().page()).isEqualTo(1);
        Entity office = e.entities().stream()
                .filter(x -> x.id().equals("office:0312"))
                .findFirst()
                .orElseThrow();
        assertThat(office.name()).isEqualTo("Nav Frogner");
        assertThat(office.aliases()).containsExactly("NAV Frogner");
        assertThat(office.properties()).isEqualTo(Map.of("unitNumber", "0312"));
    }

    @Test
    void isFoundByTheServiceLoader() {
        assertThat(java.util.ServiceLoader.load(FactExtractor.class).stream()
                        .map(p -> p.type().getName()))
                .contains(CodebookFactExtractor.class.getName());
    }
}

package no.govgraph.ingest.codebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import no.govgraph.ingest.ImportException;
import no.govgraph.ingest.extraction.CodebookFactExtractor;
import no.govgraph.ingest.extraction.DocumentText;
import no.govgraph.ingest.extraction.EntityKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CodebookTest {

    @TempDir
    Path dir;

    @Test
    void theDefaultHasEveryOfficeTheFourteenToolsAndElevenOutcomes() {
        Codebook codebook = Codebook.defaults();
        // 477 units, of which 4 are test units that are never matched.
        assertThat(codebook.terms(EntityKind.OFFICE)).hasSize(473);
        assertThat(codebook.terms(EntityKind.TOOL)).hasSize(14);
        assertThat(codebook.terms(EntityKind.OUTCOME)).hasSize(11);
        assertThat(codebook.terms(EntityKind.PARTNER))
                .extracting(Term::id)
                .contains("partner:nav-ostfold", "partner:nav-vestland", "partner:arbeids-og-velferdsdirektoratet");
        Term frogner = codebook.terms(EntityKind.OFFICE).stream()
                .filter(t -> t.id().equals("office:0312"))
                .findFirst()
                .orElseThrow();
        assertThat(frogner.name()).isEqualTo("Nav Frogner");
        assertThat(frogner.synonyms()).contains("NAV Frogner", "NAV-kontoret i Frogner", "Frogner NAV-kontor");
    }

    @Test
    void aResearchersVocabularyReplacesTheDefault() throws Exception {
        Path file = dir.resolve("vocabulary.yaml");
        Files.writeString(
                file,
                """
                offices:
                  - {unit: "0312", name: "Nav Frogner"}
                tools:
                  - name: Gevinstrealisering
                    category: improvement
                    synonyms: {nb: [gevinstrealisering, gevinstplan], en: [benefits realisation]}
                outcomes: []
                partners: []
                """);
        CodebookFactExtractor extractor = new CodebookFactExtractor(Codebook.load(file));
        var extraction = extractor.extract(new DocumentText(
                "d",
                "d.txt",
                java.util.Optional.empty(),
                "other",
                java.util.Optional.of("nb"),
                java.util.List.of(new DocumentText.PassageText(
                        "d:0", 0, 1, "NAV Frogner har laget gevinstplanen. Kontoret bruker også lean."))));
        assertThat(extraction.facts()).extracting(f -> f.objectId()).containsExactly("tool:gevinstrealisering");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            textBlock =
                    """
            offices: [{unit: '312', name: Nav Frogner}]                                  ; 4-digit unit number
            partners: [{name: X, kind: city}]                                            ; expected one of
            outcomes: [{name: X, service: county}]                                       ; expected one of
            tools: [{name: Lean}, {name: lean}]                                          ; defined twice
            tools: {name: Lean}                                                          ; must be a list
            'tools: [unclosed'                                                           ; not valid YAML
            """)
    void explainsWhatIsWrongWithAVocabulary(String yaml, String message) {
        assertThatThrownBy(() -> Codebook.parse(yaml, "my.yaml"))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("my.yaml")
                .hasMessageContaining(message);
    }
}

package no.govgraph.bench.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import no.govgraph.bench.corpus.CorpusGenerator.Corpus;
import no.govgraph.bench.corpus.CorpusGenerator.GeneratedFile;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated corpus is deterministic and holds what the benchmark's table says it holds. */
class CorpusGeneratorTest {

    private static final int FILES = 120;

    @TempDir
    static Path dir;

    private static Corpus corpus;

    @BeforeAll
    static void generate() {
        corpus = new CorpusGenerator(11).generate(FILES, dir.resolve("a"));
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOtherBytes() throws Exception {
        Corpus again = new CorpusGenerator(11).generate(FILES, dir.resolve("b"));
        assertThat(again.entries()).isEqualTo(corpus.entries());
        for (GeneratedFile f : corpus.entries()) {
            assertThat(Files.readAllBytes(again.files().resolve(f.name())))
                    .as(f.name())
                    .isEqualTo(Files.readAllBytes(corpus.files().resolve(f.name())));
        }
        Corpus other = new CorpusGenerator(12).generate(10, dir.resolve("c"));
        assertThat(other.entries()).isNotEqualTo(corpus.entries().subList(0, 10));
        // A larger corpus of the same seed starts with the smaller one.
        assertThat(new CorpusGenerator(11).render(FILES - 1).entry())
                .isEqualTo(corpus.entries().get(FILES - 1));
    }

    @Test
    void reusesACorpusOnlyWhenItsManifestMatches() throws Exception {
        Path a = dir.resolve("a");
        Path marker = corpus.files().resolve(corpus.entries().get(0).name());
        Files.writeString(marker, "changed");
        assertThat(CorpusGenerator.reuseOrGenerate(FILES, 11, a).entries()).isEqualTo(corpus.entries());
        assertThat(Files.readString(marker)).isEqualTo("changed");

        Corpus fresh = CorpusGenerator.reuseOrGenerate(5, 11, dir.resolve("d"));
        assertThat(fresh.entries()).hasSize(5);
        assertThat(Files.readAllLines(dir.resolve("d").resolve(CorpusGenerator.MANIFEST)))
                .hasSize(6);
    }

    @Test
    void holdsEveryFormatAndKindWithAMixOfSizes() {
        assertThat(corpus.entries()).hasSize(FILES);
        assertThat(corpus.entries().stream().map(GeneratedFile::format).collect(Collectors.toSet()))
                .contains("pdf", "docx", "odt", "html", "txt", "eml", "zip");
        assertThat(corpus.entries().stream().map(GeneratedFile::kind).collect(Collectors.toSet()))
                .contains(
                        "samarbeidsavtale",
                        "mdb",
                        "virksomhetsplan",
                        "arsrapport",
                        "intervju",
                        "referat",
                        "epost",
                        "dokumenter");
        List<Integer> pages = corpus.entries().stream()
                .filter(f -> !f.format().equals("zip"))
                .map(GeneratedFile::pages)
                .toList();
        assertThat(pages).allSatisfy(p -> assertThat(p).isBetween(1, 40));
        assertThat(pages).contains(1);
        assertThat(pages.stream().mapToInt(Integer::intValue).max().orElseThrow())
                .isGreaterThan(15);
        assertThat(corpus.entries().stream().mapToInt(GeneratedFile::tables).sum())
                .isPositive();
        assertThat(corpus.documents()).isGreaterThan(FILES);
    }

    @Test
    void pdfsHaveTheirAdvertisedPagesAndNameRealOffices() throws Exception {
        List<GeneratedFile> pdfs =
                corpus.entries().stream().filter(f -> f.format().equals("pdf")).toList();
        assertThat(pdfs).hasSizeGreaterThan(10);
        for (GeneratedFile f : pdfs) {
            try (PDDocument pdf =
                    Loader.loadPDF(corpus.files().resolve(f.name()).toFile())) {
                assertThat(pdf.getNumberOfPages()).as(f.name()).isEqualTo(f.pages());
                String text = new PDFTextStripper().getText(pdf);
                // Offices of the codebook, by their place: "00004-arsrapport-kvam-2016.pdf" names NAV Kvam.
                assertThat(text).as(f.name()).containsPattern("NAV \\p{Lu}");
            }
        }
    }

    @Test
    void wordDocumentsBreakPagesAndContainersHoldTheirDocuments() throws Exception {
        for (GeneratedFile f : corpus.entries()) {
            byte[] bytes = Files.readAllBytes(corpus.files().resolve(f.name()));
            switch (f.format()) {
                case "docx" -> {
                    String xml = new String(entries(bytes).get("word/document.xml"), StandardCharsets.UTF_8);
                    assertThat(count(xml, "<w:pageBreakBefore")).as(f.name()).isEqualTo(f.pages() - 1);
                }
                case "zip" -> assertThat(entries(bytes)).as(f.name()).hasSize(f.documents() - 1);
                case "eml" -> {
                    String mail = new String(bytes, StandardCharsets.UTF_8);
                    assertThat(count(mail, "Content-Disposition: attachment"))
                            .as(f.name())
                            .isEqualTo(f.documents() - 1);
                    assertThat(mail).startsWith("From: ").contains("NAV-leder, NAV ");
                }
                case "txt" -> assertThat(new String(bytes, StandardCharsets.UTF_8))
                        .as(f.name())
                        .contains("NAV ");
                default -> assertThat(bytes).isNotEmpty();
            }
        }
    }

    private static Map<String, byte[]> entries(byte[] zip) throws Exception {
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static int count(String text, String what) {
        List<Integer> at = new ArrayList<>();
        var m = Pattern.compile(Pattern.quote(what)).matcher(text);
        while (m.find()) {
            at.add(m.start());
        }
        return at.size();
    }
}

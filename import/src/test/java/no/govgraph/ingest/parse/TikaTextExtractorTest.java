package no.govgraph.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import no.govgraph.ingest.fixtures.TestFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tika in this process on generated files: blocks, pages, tables, metadata, limits. */
class TikaTextExtractorTest {

    private static TikaTextExtractor tika;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        tika = new TikaTextExtractor(ParserSettings.DEFAULTS.withWriteLimit(50_000));
    }

    @AfterAll
    static void stop() {
        tika.close();
    }

    private List<ExtractedDocument> parse(Path file) {
        ExtractionResult result = tika.extract(file);
        assertThat(result).isInstanceOf(ExtractionResult.Parsed.class);
        return ((ExtractionResult.Parsed) result).documents();
    }

    @Test
    void readsPdfTextPageByPageWithItsMetadata() {
        Path pdf = TestFiles.pdf(
                dir.resolve("rapport.pdf"),
                "Årsrapport 2014",
                "Kari Nordmann",
                List.of(List.of("Første side om Nav Frogner."), List.of("Andre side."), List.of("Tredje side.")));

        ExtractedDocument doc = parse(pdf).get(0);

        assertThat(doc.mediaType()).isEqualTo("application/pdf");
        assertThat(doc.title()).isEqualTo("Årsrapport 2014");
        assertThat(doc.author()).isEqualTo("Kari Nordmann");
        assertThat(doc.pages()).isEqualTo(3);
        assertThat(doc.blocks())
                .extracting(TextBlock::page, TextBlock::text)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "Første side om Nav Frogner."),
                        org.assertj.core.groups.Tuple.tuple(2, "Andre side."),
                        org.assertj.core.groups.Tuple.tuple(3, "Tredje side."));
    }

    @Test
    void keepsEachTableRowAsOneBlock() {
        Path docx = TestFiles.docx(
                dir.resolve("tabell.docx"),
                "Resultater",
                List.of("Resultatene for 2014."),
                List.of(List.of("Mål", "2014", "Måltall"), List.of("Sysselsetting", "45 %", "50 %")));

        ExtractedDocument doc = parse(docx).get(0);

        assertThat(doc.blocks())
                .filteredOn(b -> b.kind() == TextBlock.Kind.ROW)
                .extracting(TextBlock::text)
                .containsExactly("Mål | 2014 | Måltall", "Sysselsetting | 45 % | 50 %");
        assertThat(doc.title()).isEqualTo("Resultater");
    }

    @Test
    void leavesScriptsStylesAndTheHeadOutOfHtmlText() {
        Path html = TestFiles.html(dir.resolve("side.html"), "Tittel", List.of("Avsnitt."), List.of());

        ExtractedDocument doc = parse(html).get(0);

        assertThat(doc.title()).isEqualTo("Tittel");
        assertThat(doc.blocks()).extracting(TextBlock::text).containsExactly("Tittel", "Avsnitt.");
    }

    @Test
    void returnsEmbeddedDocumentsWithTheirOwnHashesParentsFirst() {
        byte[] inner = TestFiles.zipBytes(Map.of("dypt/notat.txt", "Notat i en zip i en zip.".getBytes()));
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        entries.put("indre.zip", inner);
        entries.put("a.txt", "Tekst A.".getBytes());
        Path zip = TestFiles.zip(dir.resolve("ytre.zip"), entries);

        List<ExtractedDocument> docs = parse(zip);

        assertThat(docs)
                .extracting(ExtractedDocument::name)
                .containsExactly("ytre.zip", "indre.zip", "dypt/notat.txt", "a.txt");
        assertThat(docs.get(0).sha256()).isNull();
        assertThat(docs.subList(1, 4)).allSatisfy(d -> assertThat(d.sha256()).hasSize(64));
        assertThat(docs.get(2).parentIdPath()).isEqualTo(docs.get(1).idPath());
        assertThat(docs.get(2).blocks()).extracting(TextBlock::text).containsExactly("Notat i en zip i en zip.");
    }

    @Test
    void cutsTextAtTheWriteLimitAndSaysSo() {
        Path big = TestFiles.text(dir.resolve("stor.txt"), "ord ".repeat(30_000));

        ExtractedDocument doc = parse(big).get(0);

        assertThat(doc.truncated()).isTrue();
        assertThat(doc.textLength()).isLessThanOrEqualTo(50_000);
    }

    @Test
    void stopsAZipBombWhileItExpands() {
        Path bomb = TestFiles.zipBomb(dir.resolve("bomb.zip"), 80);

        assertThat(tika.extract(bomb)).isInstanceOfSatisfying(ExtractionResult.Failed.class, f -> assertThat(f.reason())
                .startsWith("suspected zip bomb"));
    }

    @Test
    void leavesDocumentsNestedTooDeepUnparsed() {
        byte[] inner = TestFiles.zipBytes(Map.of("bunn.txt", "Helt i bunnen.".getBytes()));
        for (int i = 0; i < 12; i++) {
            inner = TestFiles.zipBytes(Map.of("lag" + i + ".zip", inner));
        }
        Path deep = TestFiles.zip(dir.resolve("dyp.zip"), Map.of("topp.zip", inner));

        List<ExtractedDocument> docs = parse(deep);

        assertThat(docs).hasSize(1 + ParserSettings.DEFAULT_MAX_EMBEDDING_DEPTH);
        assertThat(docs.get(docs.size() - 1).warning()).contains("nested more than 10 levels deep");
        assertThat(docs).noneMatch(d -> d.name().equals("bunn.txt"));
    }

    @Test
    void readsATextFileOfATypeWithoutAParserAsText() {
        ExtractedDocument doc = parse(no.govgraph.ingest.fixtures.ImportITSupport.tikaFile("s_BII-S-1.txt"))
                .get(0);

        assertThat(doc.mediaType()).isEqualTo("text/plain");
        assertThat(doc.blocks()).filteredOn(b -> b.kind() == TextBlock.Kind.ROW).isNotEmpty();
    }

    @Test
    void reportsAnEmptyFileAndAnUnknownTypeAsFailures() {
        Path empty = TestFiles.text(dir.resolve("tom.txt"), "");
        Path binary = dir.resolve("data.bin");
        byte[] noise = new byte[4096];
        new java.util.Random(1).nextBytes(noise);
        try {
            java.nio.file.Files.write(binary, noise);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }

        assertThat(tika.extract(empty)).isEqualTo(new ExtractionResult.Failed("empty file (0 bytes)"));
        assertThat(tika.extract(binary))
                .isInstanceOfSatisfying(ExtractionResult.Failed.class, f -> assertThat(f.reason())
                        .startsWith("unsupported file type"));
    }
}

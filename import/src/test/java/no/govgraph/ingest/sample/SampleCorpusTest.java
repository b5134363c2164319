package no.govgraph.ingest.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import no.govgraph.ingest.codebook.Codebook;
import no.govgraph.ingest.codebook.TermMatcher;
import no.govgraph.ingest.extraction.EntityKind;
import org.apache.tika.Tika;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SampleCorpusTest {

    private static final Path SOURCES = Path.of("src/main/sample-corpus");

    @TempDir
    Path dir;

    @Test
    void rendersTheSameBytesEveryTime() throws Exception {
        List<String> first = SampleCorpusGenerator.generate(SOURCES, dir.resolve("a"));
        List<String> second = SampleCorpusGenerator.generate(SOURCES, dir.resolve("b"));
        assertThat(second).isEqualTo(first);
        for (String name : first) {
            assertThat(sha256(dir.resolve("b").resolve(name)))
                    .as(name)
                    .isEqualTo(sha256(dir.resolve("a").resolve(name)));
        }
    }

    private static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void bundlesAtLeastThirtyDocumentsAboutEightOfficesInEveryFormatUnderAFewMegabytes() throws Exception {
        List<Path> files = SampleCorpus.copyTo(dir);
        assertThat(files).hasSizeGreaterThanOrEqualTo(30);
        Set<String> formats = files.stream()
                .map(f -> f.getFileName().toString().replaceAll(".*\\.", ""))
                .collect(Collectors.toSet());
        assertThat(formats).contains("pdf", "docx", "doc", "odt", "rtf", "html", "txt", "eml", "zip");
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        assertThat(bytes).isLessThan(3_000_000);
        TermMatcher matcher = new TermMatcher(Codebook.defaults());
        Set<String> offices = new java.util.TreeSet<>();
        for (var source : SampleCorpusGenerator.sources(SOURCES).values()) {
            String text = source.blocks().toString();
            matcher.find(text).stream()
                    .filter(m -> m.term().kind() == EntityKind.OFFICE)
                    .forEach(m -> offices.add(m.term().id()));
        }
        assertThat(offices).hasSizeGreaterThanOrEqualTo(8);
    }

    @ParameterizedTest
    @CsvSource(
            textBlock =
                    """
            frogner-arsrapport-2019.pdf,                   application/pdf,       Overgangen til arbeid var 62,4 prosent
            frogner-mdb-2019.docx,                         application/vnd.openxmlformats-officedocument.wordprocessingml.document, disponeringsbrevet gir føringer
            baerum-intervju-2018.doc,                      application/msword,    Eriksen kom fra trygdeetaten
            drammen-arsmelding-2020.odt,                   application/vnd.oasis.opendocument.text, Drammen kommune og NAV Vest-Viken
            sogndal-arsmelding-2018.rtf,                   application/rtf,       Brukartilfredsheita var 5,2
            fredrikstad-intervju-2019.html,                text/html,             Hun har kommunal bakgrunn
            voss-intervju-2021.txt,                        text/plain,            Lunde har kommunal bakgrunn
            kristiansand-epost-intervjunotat-2021.eml,     message/rfc822,        Takk for et godt intervju
            tromso-dokumenter-2019.zip,                    application/zip,       tromso-annual-report-2019.html
            """)
    void everyFormatIsReadByTika(String file, String mediaType, String phrase) throws Exception {
        Path path = dir.resolve(file);
        try (InputStream in = SampleCorpus.open(file)) {
            Files.copy(in, path);
        }
        Tika tika = new Tika();
        Metadata metadata = new Metadata();
        String text;
        try (InputStream in = TikaInputStream.get(path)) {
            text = tika.parseToString(in, metadata);
        }
        assertThat(tika.detect(path)).isEqualTo(mediaType);
        assertThat(text.replaceAll("\\s+", " ")).contains(phrase);
    }

    @Test
    void theWordBinaryCarriesItsTitle() throws Exception {
        Path path = dir.resolve("baerum-intervju-2018.doc");
        try (InputStream in = SampleCorpus.open("baerum-intervju-2018.doc")) {
            Files.copy(in, path);
        }
        Metadata metadata = new Metadata();
        try (InputStream in = TikaInputStream.get(path)) {
            new Tika().parseToString(in, metadata);
        }
        Map<String, String> all = new TreeMap<>();
        for (String name : metadata.names()) {
            all.put(name, metadata.get(name));
        }
        assertThat(all).containsEntry("dc:title", "Intervju med NAV-leder i Bærum");
    }
}

package no.govgraph.ingest.run;

import static no.govgraph.ingest.fixtures.ImportITSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import no.govgraph.ingest.fixtures.TestFiles;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/**
 * Malicious and pathological files of issue 8, all generated here: bombs, external entities
 * pointing at a canary file, archives nested past the limit, corrupt and encrypted files, hostile
 * file names and a large text file. Each import finishes, each file is recorded (imported,
 * truncated or failed with a reason), a harmless file after them still imports, and the canary's
 * content is nowhere in the graph.
 *
 * <p>{@code -Dreliability.full=true} runs the full sizes: a 200 MB text file and a 5,000-page PDF
 * (CI: 20 MB and 300 pages).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MaliciousFilesIT {

    private static final boolean FULL = Boolean.getBoolean("reliability.full");
    private static final String CANARY = "kanari-" + Long.toHexString(System.nanoTime()) + "-hemmelig";

    @TempDir
    static Path dir;

    private Path canary;
    private final Map<String, String> outcomes = new LinkedHashMap<>();

    @BeforeAll
    void setUp() throws IOException {
        neo4j().clear();
        canary = Files.writeString(dir.resolve("canary.txt"), CANARY);
    }

    @AfterAll
    void figures() {
        // The table docs/RELIABILITY.md quotes.
        StringBuilder table = new StringBuilder("Malicious files, outcomes:\n");
        outcomes.forEach((name, outcome) ->
                table.append("  ").append(name).append(" -> ").append(outcome).append('\n'));
        System.err.print(table);
    }

    /** Imports the files plus a harmless one, and checks every one is accounted for. */
    private ImportReport importAndAccount(String label, Path... files) {
        Path after = TestFiles.text(
                dir.resolve("etter-" + label + ".txt"), "En vanlig fil etter " + label + ", lest som normalt.");
        List<Path> all = new ArrayList<>(List.of(files));
        all.add(after);
        ImportReport report = sharedImporter().run(all, ImportListener.NONE);

        assertThat(report.files()).as(label + ": every file handled").isEqualTo(all.size());
        for (Path file : all) {
            String outcome = outcomeOf(report, file);
            assertThat(outcome).as(label + ": " + file).isNotEmpty();
            if (file != after) {
                outcomes.put(label + " " + printable(file.getFileName().toString()), outcome);
            }
        }
        assertThat(outcomeOf(report, after)).as(label + ": the file after it").isEqualTo("imported");
        assertNoCanary(label);
        return report;
    }

    /** "imported", "truncated", "imported with warning: …" or "failed (stage): reason"; empty if unrecorded. */
    private static String outcomeOf(ImportReport report, Path file) {
        String path = file.toAbsolutePath().normalize().toString();
        for (ImportReport.Failure f : report.failures()) {
            if (f.path().equals(path)) {
                assertThat(f.reason()).as("the reason for " + path).isNotBlank();
                assertThat(count(
                                "MATCH (:ImportRun {id: $run})-[:HAD_FAILURE]->(f:ImportFailure {path: $p}) RETURN count(f)",
                                Map.of("run", report.runId(), "p", path)))
                        .as("the failure of " + path + " is in the graph")
                        .isEqualTo(1);
                return "failed (" + f.stage() + "): " + f.reason();
            }
        }
        List<Record> docs = query(
                "MATCH (d:Document) WHERE $p IN d.paths RETURN d.truncated AS truncated, d.parseWarning AS warning,"
                        + " d.complete AS complete",
                Map.of("p", path));
        if (docs.size() != 1) {
            return "";
        }
        Record d = docs.get(0);
        assertThat(d.get("complete").asBoolean(false)).as(path + " is complete").isTrue();
        if (d.get("truncated").asBoolean(false)) {
            return "truncated";
        }
        String warning = d.get("warning").asString(null);
        return warning == null ? "imported" : "imported with warning: " + shorten(warning);
    }

    private static String shorten(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }

    private static String printable(String name) {
        StringBuilder out = new StringBuilder();
        name.codePoints()
                .forEach(c -> out.append(
                        Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                                ? String.format("\\u%04X", c)
                                : Character.toString(c)));
        return out.toString();
    }

    /** The canary's content in no property of any node or relationship. */
    private void assertNoCanary(String label) {
        for (String cypher : List.of(
                "MATCH (n) RETURN properties(n) AS p",
                "MATCH ()-[r]->() RETURN properties(r) AS p",
                "MATCH (p:Passage) RETURN {text: p.text} AS p")) {
            for (Record r : query(cypher)) {
                assertThat(render(r.get("p")))
                        .as(label + ": canary in " + cypher)
                        .doesNotContain(CANARY);
            }
        }
    }

    private static String render(Value v) {
        return v.asMap(x -> x.isNull() ? "" : x.toString()).toString();
    }

    @Test
    void nestedZipBomb() {
        // 10 × 10 copies of a 20 MB entry: about 2 GB once expanded, 2 MB on disk.
        byte[] inner = zipOfOne("a.txt", repeated(20));
        Map<String, byte[]> middle = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            middle.put("inner" + i + ".zip", inner);
        }
        byte[] middleZip = TestFiles.zipBytes(middle);
        Map<String, byte[]> outer = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            outer.put("middle" + i + ".zip", middleZip);
        }
        Path bomb = TestFiles.zip(dir.resolve("nested-bomb.zip"), outer);

        importAndAccount("nested zip bomb", bomb);

        assertThat(count(
                        "MATCH (d:Document) WHERE any(p IN d.paths WHERE p STARTS WITH $p) RETURN sum(d.size)",
                        Map.of("p", bomb.toString())))
                .as("bytes taken in from the bomb")
                .isLessThan(1_000_000_000L);
    }

    @Test
    void billionLaughs() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
        xml.append("<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n");
        for (int i = 2; i <= 9; i++) {
            xml.append("<!ENTITY lol").append(i).append(" \"");
            xml.append(("&lol" + (i - 1) + ";").repeat(10));
            xml.append("\">\n");
        }
        xml.append("]>\n<lolz>&lol9;</lolz>\n");
        Path laughs = TestFiles.text(dir.resolve("billion-laughs.xml"), xml.toString());
        // The same in a DOCX's document.xml.
        Path docxLaughs = rewriteDocx(
                dir.resolve("billion-laughs.docx"),
                xml.substring(xml.indexOf("<!DOCTYPE"), xml.indexOf("<lolz>")).replace("lolz", "w:document"),
                "&lol9;");

        importAndAccount("billion laughs", laughs, docxLaughs);

        assertThat(count(
                        "MATCH (d:Document)-[:HAS_PASSAGE]->(p) WHERE any(x IN d.paths WHERE x CONTAINS 'billion-laughs')"
                                + " RETURN coalesce(sum(size(p.text)), 0)"))
                .as("characters of laughter kept")
                .isLessThan(10_000_000L);
    }

    @Test
    void externalEntitiesPointingAtACanaryFile() {
        String uri = canary.toUri().toString();
        Path xxe = TestFiles.text(
                dir.resolve("xxe.xml"),
                "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM \"" + uri + "\">]>\n"
                        + "<r><p>Før &x; etter.</p></r>\n");
        Path parameterEntity = TestFiles.text(
                dir.resolve("xxe-parameter.xml"),
                "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY % p SYSTEM \"" + uri + "\"> %p;]>\n"
                        + "<r>Parameter entity.</r>\n");
        Path xinclude = TestFiles.text(
                dir.resolve("xinclude.xml"),
                "<?xml version=\"1.0\"?>\n<r xmlns:xi=\"http://www.w3.org/2001/XInclude\">" + "<xi:include href=\""
                        + uri + "\" parse=\"text\"/></r>\n");
        Path svg = TestFiles.text(
                dir.resolve("xxe.svg"),
                "<?xml version=\"1.0\"?>\n<!DOCTYPE svg [<!ENTITY x SYSTEM \"" + uri + "\">]>\n"
                        + "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&x;</text></svg>\n");
        Path docx = rewriteDocx(
                dir.resolve("xxe.docx"), "<!DOCTYPE w:document [<!ENTITY x SYSTEM \"" + uri + "\">]>", "&x;");
        Path html = TestFiles.text(
                dir.resolve("xxe.xhtml"),
                "<?xml version=\"1.0\"?>\n<!DOCTYPE html [<!ENTITY x SYSTEM \"" + uri + "\">]>\n"
                        + "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>&x;</p></body></html>\n");

        importAndAccount("external entity", xxe, parameterEntity, xinclude, svg, docx, html);
    }

    @Test
    void archiveNestedFarBeyondTheLimit() {
        byte[] current = "Bunnen av en dypt nestet pakke.".getBytes(StandardCharsets.UTF_8);
        String name = "bunn.txt";
        for (int depth = 0; depth < 25; depth++) {
            current = zipOfOne(name, current);
            name = "niva" + depth + ".zip";
        }
        Path deep = write(dir.resolve("deep.zip"), current);

        importAndAccount("deeply nested archive", deep);

        assertThat(count(
                        "MATCH (d:Document) WHERE any(p IN d.paths WHERE p STARTS WITH $p) RETURN count(d)",
                        Map.of("p", deep.toString())))
                .as("documents parsed from the 25 levels")
                .isLessThanOrEqualTo(12);
    }

    @Test
    void corruptAndEncryptedFiles() throws IOException {
        Path good =
                TestFiles.pdf(dir.resolve("kilde.pdf"), "Kilde", "Test", List.of(List.of("Hel tekst på første side.")));
        byte[] pdf = Files.readAllBytes(good);
        Files.delete(good);
        Path truncated = write(dir.resolve("corrupt-truncated.pdf"), java.util.Arrays.copyOf(pdf, pdf.length / 2));
        byte[] scrambled = pdf.clone();
        java.util.Random random = new java.util.Random(8);
        for (int i = 200; i < scrambled.length; i += 7) {
            scrambled[i] = (byte) random.nextInt();
        }
        Path garbled = write(dir.resolve("corrupt-scrambled.pdf"), scrambled);
        Path headerOnly = TestFiles.text(dir.resolve("corrupt-header-only.pdf"), "%PDF-1.7\n%%EOF\n");
        Path encryptedPdf = encryptedPdf(dir.resolve("encrypted.pdf"));
        Path encryptedDocx = encryptedDocx(dir.resolve("encrypted.docx"));
        Path corruptDocx = write(
                dir.resolve("corrupt.docx"),
                java.util.Arrays.copyOf(
                        TestFiles.bytes(TestFiles.docx(dir.resolve("tmp.docx"), "T", List.of("Tekst"), List.of())),
                        300));

        importAndAccount(
                "corrupt or encrypted", truncated, garbled, headerOnly, encryptedPdf, encryptedDocx, corruptDocx);

        assertThat(outcomes.get("corrupt or encrypted encrypted.pdf")).startsWith("failed (parse): encrypted");
        assertThat(outcomes.get("corrupt or encrypted encrypted.docx")).startsWith("failed (parse): encrypted");
    }

    @Test
    void fileNamesWithControlCharactersAndRightToLeftMarks() {
        List<Path> files = new ArrayList<>();
        String[] names = {
            "rapport-\u202Etxt.exe.txt",
            "linje\nskift.txt",
            "vogn\rretur.txt",
            "klokke\u0007og-escape\u001B[31m.txt",
            "tab\tulator.txt",
            "null\u200Bbredde\uFEFF.txt",
            "\u200F\u05E9\u05DC\u05D5\u05DD-\u0645\u0631\u062D\u0628\u0627.txt",
            "anførsel\"og'apostrof`.txt",
            "<img src=x onerror=alert(1)>.txt",
            "-- leading dash.txt"
        };
        for (int i = 0; i < names.length; i++) {
            files.add(TestFiles.text(dir.resolve(names[i]), "Notat nummer " + i + " med et fiendtlig filnavn."));
        }

        importAndAccount("hostile file name", files.toArray(Path[]::new));

        for (Path file : files) {
            assertThat(outcomes.get(
                            "hostile file name " + printable(file.getFileName().toString())))
                    .isEqualTo("imported");
            List<Record> stored = query(
                    "MATCH (d:Document) WHERE $p IN d.paths RETURN d.fileName AS name",
                    Map.of("p", file.toAbsolutePath().toString()));
            assertThat(stored).hasSize(1);
            assertThat(stored.get(0).get("name").asString())
                    .isEqualTo(file.getFileName().toString());
        }
    }

    @Test
    void largeTextFileAndLongPdf() throws IOException {
        long megabytes = FULL ? 200 : 20;
        Path big = dir.resolve("stor-" + megabytes + "mb.txt");
        try (BufferedWriter w = Files.newBufferedWriter(big)) {
            long written = 0;
            for (int i = 0; written < megabytes * 1024 * 1024; i++) {
                String line = "Linje " + i + " i en stor tekstfil om Nav Frogner og Oslo kommune.\n";
                w.write(line);
                written += line.length();
            }
        }
        int pageCount = FULL ? 5_000 : 300;
        List<List<String>> pages = new ArrayList<>();
        for (int i = 0; i < pageCount; i++) {
            pages.add(List.of("Side " + i + " av et langt dokument om Nav Frogner og Oslo kommune."));
        }
        Path longPdf = TestFiles.pdf(dir.resolve(pageCount + "-sider.pdf"), "Langt", "Test", pages);

        importAndAccount("large", big, longPdf);
    }

    private static byte[] repeated(int megabytes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] block = new byte[1024 * 1024];
        java.util.Arrays.fill(block, (byte) 'a');
        for (int i = 0; i < megabytes; i++) {
            bytes.writeBytes(block);
        }
        return bytes.toByteArray();
    }

    private static byte[] zipOfOne(String name, byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(9);
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * A DOCX whose {@code word/document.xml} gets {@code doctype} after its XML declaration and
     * {@code reference} as the text of its paragraph; {@code docProps/core.xml} gets both as title.
     */
    private Path rewriteDocx(Path file, String doctype, String reference) {
        Path plain = TestFiles.docx(
                dir.resolve("plain-" + file.getFileName()), "TITTELMERKE", List.of("TEKSTMERKE"), List.of());
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(plain)))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().equals("word/document.xml") || e.getName().equals("docProps/core.xml")) {
                    String xml = new String(bytes, StandardCharsets.UTF_8);
                    String root = e.getName().equals("word/document.xml") ? "w:document" : "cp:coreProperties";
                    int declarationEnd = xml.startsWith("<?xml") ? xml.indexOf("?>") + 2 : 0;
                    xml = xml.substring(0, declarationEnd)
                            + doctype.replace("w:document", root)
                            + xml.substring(declarationEnd)
                                    .replace("TEKSTMERKE", reference)
                                    .replace("TITTELMERKE", reference);
                    bytes = xml.getBytes(StandardCharsets.UTF_8);
                }
                entries.put(e.getName(), bytes);
            }
            Files.delete(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return TestFiles.zip(file, entries);
    }

    private static Path encryptedPdf(Path file) {
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            StandardProtectionPolicy policy =
                    new StandardProtectionPolicy("eier-passord", "bruker-passord", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path encryptedDocx(Path file) {
        Path plain = TestFiles.docx(
                dir.resolve("plain-encrypted.docx"), "Hemmelig", List.of("Hemmelig innhold."), List.of());
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword("passord");
            try (InputStream in = Files.newInputStream(plain);
                    OutputStream out = encryptor.getDataStream(fs)) {
                in.transferTo(out);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                fs.writeFilesystem(out);
            }
            Files.delete(plain);
            return file;
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("could not encrypt a DOCX with POI", e);
        }
    }

    private static Path write(Path file, byte[] bytes) {
        try {
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

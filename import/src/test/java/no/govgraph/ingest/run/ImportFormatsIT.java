package no.govgraph.ingest.run;

import static no.govgraph.ingest.fixtures.ImportITSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.govgraph.ingest.fixtures.TestFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/**
 * Every format the importer handles, imported in one run through the real pipeline (worker
 * processes, Neo4j): the right metadata, passages and pages, and embedded documents linked to
 * their containers.
 */
class ImportFormatsIT {

    @TempDir
    static Path dir;

    static Path root;
    static ImportReport report;

    @BeforeAll
    static void importEveryFormat() throws Exception {
        neo4j().clear();
        root = Files.createDirectories(dir.resolve("formater"));
        TestFiles.pdf(
                root.resolve("rapport.pdf"),
                "Årsrapport 2014 for Nav Frogner",
                "Kari Nordmann",
                List.of(
                        List.of(
                                "Nav Frogner har i 2014 arbeidet for at flere skal komme i arbeid.",
                                "Resultatene er gode, og kontoret har nådd de fleste målene sine."),
                        List.of("Sysselsetting 2014: 45 % for Nav Frogner."),
                        List.of("Kontoret bruker Lean i det daglige arbeidet ved Nav Frogner.")));
        TestFiles.docx(
                root.resolve("avtale.docx"),
                "Samarbeidsavtale mellom Nav Frogner og Oslo kommune",
                List.of(
                        "Denne avtalen gjelder samarbeidet mellom Nav Frogner og Oslo kommune.",
                        "Partene skal sammen arbeide for at flere kommer i arbeid."),
                List.of(List.of("Mål", "2014", "Måltall"), List.of("Sysselsetting", "45 %", "50 %")));
        TestFiles.odt(
                root.resolve("plan.odt"),
                "Verksemdsplan 2015",
                List.of(
                        "Verksemdsplanen skildrar korleis kontoret skal arbeide i 2015.",
                        "Me vil at fleire skal kome i arbeid, og dei tilsette skal vere med på å finne gode tiltak. "
                                + "Det er ikkje berre kommunen som har ansvar for dette."));
        TestFiles.rtf(
                root.resolve("brev.rtf"),
                List.of(
                        "Tildelingsbrev 2015 til Nav Bærum",
                        "Fylkesdirektøren tildeler med dette midler til kontoret for året 2015."));
        TestFiles.html(
                root.resolve("side.html"),
                "Annual report of the office",
                List.of("The office helped more people into work in 2014 than the year before."),
                List.of(List.of("Outcome", "2014"), List.of("Employment", "45 %")));
        TestFiles.text(
                root.resolve("intervju.txt"),
                "Intervju med leder ved Nav Frogner\n\nIntervjuer: Hvordan styres kontoret?\n\n"
                        + "Informant: Vi bruker mål og resultatstyring, og vi har faste møter med kommunen.");
        Path attachment = TestFiles.pdf(
                dir.resolve("vedlegg.pdf"), "Vedlegg", "Ola", List.of(List.of("Vedlegget til e-posten.")));
        Map<String, byte[]> attachments = new LinkedHashMap<>();
        attachments.put("vedlegg.pdf", TestFiles.bytes(attachment));
        TestFiles.eml(
                root.resolve("melding.eml"),
                "Kari Nordmann <kari@nav.no>",
                "Møte om samarbeidet",
                "Hei! Vedlagt er notatet fra møtet om samarbeidet med kommunen.",
                attachments);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("a.txt", "Tekst i arkivet.".getBytes(StandardCharsets.UTF_8));
        entries.put("sub/b.html", "<html><body><p>Side i arkivet.</p></body></html>".getBytes(StandardCharsets.UTF_8));
        TestFiles.zip(root.resolve("arkiv.zip"), entries);
        byte[] inner = TestFiles.zipBytes(Map.of("c.txt", "Dypt inne i to arkiv.".getBytes(StandardCharsets.UTF_8)));
        TestFiles.zip(root.resolve("nested.zip"), Map.of("inner.zip", inner));

        report = sharedImporter().run(List.of(root, tikaFile("testWORD.doc")), ImportListener.NONE);
    }

    private static Record document(String path) {
        List<Record> rows = query(
                """
                MATCH (d:Document) WHERE $path IN d.paths
                OPTIONAL MATCH (d)-[:HAS_PASSAGE]->(p:Passage)
                WITH d, p ORDER BY p.index
                RETURN d AS d, collect(p.page) AS pages, collect(p.text) AS texts, collect(p.index) AS indexes
                """,
                Map.of("path", path));
        assertThat(rows).as("a document at " + path).hasSize(1);
        return rows.get(0);
    }

    private static Record file(String name) {
        return document(root.resolve(name).toString());
    }

    @Test
    void importsEveryFileWithoutFailures() {
        assertThat(report.failures()).isEmpty();
        assertThat(report.files()).isEqualTo(10);
        assertThat(report.imported()).isEqualTo(10);
        assertThat(count("MATCH (d:Document) WHERE NOT d.complete RETURN count(d)"))
                .isZero();
    }

    @Test
    void pdfKeepsItsPagesAndMetadata() {
        Record r = file("rapport.pdf");
        Value d = r.get("d");
        assertThat(d.get("mediaType").asString()).isEqualTo("application/pdf");
        assertThat(d.get("title").asString()).isEqualTo("Årsrapport 2014 for Nav Frogner");
        assertThat(d.get("author").asString()).isEqualTo("Kari Nordmann");
        assertThat(d.get("pages").asInt()).isEqualTo(3);
        assertThat(d.get("language").asString()).isEqualTo("nb");
        assertThat(d.get("kind").asString()).isEqualTo("report");
        assertThat(d.get("fileName").asString()).isEqualTo("rapport.pdf");
        assertThat(d.get("size").asLong()).isEqualTo(TestFiles.bytes(root.resolve("rapport.pdf")).length);
        assertThat(d.get("id").asString()).hasSize(64);
        assertThat(d.get("truncated").asBoolean()).isFalse();
        assertThat(r.get("pages").asList(Value::asInt)).containsExactly(1, 2, 3);
        assertThat(r.get("indexes").asList(Value::asInt)).containsExactly(0, 1, 2);
        assertThat(r.get("texts").asList(Value::asString).get(1))
                .isEqualTo("Sysselsetting 2014: 45 % for Nav Frogner.");
    }

    @Test
    void passageIdsAreTheDocumentIdAndIndex() {
        Record r = file("rapport.pdf");
        String id = r.get("d").get("id").asString();
        assertThat(query(
                        "MATCH (:Document {id: $id})-[:HAS_PASSAGE]->(p) RETURN p.id AS id ORDER BY p.index",
                        Map.of("id", id)))
                .extracting(x -> x.get("id").asString())
                .containsExactly(id + ":0", id + ":1", id + ":2");
    }

    @Test
    void docxKeepsTableRowsWhole() {
        Record r = file("avtale.docx");
        assertThat(r.get("d").get("mediaType").asString())
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(r.get("d").get("kind").asString()).isEqualTo("agreement");
        assertThat(r.get("d").get("title").asString()).isEqualTo("Samarbeidsavtale mellom Nav Frogner og Oslo kommune");
        assertThat(r.get("d").get("author").asString()).isEqualTo("Test Forfatter");
        assertThat(String.join("\n", r.get("texts").asList(Value::asString)).lines())
                .contains("Mål | 2014 | Måltall", "Sysselsetting | 45 % | 50 %");
        assertThat(r.get("pages").asList(Value::asInt)).containsOnly(1);
    }

    @Test
    void docFromWordImports() {
        Record r = document(tikaFile("testWORD.doc").toString());
        assertThat(r.get("d").get("mediaType").asString()).isEqualTo("application/msword");
        assertThat(r.get("texts").asList(Value::asString)).isNotEmpty();
        assertThat(r.get("d").get("language").asString()).isEqualTo("en");
    }

    @Test
    void odtInNynorskIsNynorsk() {
        Record r = file("plan.odt");
        assertThat(r.get("d").get("mediaType").asString()).isEqualTo("application/vnd.oasis.opendocument.text");
        assertThat(r.get("d").get("title").asString()).isEqualTo("Verksemdsplan 2015");
        assertThat(r.get("d").get("language").asString()).isEqualTo("nn");
        assertThat(r.get("d").get("kind").asString()).isEqualTo("plan");
        assertThat(r.get("texts").asList(Value::asString).get(0)).contains("korleis kontoret");
    }

    @Test
    void rtfHtmlAndTextImport() {
        Record rtf = file("brev.rtf");
        assertThat(rtf.get("d").get("mediaType").asString()).isEqualTo("application/rtf");
        assertThat(rtf.get("d").get("kind").asString()).isEqualTo("management_letter");
        assertThat(rtf.get("texts").asList(Value::asString).get(0)).contains("Fylkesdirektøren tildeler");

        Record html = file("side.html");
        assertThat(html.get("d").get("mediaType").asString()).isEqualTo("text/html");
        assertThat(html.get("d").get("language").asString()).isEqualTo("en");
        assertThat(html.get("d").get("kind").asString()).isEqualTo("report");
        assertThat(String.join("\n", html.get("texts").asList(Value::asString)))
                .contains("Employment | 45 %")
                .doesNotContain("secret");

        Record txt = file("intervju.txt");
        assertThat(txt.get("d").get("mediaType").asString()).isEqualTo("text/plain");
        assertThat(txt.get("d").get("kind").asString()).isEqualTo("interview");
    }

    @Test
    void emailIsADocumentContainingItsAttachment() {
        Record mail = file("melding.eml");
        Value d = mail.get("d");
        assertThat(d.get("mediaType").asString()).isEqualTo("message/rfc822");
        assertThat(d.get("kind").asString()).isEqualTo("email");
        assertThat(d.get("title").asString()).isEqualTo("Møte om samarbeidet");
        assertThat(d.get("author").asString()).contains("Kari Nordmann");
        assertThat(mail.get("texts").asList(Value::asString).get(0)).contains("Vedlagt er notatet");

        String attachmentPath = root.resolve("melding.eml") + "!/vedlegg.pdf";
        Record attachment = document(attachmentPath);
        assertThat(attachment.get("d").get("mediaType").asString()).isEqualTo("application/pdf");
        assertThat(attachment.get("d").get("id").asString())
                .isEqualTo(sha256(TestFiles.bytes(dir.resolve("vedlegg.pdf"))));
        assertThat(attachment.get("texts").asList(Value::asString)).containsExactly("Vedlegget til e-posten.");
        assertThat(count(
                        "MATCH (m:Document {id: $m})-[:CONTAINS]->(a:Document {id: $a}) RETURN count(*)",
                        Map.of(
                                "m",
                                d.get("id").asString(),
                                "a",
                                attachment.get("d").get("id").asString())))
                .isEqualTo(1);
    }

    @Test
    void zipEntriesAreDocumentsWithTheirPathsInTheArchive() {
        Record zip = file("arkiv.zip");
        assertThat(zip.get("d").get("mediaType").asString()).isEqualTo("application/zip");
        String zipPath = root.resolve("arkiv.zip").toString();
        assertThat(document(zipPath + "!/a.txt").get("texts").asList(Value::asString))
                .containsExactly("Tekst i arkivet.");
        assertThat(document(zipPath + "!/sub/b.html").get("d").get("fileName").asString())
                .isEqualTo("b.html");
        assertThat(query(
                        "MATCH (:Document {id: $id})-[c:CONTAINS]->(e) RETURN c.names AS names",
                        Map.of("id", zip.get("d").get("id").asString())))
                .extracting(x -> x.get("names").asList(Value::asString))
                .containsExactlyInAnyOrder(List.of("a.txt"), List.of("sub/b.html"));
    }

    @Test
    void nestedZipsChainTheirContainment() {
        String deepest = root.resolve("nested.zip") + "!/inner.zip!/c.txt";
        Record c = document(deepest);
        assertThat(c.get("texts").asList(Value::asString)).containsExactly("Dypt inne i to arkiv.");
        assertThat(count(
                        """
                        MATCH (outer:Document)-[:CONTAINS]->(inner:Document)-[:CONTAINS]->(c:Document {id: $id})
                        WHERE $outer IN outer.paths
                        RETURN count(*)
                        """,
                        Map.of(
                                "id",
                                c.get("d").get("id").asString(),
                                "outer",
                                root.resolve("nested.zip").toString())))
                .isEqualTo(1);
    }

    @Test
    void passagesAreInTheFullTextIndex() {
        List<Record> hits = query(
                """
                CALL db.index.fulltext.queryNodes('passage_text', 'Fylkesdirektøren')
                YIELD node RETURN node.id AS id
                """);
        assertThat(hits).hasSize(1);
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

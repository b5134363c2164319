package no.govgraph.ingest.write;

import static no.govgraph.ingest.fixtures.ImportITSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import no.govgraph.ingest.fixtures.TestFiles;
import no.govgraph.ingest.run.ImportReport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/**
 * What the extractor finds is written as the data model says: entities merged by id with their
 * aliases, mentions from passages, one relationship per fact (per period for ACHIEVED) whose
 * {@code sources} are the documents behind it, and a claim per piece of evidence.
 */
class ExtractionWriteIT {

    @TempDir
    Path dir;

    @BeforeEach
    void clear() {
        neo4j().clear();
    }

    private Path document(String name, String... paragraphs) {
        return TestFiles.text(dir.resolve(name), String.join("\n\n", paragraphs));
    }

    @Test
    void writesEntitiesMentionsRelationshipsAndClaims() {
        Path a = document(
                "a.txt",
                "NAV Frogner samarbeider med Oslo kommune om flere tiltak i bydelen.",
                "Sysselsetting 2014: 45 % ved Nav Frogner.");
        Path b = document("b.txt", "Nav Frogner bruker Lean, sier Kari Nordmann ved Nav Frogner.");

        ImportReport report = run(a, b);

        assertThat(report.imported()).isEqualTo(2);
        Record office = query("MATCH (o:Office {id: 'office:0301'}) RETURN o").get(0);
        assertThat(office.get("o").get("name").asString()).isEqualTo("Nav Frogner");
        assertThat(office.get("o").get("unitNumber").asString()).isEqualTo("0301");
        assertThat(office.get("o").get("aliases").asList(Value::asString)).containsExactly("NAV Frogner");
        assertThat(count("MATCH (o:Office) RETURN count(o)")).isEqualTo(1);
        // Short paragraphs share a passage: one passage of each document mentions the office.
        assertThat(count("MATCH (:Passage)-[:MENTIONS]->(:Office {id: 'office:0301'}) RETURN count(*)"))
                .isEqualTo(2);

        String aId = documentId(a);
        String bId = documentId(b);
        Record partners = query(
                        "MATCH (:Office {id: 'office:0301'})-[r:PARTNERS_WITH]->(:Partner {id: 'partner:oslo-kommune'}) RETURN r")
                .get(0);
        assertThat(partners.get("r").get("since").asString()).isEqualTo("2015");
        assertThat(partners.get("r").get("sources").asList(Value::asString)).containsExactly(aId);

        Record achieved = query("MATCH (:Office)-[r:ACHIEVED]->(:Outcome {id: 'outcome:sysselsetting'}) RETURN r")
                .get(0);
        assertThat(achieved.get("r").get("value").asInt()).isEqualTo(45);
        assertThat(achieved.get("r").get("unit").asString()).isEqualTo("%");
        assertThat(achieved.get("r").get("period").asString()).isEqualTo("2014");

        assertThat(
                        count(
                                "MATCH (:Leader {id: 'leader:0301:kari-nordmann'})-[:LEADS]->(:Office {id: 'office:0301'}) RETURN count(*)"))
                .isEqualTo(1);
        assertThat(count(
                        "MATCH (:Office)-[r:USES_TOOL]->(:Tool {id: 'tool:lean'}) WHERE r.sources = [$b] RETURN count(*)",
                        Map.of("b", bId)))
                .isEqualTo(1);

        Record claim = query(
                        """
                        MATCH (c:Claim {type: 'ACHIEVED'})-[:FROM]->(p:Passage)
                        MATCH (c)-[:ABOUT]->(e)
                        RETURN c, p.id AS passage, collect(e.id) AS about
                        """)
                .get(0);
        Value c = claim.get("c");
        assertThat(c.get("status").asString()).isEqualTo("extracted");
        assertThat(c.get("documentId").asString()).isEqualTo(aId);
        assertThat(c.get("period").asString()).isEqualTo("2014");
        assertThat(c.get("quote").asString()).isEqualTo("Sysselsetting 2014: 45 %");
        assertThat(c.get("method").asString()).isEqualTo("test.outcome");
        assertThat(c.get("page").asInt()).isEqualTo(1);
        assertThat(claim.get("passage").asString()).isEqualTo(aId + ":0");
        assertThat(claim.get("about").asList(Value::asString))
                .containsExactlyInAnyOrder("office:0301", "outcome:sysselsetting");
        assertThat(c.get("id").asString())
                .isEqualTo(sha256(
                        "ACHIEVED|office:0301|outcome:sysselsetting|2014|" + aId + ":0|Sysselsetting 2014: 45 %"));
    }

    @Test
    void theSameFactInTwoDocumentsIsOneRelationshipWithBothSources() {
        Path a = document("a.txt", "Nav Frogner bruker Lean i arbeidet.");
        Path b = document("b.txt", "Også i år bruker Nav Frogner Lean.");

        run(a, b);

        List<Record> rels = query("MATCH (:Office)-[r:USES_TOOL]->(:Tool) RETURN r.sources AS sources");
        assertThat(rels).hasSize(1);
        assertThat(rels.get(0).get("sources").asList(Value::asString))
                .containsExactlyInAnyOrder(documentId(a), documentId(b));
        assertThat(count("MATCH (c:Claim {type: 'USES_TOOL'}) RETURN count(c)")).isEqualTo(2);
    }

    @Test
    void achievedIsOnePerOfficeOutcomeAndPeriodWithTheBestClaimsFigures() {
        Path a = document(
                "a.txt", "Sysselsetting 2014: 45 % ved Nav Frogner.", "Sysselsetting 2015: 47 % ved Nav Frogner.");
        Path b = document("b.txt", "Sysselsetting 2014: 44 % ved Nav Frogner.");

        run(a, b);

        List<Record> rels = query("MATCH (:Office)-[r:ACHIEVED]->(:Outcome) RETURN r ORDER BY r.period");
        assertThat(rels).hasSize(2);
        Value y2014 = rels.get(0).get("r");
        assertThat(y2014.get("period").asString()).isEqualTo("2014");
        assertThat(y2014.get("sources").asList(Value::asString))
                .containsExactlyInAnyOrder(documentId(a), documentId(b));
        String bestQuote = List.of("Sysselsetting 2014: 45 %", "Sysselsetting 2014: 44 %").stream()
                .min((x, y) -> claimIdFor(x, x.equals("Sysselsetting 2014: 45 %") ? documentId(a) : documentId(b))
                        .compareTo(claimIdFor(y, y.equals("Sysselsetting 2014: 45 %") ? documentId(a) : documentId(b))))
                .orElseThrow();
        assertThat(y2014.get("value").asInt()).isEqualTo(bestQuote.contains("45") ? 45 : 44);
        assertThat(rels.get(1).get("r").get("value").asInt()).isEqualTo(47);
    }

    @Test
    void aFileTheExtractorFailsOnIsRecordedAndNotWritten() {
        Path good = document("god.txt", "Nav Frogner bruker Lean.");
        Path bad = document("vond.txt", "Denne teksten får uttrekket til å feile: BOOM.");
        no.govgraph.ingest.extraction.FactExtractor failing = text -> {
            if (text.passages().stream().anyMatch(p -> p.text().contains("BOOM"))) {
                throw new IllegalStateException("cannot read this");
            }
            return new no.govgraph.ingest.fixtures.KeywordExtractor().extract(text);
        };

        no.govgraph.ingest.run.ImportReport report;
        try (no.govgraph.ingest.run.Importer importer = importer(options().withWorkers(1), failing)) {
            report = run(importer, good, bad);
        }

        assertThat(report.imported()).isEqualTo(1);
        assertThat(report.failures()).singleElement().satisfies(f -> {
            assertThat(f.stage()).isEqualTo("extract");
            assertThat(f.reason()).contains("vond.txt", "IllegalStateException", "cannot read this");
        });
        assertThat(count("MATCH (d:Document) WHERE $p IN d.paths RETURN count(d)", Map.of("p", bad.toString())))
                .isZero();
    }

    /**
     * A leader named without a background in one document keeps the background another document
     * states, in either order; one never described gets "unknown". A figure without a year is
     * still an ACHIEVED fact (period ""), so no evidence is dropped.
     */
    @Test
    void leaderBackgroundIsNeverErasedAndAchievedWithoutPeriodIsKept() {
        Path first = document("first.txt", "Kari Nordmann leder Nav Frogner. Per Hansen leder Nav Bærum.");
        Path second = document("second.txt", "Nav Frogner ledes av Kari Nordmann, med statlig bakgrunn. Ledighet 7 %.");
        no.govgraph.ingest.extraction.FactExtractor extractor = text -> {
            var passage = text.passages().get(0);
            boolean stated = passage.text().contains("statlig");
            var kari = new no.govgraph.ingest.extraction.Entity(
                    no.govgraph.ingest.extraction.EntityKind.LEADER,
                    "leader:0301:kari-nordmann",
                    "Kari Nordmann",
                    List.of(),
                    stated ? Map.of("background", "state") : Map.of());
            var per = new no.govgraph.ingest.extraction.Entity(
                    no.govgraph.ingest.extraction.EntityKind.LEADER,
                    "leader:0219:per-hansen",
                    "Per Hansen",
                    List.of(),
                    Map.of());
            var office = new no.govgraph.ingest.extraction.Entity(
                    no.govgraph.ingest.extraction.EntityKind.OFFICE, "office:0301", "Nav Frogner", List.of(), Map.of());
            var outcome = new no.govgraph.ingest.extraction.Entity(
                    no.govgraph.ingest.extraction.EntityKind.OUTCOME,
                    "outcome:ledighet",
                    "Ledighet",
                    List.of(),
                    Map.of());
            var evidence =
                    new no.govgraph.ingest.extraction.Evidence(passage.id(), 1, "Ledighet 7 %", "test.outcome", 0.8);
            List<no.govgraph.ingest.extraction.Fact> facts = stated
                    ? List.of(new no.govgraph.ingest.extraction.Fact(
                            no.govgraph.neo4j.model.RelType.ACHIEVED,
                            "office:0301",
                            "outcome:ledighet",
                            Map.of("value", 7, "unit", "%"),
                            evidence))
                    : List.of();
            return new no.govgraph.ingest.extraction.Extraction(
                    stated ? List.of(kari, office, outcome) : List.of(kari, per, office), List.of(), facts);
        };

        try (no.govgraph.ingest.run.Importer importer = importer(options().withWorkers(1), extractor)) {
            run(importer, second);
            run(importer, first);
        }

        assertThat(query("MATCH (l:Leader) RETURN l.id AS id, l.background AS b ORDER BY id").stream()
                        .map(r -> r.get("id").asString() + "=" + r.get("b").asString())
                        .toList())
                .containsExactly("leader:0219:per-hansen=unknown", "leader:0301:kari-nordmann=state");
        Record achieved = query("MATCH (:Office)-[r:ACHIEVED]->(:Outcome {id: 'outcome:ledighet'}) RETURN r")
                .get(0);
        assertThat(achieved.get("r").get("period").asString()).isEmpty();
        assertThat(achieved.get("r").get("value").asInt()).isEqualTo(7);
        assertThat(count("MATCH (c:Claim {type: 'ACHIEVED'}) WHERE c.period IS NULL RETURN count(c)"))
                .isEqualTo(1);
    }

    private static String claimIdFor(String quote, String documentId) {
        return sha256("ACHIEVED|office:0301|outcome:sysselsetting|2014|" + documentId + ":0|" + quote);
    }

    private static String documentId(Path file) {
        return sha256(TestFiles.bytes(file));
    }

    private static String sha256(String text) {
        return sha256(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
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

package no.govgraph.backend.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Driver;

/**
 * A small, realistic graph that follows the public data model exactly (ids, properties, claims with
 * FROM and ABOUT, relationships whose {@code sources} are the documents of their claims), written
 * through Cypher as the import pipeline would write it. Used until the sample corpus is in main.
 *
 * <p>Four offices (Frogner, Bærum, Trondheim and Stavanger, which has no relationships), three
 * partners, three leaders (state, municipal, unknown background), three tools, one outcome with
 * 2014 values for three offices, four documents of different kinds, years and languages.
 */
public final class Fixture {

    public static final String FROGNER = "office:0301";
    public static final String BAERUM = "office:0219";
    public static final String TRONDHEIM = "office:5001";
    public static final String STAVANGER = "office:1103";
    public static final String LEAN = "tool:lean";
    public static final String BMS = "tool:balansert-malstyring";
    public static final String CONTRACT = "tool:resultatavtale";
    public static final String WORK = "outcome:overgang-til-arbeid";
    public static final String KARI = "leader:0301:kari-nordmann";
    public static final String OLA = "leader:0219:ola-hansen";
    public static final String PER = "leader:5001:per-olsen";
    public static final String OSLO = "partner:oslo-kommune";
    public static final String NAV_OSLO = "partner:nav-oslo";
    public static final String BAERUM_KOMMUNE = "partner:baerum-kommune";

    /** Text of the document passages, with markup and quotes that must stay inert text. */
    public static final String HOSTILE_TEXT =
            "Notat: <script>alert(1)</script> <img src=x onerror=alert(1)> \"it's\" {braces} // not a comment";

    public static final String AGREEMENT = sha256("agreement-frogner-2014");
    public static final String REPORT = sha256("report-2014");
    public static final String INTERVIEW = sha256("interview-trondheim");
    public static final String LETTER = sha256("letter-baerum-2014");

    private final List<Map<String, Object>> documents = new ArrayList<>();
    private final List<Map<String, Object>> passages = new ArrayList<>();
    private final List<Map<String, Object>> mentions = new ArrayList<>();
    private final List<Map<String, Object>> claims = new ArrayList<>();

    private Fixture() {}

    /** Writes the fixture into an empty graph. */
    public static void seed(Driver driver) {
        Fixture f = new Fixture();
        f.document(
                AGREEMENT,
                "samarbeidsavtale-frogner.pdf",
                "Samarbeidsavtale NAV Frogner 2014",
                "agreement",
                "nb",
                "2014-01-15T00:00:00Z",
                List.of(
                        "Samarbeidsavtale mellom Oslo kommune og NAV Oslo om NAV Frogner.",
                        "Kontoret ledes av Kari Nordmann, som kommer fra statlig side.",
                        "NAV Frogner tar i bruk Lean og balansert målstyring i 2014."),
                List.of(List.of(FROGNER, OSLO, NAV_OSLO), List.of(KARI, FROGNER), List.of(FROGNER, LEAN, BMS)));
        f.document(
                REPORT,
                "resultatrapport-2014.docx",
                "Resultatrapport 2014",
                "report",
                "nb",
                "2015-02-01T00:00:00Z",
                List.of(
                        "Overgang til arbeid var 52 prosent ved NAV Frogner i 2014.",
                        "NAV Bærum oppnådde 47 prosent overgang til arbeid i 2014.",
                        "NAV Bærum bruker Lean i oppfølgingen.",
                        "NAV Frogner bruker Lean i hele kontoret."),
                List.of(List.of(FROGNER, WORK), List.of(BAERUM, WORK), List.of(BAERUM, LEAN), List.of(FROGNER, LEAN)));
        f.document(
                INTERVIEW,
                "interview-trondheim.txt",
                "Interview notes Trondheim",
                "interview",
                "en",
                "2016-03-10T00:00:00Z",
                List.of(
                        "The Trondheim office uses performance contracts (resultatavtale) with its staff.",
                        "Per Olsen leads NAV Trondheim; transition to work was 55 percent in 2014.",
                        HOSTILE_TEXT),
                List.of(List.of(TRONDHEIM, CONTRACT), List.of(PER, TRONDHEIM, WORK), List.of()));
        f.document(
                LETTER,
                "tildelingsbrev-baerum.pdf",
                "Tildelingsbrev Bærum 2014",
                "management_letter",
                "nb",
                "2014-01-05T00:00:00Z",
                List.of(
                        "NAV Bærum ledes av Ola Hansen fra kommunen. Partnerskapet med Bærum kommune gjelder fra 2010."),
                List.of(List.of(OLA, BAERUM, BAERUM_KOMMUNE)));

        f.claim("PARTNERS_WITH", FROGNER, OSLO, "", AGREEMENT, 0, "Samarbeidsavtale mellom Oslo kommune og NAV Oslo");
        f.claim(
                "PARTNERS_WITH",
                FROGNER,
                NAV_OSLO,
                "",
                AGREEMENT,
                0,
                "Samarbeidsavtale mellom Oslo kommune og NAV Oslo");
        f.claim(
                "PARTNERS_WITH",
                BAERUM,
                BAERUM_KOMMUNE,
                "",
                LETTER,
                0,
                "Partnerskapet med Bærum kommune gjelder fra 2010.");
        f.claim("LEADS", KARI, FROGNER, "", AGREEMENT, 1, "Kontoret ledes av Kari Nordmann");
        f.claim("LEADS", OLA, BAERUM, "", LETTER, 0, "NAV Bærum ledes av Ola Hansen fra kommunen.");
        f.claim("LEADS", PER, TRONDHEIM, "", INTERVIEW, 1, "Per Olsen leads NAV Trondheim");
        f.claim("USES_TOOL", FROGNER, LEAN, "", AGREEMENT, 2, "NAV Frogner tar i bruk Lean");
        f.claim("USES_TOOL", FROGNER, LEAN, "", REPORT, 3, "NAV Frogner bruker Lean i hele kontoret.");
        f.claim("USES_TOOL", FROGNER, BMS, "", AGREEMENT, 2, "NAV Frogner tar i bruk Lean og balansert målstyring");
        f.claim("USES_TOOL", BAERUM, LEAN, "", REPORT, 2, "NAV Bærum bruker Lean i oppfølgingen.");
        f.claim("USES_TOOL", TRONDHEIM, CONTRACT, "", INTERVIEW, 0, "uses performance contracts (resultatavtale)");
        f.claim("ACHIEVED", FROGNER, WORK, "2014", REPORT, 0, "Overgang til arbeid var 52 prosent ved NAV Frogner");
        f.claim("ACHIEVED", BAERUM, WORK, "2014", REPORT, 1, "NAV Bærum oppnådde 47 prosent overgang til arbeid");
        f.claim("ACHIEVED", TRONDHEIM, WORK, "2014", INTERVIEW, 1, "transition to work was 55 percent in 2014");
        f.write(driver);
    }

    private void document(
            String id,
            String fileName,
            String title,
            String kind,
            String language,
            String created,
            List<String> texts,
            List<List<String>> mentioned) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", id);
        d.put("fileName", fileName);
        d.put("paths", List.of("/nonexistent/corpus/" + fileName));
        d.put("mediaType", fileName.endsWith(".pdf") ? "application/pdf" : "text/plain");
        d.put("title", title);
        d.put("author", "Fixture");
        d.put("created", created);
        d.put("language", language);
        d.put("pages", texts.size());
        d.put("size", 1000L * texts.size());
        d.put("kind", kind);
        documents.add(d);
        for (int i = 0; i < texts.size(); i++) {
            String passageId = id + ":" + i;
            passages.add(Map.of("documentId", id, "id", passageId, "text", texts.get(i), "index", i, "page", i + 1));
            for (String entity : mentioned.get(i)) {
                mentions.add(Map.of("passageId", passageId, "entityId", entity));
            }
        }
    }

    private void claim(String type, String subject, String object, String period, String doc, int index, String quote) {
        String passageId = doc + ":" + index;
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", sha256(type + "|" + subject + "|" + object + "|" + period + "|" + passageId + "|" + quote));
        c.put("type", type);
        c.put("subjectId", subject);
        c.put("objectId", object);
        c.put("period", period);
        c.put("quote", quote);
        c.put("page", index + 1);
        c.put("method", "fixture." + type.toLowerCase(java.util.Locale.ROOT));
        c.put("confidence", 0.8);
        c.put("status", "extracted");
        c.put("documentId", doc);
        c.put("passageId", passageId);
        claims.add(c);
    }

    private void write(Driver driver) {
        driver.executableQuery(
                        """
                        CREATE (:Office {id: 'office:0301', name: 'Nav Frogner', unitNumber: '0301', aliases: ['NAV Frogner']}),
                               (:Office {id: 'office:0219', name: 'Nav Bærum', unitNumber: '0219', aliases: ['NAV Bærum']}),
                               (:Office {id: 'office:5001', name: 'Nav Trondheim', unitNumber: '5001',
                                         aliases: ['NAV Trondheim', 'Trondheim office']}),
                               (:Office {id: 'office:1103', name: 'Nav Stavanger', unitNumber: '1103', aliases: []}),
                               (:Partner {id: 'partner:oslo-kommune', name: 'Oslo kommune', kind: 'municipality'}),
                               (:Partner {id: 'partner:nav-oslo', name: 'NAV Oslo', kind: 'state'}),
                               (:Partner {id: 'partner:baerum-kommune', name: 'Bærum kommune', kind: 'municipality'}),
                               (:Leader {id: 'leader:0301:kari-nordmann', name: 'Kari Nordmann', background: 'state'}),
                               (:Leader {id: 'leader:0219:ola-hansen', name: 'Ola Hansen', background: 'municipal'}),
                               (:Leader {id: 'leader:5001:per-olsen', name: 'Per Olsen', background: 'unknown'}),
                               (:Tool {id: 'tool:lean', name: 'Lean', category: 'method'}),
                               (:Tool {id: 'tool:balansert-malstyring', name: 'Balansert målstyring', category: 'management'}),
                               (:Tool {id: 'tool:resultatavtale', name: 'Resultatavtale', category: 'contract'}),
                               (:Outcome {id: 'outcome:overgang-til-arbeid', name: 'Overgang til arbeid', service: 'state'})
                        """)
                .execute();
        driver.executableQuery(
                        """
                        UNWIND $documents AS d
                        CREATE (doc:Document)
                        SET doc = d, doc.created = datetime(d.created), doc.importedAt = datetime()
                        """)
                .withParameters(Map.of("documents", documents))
                .execute();
        driver.executableQuery(
                        """
                        UNWIND $passages AS p
                        MATCH (d:Document {id: p.documentId})
                        CREATE (d)-[:HAS_PASSAGE]->(:Passage {id: p.id, text: p.text, index: p.index, page: p.page})
                        """)
                .withParameters(Map.of("passages", passages))
                .execute();
        driver.executableQuery(
                        """
                        UNWIND $mentions AS m
                        MATCH (p:Passage {id: m.passageId})
                        MATCH (e) WHERE e.id = m.entityId AND (e:Office OR e:Partner OR e:Leader OR e:Tool OR e:Outcome)
                        MERGE (p)-[:MENTIONS]->(e)
                        """)
                .withParameters(Map.of("mentions", mentions))
                .execute();
        driver.executableQuery(
                        """
                        UNWIND $claims AS c
                        MATCH (p:Passage {id: c.passageId})
                        MATCH (s) WHERE s.id = c.subjectId AND (s:Office OR s:Leader)
                        MATCH (o) WHERE o.id = c.objectId AND (o:Office OR o:Partner OR o:Tool OR o:Outcome)
                        CREATE (k:Claim {id: c.id, type: c.type, subjectId: c.subjectId, objectId: c.objectId,
                                         period: c.period, quote: c.quote, page: c.page, method: c.method,
                                         confidence: c.confidence, status: c.status, documentId: c.documentId})
                        CREATE (k)-[:FROM]->(p), (k)-[:ABOUT]->(s), (k)-[:ABOUT]->(o)
                        """)
                .withParameters(Map.of("claims", claims))
                .execute();
        driver.executableQuery(
                        """
                        MATCH (l:Leader {id: 'leader:0301:kari-nordmann'}), (o:Office {id: 'office:0301'})
                        CREATE (l)-[:LEADS {from: '2012', to: null, sources: [$agreement]}]->(o)
                        WITH 1 AS one
                        MATCH (l:Leader {id: 'leader:0219:ola-hansen'}), (o:Office {id: 'office:0219'})
                        CREATE (l)-[:LEADS {from: '2010', sources: [$letter]}]->(o)
                        WITH 1 AS one
                        MATCH (l:Leader {id: 'leader:5001:per-olsen'}), (o:Office {id: 'office:5001'})
                        CREATE (l)-[:LEADS {sources: [$interview]}]->(o)
                        WITH 1 AS one
                        MATCH (o:Office {id: 'office:0301'}), (p:Partner {id: 'partner:oslo-kommune'}), (n:Partner {id: 'partner:nav-oslo'})
                        CREATE (o)-[:PARTNERS_WITH {since: '2006', sources: [$agreement]}]->(p),
                               (o)-[:PARTNERS_WITH {sources: [$agreement]}]->(n)
                        WITH 1 AS one
                        MATCH (o:Office {id: 'office:0219'}), (p:Partner {id: 'partner:baerum-kommune'})
                        CREATE (o)-[:PARTNERS_WITH {since: '2010', sources: [$letter]}]->(p)
                        WITH 1 AS one
                        MATCH (f:Office {id: 'office:0301'}), (b:Office {id: 'office:0219'}), (t:Office {id: 'office:5001'}),
                              (lean:Tool {id: 'tool:lean'}), (bms:Tool {id: 'tool:balansert-malstyring'}),
                              (contract:Tool {id: 'tool:resultatavtale'}), (w:Outcome {id: 'outcome:overgang-til-arbeid'})
                        CREATE (f)-[:USES_TOOL {sources: [$agreement, $report]}]->(lean),
                               (f)-[:USES_TOOL {sources: [$agreement]}]->(bms),
                               (b)-[:USES_TOOL {sources: [$report]}]->(lean),
                               (t)-[:USES_TOOL {sources: [$interview]}]->(contract),
                               (f)-[:ACHIEVED {value: 52.0, unit: 'percent', period: '2014', target: 50.0, sources: [$report]}]->(w),
                               (b)-[:ACHIEVED {value: 47.0, unit: 'percent', period: '2014', target: null, sources: [$report]}]->(w),
                               (t)-[:ACHIEVED {value: 55.0, unit: 'percent', period: '2014', sources: [$interview]}]->(w)
                        """)
                .withParameters(
                        Map.of("agreement", AGREEMENT, "report", REPORT, "interview", INTERVIEW, "letter", LETTER))
                .execute();
    }

    /** The id of the claim with these fields, as the data model defines it. */
    public static String claimId(
            String type, String subject, String object, String period, String passageId, String quote) {
        return sha256(type + "|" + subject + "|" + object + "|" + period + "|" + passageId + "|" + quote);
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

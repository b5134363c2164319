package no.govgraph.bench.graph;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.neo4j.driver.Driver;

/**
 * Builds a graph of govgraph's public data model at benchmark scale (default about 1 million nodes
 * and 5 million relationships), deterministically from a seed: offices with their municipality and
 * county partners, leaders, tools and outcome figures, and documents with passages, mentions and
 * claims. Every entity relationship is backed by at least one claim, as the real importer ensures.
 *
 * <p>It writes through the driver with batched {@code UNWIND … CREATE}, so it works against the
 * embedded store and any external Neo4j alike. It refuses a graph that already holds documents.
 */
public final class GraphGenerator {

    private static final int BATCH = 2_000;
    private static final String[] PLACES = {
        "Frogner", "Grünerløkka", "Sandnes", "Bærum", "Asker", "Drammen", "Fredrikstad", "Sarpsborg", "Moss",
        "Halden", "Lillestrøm", "Hamar", "Gjøvik", "Lillehammer", "Tønsberg", "Sandefjord", "Larvik", "Skien",
        "Porsgrunn", "Arendal", "Kristiansand", "Stavanger", "Haugesund", "Bergen", "Førde", "Ålesund", "Molde",
        "Kristiansund", "Trondheim", "Steinkjer", "Namsos", "Bodø", "Narvik", "Harstad", "Tromsø", "Alta",
        "Hammerfest", "Vadsø", "Kirkenes", "Kongsberg"
    };
    private static final String[] COUNTIES = {
        "Øst-Viken",
        "Vest-Viken",
        "Oslo",
        "Innlandet",
        "Vestfold og Telemark",
        "Agder",
        "Rogaland",
        "Vestland",
        "Møre og Romsdal",
        "Trøndelag",
        "Nordland",
        "Troms og Finnmark"
    };
    private static final String[] TOOLS = {
        "Mål- og disponeringsbrev", "Virksomhetsplan", "Balansert målstyring", "Tavlemøter", "Resultatdialog",
        "Lean", "Brukerundersøkelse", "Medarbeiderundersøkelse", "Lederavtale", "Partnerskapsmøte",
        "Internkontroll", "Risikovurdering", "Medarbeidersamtale", "Kompetanseplan"
    };
    private static final String[][] OUTCOMES = {
        {"Overgang til arbeid", "state"},
        {"Overgang til arbeid for personer med nedsatt arbeidsevne", "state"},
        {"Arbeidsevnevurdering", "state"},
        {"Aktivitetsplan", "state"},
        {"Dialogmøte 2", "state"},
        {"Brukertilfredshet", "state"},
        {"Sosialhjelpsmottakere", "municipal"},
        {"Unge sosialhjelpsmottakere", "municipal"},
        {"Kvalifiseringsprogrammet", "municipal"},
        {"Saksbehandlingstid økonomisk sosialhjelp", "municipal"},
        {"Sykefravær blant ansatte", "internal"}
    };
    private static final String[] FIRST = {
        "Kari", "Ola", "Ingrid", "Per", "Anne", "Lars", "Siri", "Jon", "Marit", "Knut", "Hilde", "Bjørn", "Liv", "Erik",
        "Tone", "Rune"
    };
    private static final String[] LAST = {
        "Hansen",
        "Johansen",
        "Olsen",
        "Larsen",
        "Andersen",
        "Pedersen",
        "Nilsen",
        "Kristiansen",
        "Jensen",
        "Karlsen",
        "Berg",
        "Haugen",
        "Hagen",
        "Eriksen",
        "Bakke",
        "Lie"
    };
    private static final String[] KINDS = {
        "agreement", "management_letter", "plan", "report", "interview", "email", "other"
    };
    private static final String[] FILLER = {
        "Kontoret har arbeidet systematisk med oppfølging av brukere i året som gikk.",
        "Partnerskapet mellom stat og kommune er forankret i en skriftlig avtale.",
        "Ledergruppen gjennomgår resultatene månedlig og justerer tiltakene.",
        "Det er lagt vekt på tett samarbeid med arbeidsgivere i regionen.",
        "Ansatte deltar i kompetanseheving innen veiledning og oppfølging.",
        "Styringsdialogen med fylket skjer gjennom faste møter gjennom året.",
        "Brukere med behov for bistand får en aktivitetsplan tidlig i løpet.",
        "The office reports quarterly on its targets to the county unit."
    };

    private final Driver driver;
    private final long seed;

    public GraphGenerator(Driver driver, long seed) {
        this.driver = driver;
        this.seed = seed;
    }

    /**
     * How big a graph to build.
     *
     * @param offices number of NAV offices (each with a municipality, a county, three leaders)
     * @param documents number of documents
     * @param passagesPerDocument passages per document
     * @param mentionsPerPassage entity mentions per passage
     * @param claimsPerDocument claims per document (each supports one entity relationship)
     * @param periods years of outcome figures per office and outcome
     */
    public record Scale(
            int offices,
            int documents,
            int passagesPerDocument,
            int mentionsPerPassage,
            int claimsPerDocument,
            int periods) {

        /** A scale that gives roughly {@code nodes} nodes and five times as many relationships. */
        public static Scale ofNodes(long nodes) {
            int documents = (int) Math.max(10, nodes / 10);
            int offices = (int) Math.max(5, Math.min(500, documents / 200));
            return new Scale(offices, documents, 6, 5, 3, 5);
        }
    }

    /** What was generated and how long it took. */
    public record Summary(long nodes, long relationships, Duration took) {}

    /** Generates the graph; {@code progress} gets a line now and then. */
    public Summary generate(Scale scale, Consumer<String> progress) {
        long started = System.nanoTime();
        long existing = driver.executableQuery("MATCH (d:Document) RETURN count(d) AS n")
                .execute()
                .records()
                .get(0)
                .get("n")
                .asLong();
        if (existing > 0) {
            throw new IllegalStateException(
                    "The graph already holds " + existing + " documents; generate into an empty one");
        }
        Model model = new Model(scale, new SplittableRandom(seed));
        long nodes = model.writeEntities(this);
        progress.accept("entities: " + nodes + " nodes");
        long relationships = 0;
        for (int from = 0; from < scale.documents(); from += BATCH / scale.passagesPerDocument() + 1) {
            int to = Math.min(scale.documents(), from + BATCH / scale.passagesPerDocument() + 1);
            long[] written = model.writeDocuments(this, from, to);
            nodes += written[0];
            relationships += written[1];
            if ((from / 1000) != (to / 1000) || to == scale.documents()) {
                progress.accept("documents: " + to + "/" + scale.documents());
            }
        }
        relationships += model.writeEntityRelationships(this);
        progress.accept("entity relationships written");
        return new Summary(nodes, relationships, Duration.ofNanos(System.nanoTime() - started));
    }

    void write(String cypher, List<Map<String, Object>> rows) {
        for (int i = 0; i < rows.size(); i += BATCH) {
            List<Map<String, Object>> batch = rows.subList(i, Math.min(rows.size(), i + BATCH));
            driver.executableQuery(cypher).withParameters(Map.of("rows", batch)).execute();
        }
    }

    static String sha256(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String slug(String s) {
        String folded = s.toLowerCase(Locale.ROOT)
                .replace("æ", "ae")
                .replace("ø", "o")
                .replace("å", "a")
                .replace("ü", "u");
        return folded.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    /** The generated world: entities and their relationships, and the claims that back them. */
    private static final class Model {

        private final Scale scale;
        private final SplittableRandom random;
        private final List<Office> offices = new ArrayList<>();
        /** relationship key → its row (properties and the growing list of sources). */
        private final Map<String, Rel> relationships = new LinkedHashMap<>();

        Model(Scale scale, SplittableRandom random) {
            this.scale = scale;
            this.random = random;
            for (int i = 0; i < scale.offices(); i++) {
                offices.add(newOffice(i));
            }
        }

        private Office newOffice(int i) {
            String unit = String.format(Locale.ROOT, "%04d", 1000 + i);
            String place = PLACES[i % PLACES.length] + (i < PLACES.length ? "" : " " + (i / PLACES.length + 1));
            Office office = new Office("office:" + unit, unit, "Nav " + place, place, new ArrayList<>());
            String municipality = "partner:kommune-" + unit;
            String county = "partner:nav-" + slug(COUNTIES[i % COUNTIES.length]);
            office.rels.add(rel("PARTNERS_WITH", office.id, municipality, Map.of("since", 2008 + i % 10)));
            office.rels.add(rel("PARTNERS_WITH", office.id, county, Map.of("since", 2008 + i % 10)));
            for (int l = 0; l < 3; l++) {
                String leader = leaderId(office, l);
                office.rels.add(rel("LEADS", leader, office.id, Map.of("from", 2010 + 4 * l, "to", 2013 + 4 * l)));
            }
            int tools = 4 + random.nextInt(7);
            int first = random.nextInt(TOOLS.length);
            for (int t = 0; t < tools; t++) {
                String tool = "tool:" + slug(TOOLS[(first + t) % TOOLS.length]);
                office.rels.add(rel("USES_TOOL", office.id, tool, Map.of()));
            }
            for (String[] outcome : OUTCOMES) {
                for (int p = 0; p < scale.periods(); p++) {
                    double value = Math.round(random.nextDouble(10, 90) * 10) / 10.0;
                    double target = Math.round(value + random.nextDouble(-10, 10));
                    office.rels.add(rel(
                            "ACHIEVED",
                            office.id,
                            "outcome:" + slug(outcome[0]),
                            Map.of("value", value, "unit", "%", "period", String.valueOf(2019 + p), "target", target)));
                }
            }
            return office;
        }

        private String leaderName(Office office, int l) {
            int n = Integer.parseInt(office.unit) * 3 + l;
            return FIRST[n % FIRST.length] + " " + LAST[(n / FIRST.length) % LAST.length];
        }

        private String leaderId(Office office, int l) {
            return "leader:" + office.unit + ":" + slug(leaderName(office, l));
        }

        private Rel rel(String type, String subject, String object, Map<String, Object> properties) {
            Rel rel = new Rel(type, subject, object, properties, new ArrayList<>());
            relationships.put(type + "|" + subject + "|" + object + "|" + properties.getOrDefault("period", ""), rel);
            return rel;
        }

        long writeEntities(GraphGenerator out) {
            List<Map<String, Object>> officeRows = new ArrayList<>();
            List<Map<String, Object>> partnerRows = new ArrayList<>();
            List<Map<String, Object>> leaderRows = new ArrayList<>();
            for (int i = 0; i < offices.size(); i++) {
                Office o = offices.get(i);
                officeRows.add(Map.of(
                        "id",
                        o.id,
                        "name",
                        o.name,
                        "unitNumber",
                        o.unit,
                        "aliases",
                        List.of("NAV " + o.place, o.place + " NAV-kontor")));
                partnerRows.add(Map.of(
                        "id", "partner:kommune-" + o.unit, "name", o.place + " kommune", "kind", "municipality"));
                for (int l = 0; l < 3; l++) {
                    String background = List.of("state", "municipal", "unknown").get(random.nextInt(3));
                    leaderRows.add(Map.of("id", leaderId(o, l), "name", leaderName(o, l), "background", background));
                }
            }
            for (String county : COUNTIES) {
                partnerRows.add(Map.of("id", "partner:nav-" + slug(county), "name", "NAV " + county, "kind", "county"));
            }
            List<Map<String, Object>> toolRows = new ArrayList<>();
            for (String tool : TOOLS) {
                toolRows.add(Map.of("id", "tool:" + slug(tool), "name", tool, "category", "management"));
            }
            List<Map<String, Object>> outcomeRows = new ArrayList<>();
            for (String[] outcome : OUTCOMES) {
                outcomeRows.add(Map.of("id", "outcome:" + slug(outcome[0]), "name", outcome[0], "service", outcome[1]));
            }
            out.write("UNWIND $rows AS r CREATE (n:Office) SET n = r", officeRows);
            out.write("UNWIND $rows AS r CREATE (n:Partner) SET n = r", partnerRows);
            out.write("UNWIND $rows AS r CREATE (n:Leader) SET n = r", leaderRows);
            out.write("UNWIND $rows AS r CREATE (n:Tool) SET n = r", toolRows);
            out.write("UNWIND $rows AS r CREATE (n:Outcome) SET n = r", outcomeRows);
            return officeRows.size() + partnerRows.size() + leaderRows.size() + toolRows.size() + outcomeRows.size();
        }

        /** Writes documents [from, to) with passages, mentions and claims; returns {nodes, relationships}. */
        long[] writeDocuments(GraphGenerator out, int from, int to) {
            List<Map<String, Object>> docs = new ArrayList<>();
            List<Map<String, Object>> claims = new ArrayList<>();
            Map<String, List<Map<String, Object>>> mentions = new LinkedHashMap<>();
            long nodes = 0;
            long rels = 0;
            for (int d = from; d < to; d++) {
                Office office = offices.get(d % offices.size());
                int ordinal = d / offices.size();
                String docId = sha256("govgraph-bench-document-" + d);
                String kind = KINDS[d % KINDS.length];
                List<String> texts = new ArrayList<>();
                for (int p = 0; p < scale.passagesPerDocument(); p++) {
                    texts.add(filler(3));
                }
                for (int c = 0; c < scale.claimsPerDocument(); c++) {
                    Rel rel = office.rels.get((ordinal * scale.claimsPerDocument() + c) % office.rels.size());
                    int p = random.nextInt(scale.passagesPerDocument());
                    String quote = quote(rel, office);
                    texts.set(p, texts.get(p) + " " + quote);
                    String passageId = docId + ":" + p;
                    rel.sources.add(docId);
                    Map<String, Object> claim = new LinkedHashMap<>();
                    claim.put(
                            "id",
                            sha256(rel.type + "|" + rel.subject + "|" + rel.object + "|"
                                    + rel.properties.getOrDefault("period", "") + "|" + passageId + "|" + quote));
                    claim.put("type", rel.type);
                    claim.put("subjectId", rel.subject);
                    claim.put("objectId", rel.object);
                    claim.put("period", String.valueOf(rel.properties.getOrDefault("period", "")));
                    claim.put("quote", quote);
                    claim.put("page", 1 + p / 2);
                    claim.put("method", "bench.generated");
                    claim.put("confidence", 0.5 + random.nextDouble() / 2);
                    claim.put("status", "extracted");
                    claim.put("documentId", docId);
                    claims.add(Map.of("props", claim, "passageId", passageId));
                    nodes++;
                    rels += 3;
                }
                List<Map<String, Object>> passages = new ArrayList<>();
                for (int p = 0; p < scale.passagesPerDocument(); p++) {
                    String passageId = docId + ":" + p;
                    passages.add(Map.of("id", passageId, "text", texts.get(p), "index", p, "page", 1 + p / 2));
                    mentions.computeIfAbsent("Office", k -> new ArrayList<>())
                            .add(Map.of("p", passageId, "e", office.id));
                    for (int m = 1; m < scale.mentionsPerPassage(); m++) {
                        Rel rel = office.rels.get(random.nextInt(office.rels.size()));
                        String label = labelOf(rel.object);
                        mentions.computeIfAbsent(label, k -> new ArrayList<>())
                                .add(Map.of("p", passageId, "e", rel.object));
                    }
                    rels += 1 + scale.mentionsPerPassage();
                }
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("id", docId);
                doc.put("fileName", slug(office.place) + "-" + kind + "-" + ordinal + ".pdf");
                doc.put("paths", List.of("/bench/" + slug(office.place) + "/" + kind + "-" + ordinal + ".pdf"));
                doc.put("mediaType", "application/pdf");
                doc.put(
                        "title",
                        office.name + ": " + kind.replace('_', ' ') + " " + (2019 + ordinal % scale.periods()));
                doc.put("author", "NAV " + COUNTIES[d % COUNTIES.length]);
                doc.put("created", (2019 + ordinal % scale.periods()) + "-03-01T00:00:00Z");
                doc.put("language", d % 10 == 9 ? "en" : d % 10 == 8 ? "nn" : "nb");
                doc.put("pages", 1 + (scale.passagesPerDocument() - 1) / 2);
                doc.put("size", 20_000 + random.nextInt(200_000));
                doc.put("kind", kind);
                doc.put("complete", true);
                docs.add(Map.of("props", doc, "passages", passages));
                nodes += 1 + scale.passagesPerDocument();
            }
            out.write(
                    """
                    UNWIND $rows AS r
                    CREATE (d:Document) SET d = r.props
                    WITH d, r
                    UNWIND r.passages AS p
                    CREATE (d)-[:HAS_PASSAGE]->(:Passage {id: p.id, text: p.text, index: p.index, page: p.page})
                    """,
                    docs);
            for (Map.Entry<String, List<Map<String, Object>>> e : mentions.entrySet()) {
                // The label comes from this class's own fixed set, never from input.
                out.write(
                        "UNWIND $rows AS r MATCH (p:Passage {id: r.p}) MATCH (e:" + e.getKey()
                                + " {id: r.e}) CREATE (p)-[:MENTIONS]->(e)",
                        e.getValue());
            }
            Map<String, List<Map<String, Object>>> claimsByType = new LinkedHashMap<>();
            for (Map<String, Object> claim : claims) {
                @SuppressWarnings("unchecked")
                String type = (String) ((Map<String, Object>) claim.get("props")).get("type");
                claimsByType.computeIfAbsent(type, k -> new ArrayList<>()).add(claim);
            }
            claimsByType.forEach((type, rows) -> {
                // Labels come from the relationship type, a fixed set of this class.
                String subject = type.equals("LEADS") ? "Leader" : "Office";
                String object =
                        switch (type) {
                            case "LEADS" -> "Office";
                            case "PARTNERS_WITH" -> "Partner";
                            case "USES_TOOL" -> "Tool";
                            default -> "Outcome";
                        };
                out.write(
                        "UNWIND $rows AS r MATCH (p:Passage {id: r.passageId})"
                                + " MATCH (s:" + subject + " {id: r.props.subjectId})"
                                + " MATCH (o:" + object + " {id: r.props.objectId})"
                                + " CREATE (c:Claim)-[:FROM]->(p) SET c = r.props"
                                + " CREATE (c)-[:ABOUT]->(s) CREATE (c)-[:ABOUT]->(o)",
                        rows);
            });
            return new long[] {nodes, rels};
        }

        long writeEntityRelationships(GraphGenerator out) {
            Map<String, List<Map<String, Object>>> byType = new LinkedHashMap<>();
            for (Rel rel : relationships.values()) {
                Map<String, Object> row = new LinkedHashMap<>(rel.properties);
                row.put("s", rel.subject);
                row.put("o", rel.object);
                row.put("sources", List.copyOf(new java.util.LinkedHashSet<>(rel.sources)));
                byType.computeIfAbsent(rel.type, k -> new ArrayList<>()).add(row);
            }
            out.write(
                    """
                    UNWIND $rows AS r MATCH (a:Leader {id: r.s}) MATCH (b:Office {id: r.o})
                    CREATE (a)-[:LEADS {from: r.from, to: r.to, sources: r.sources}]->(b)
                    """,
                    byType.getOrDefault("LEADS", List.of()));
            out.write(
                    """
                    UNWIND $rows AS r MATCH (a:Office {id: r.s}) MATCH (b:Partner {id: r.o})
                    CREATE (a)-[:PARTNERS_WITH {since: r.since, sources: r.sources}]->(b)
                    """,
                    byType.getOrDefault("PARTNERS_WITH", List.of()));
            out.write(
                    """
                    UNWIND $rows AS r MATCH (a:Office {id: r.s}) MATCH (b:Tool {id: r.o})
                    CREATE (a)-[:USES_TOOL {sources: r.sources}]->(b)
                    """,
                    byType.getOrDefault("USES_TOOL", List.of()));
            out.write(
                    """
                    UNWIND $rows AS r MATCH (a:Office {id: r.s}) MATCH (b:Outcome {id: r.o})
                    CREATE (a)-[:ACHIEVED {value: r.value, unit: r.unit, period: r.period, target: r.target,
                                           sources: r.sources}]->(b)
                    """,
                    byType.getOrDefault("ACHIEVED", List.of()));
            return relationships.size();
        }

        private String filler(int sentences) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < sentences; i++) {
                sb.append(i == 0 ? "" : " ").append(FILLER[random.nextInt(FILLER.length)]);
            }
            return sb.toString();
        }

        private static String labelOf(String id) {
            return switch (id.substring(0, id.indexOf(':'))) {
                case "office" -> "Office";
                case "partner" -> "Partner";
                case "leader" -> "Leader";
                case "tool" -> "Tool";
                default -> "Outcome";
            };
        }

        private String quote(Rel rel, Office office) {
            String object = rel.object.substring(rel.object.indexOf(':') + 1).replace('-', ' ');
            return switch (rel.type) {
                case "LEADS" -> "NAV-leder ved " + office.name + " er "
                        + rel.subject
                                .substring(rel.subject.lastIndexOf(':') + 1)
                                .replace('-', ' ') + ".";
                case "PARTNERS_WITH" -> "Avtalen er inngått mellom " + office.name + " og " + object + ".";
                case "USES_TOOL" -> office.name + " bruker " + object + " i styringen av kontoret.";
                default -> office.name + " oppnådde " + rel.properties.get("value") + " prosent på " + object + " i "
                        + rel.properties.get("period") + " (mål " + rel.properties.get("target") + ").";
            };
        }
    }

    private record Office(String id, String unit, String name, String place, List<Rel> rels) {}

    private record Rel(
            String type, String subject, String object, Map<String, Object> properties, List<String> sources) {}
}

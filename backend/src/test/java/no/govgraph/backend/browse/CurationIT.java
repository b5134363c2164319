package no.govgraph.backend.browse;

import static no.govgraph.backend.support.Fixture.AGREEMENT;
import static no.govgraph.backend.support.Fixture.BAERUM;
import static no.govgraph.backend.support.Fixture.BMS;
import static no.govgraph.backend.support.Fixture.FROGNER;
import static no.govgraph.backend.support.Fixture.LEAN;
import static no.govgraph.backend.support.Fixture.REPORT;
import static no.govgraph.backend.support.Fixture.TRONDHEIM;
import static no.govgraph.backend.support.Fixture.WORK;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import no.govgraph.backend.support.ApiTest;
import no.govgraph.backend.support.Fixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Curation (accept, reject, merge), document removal and download, which change the graph. */
@MicronautTest
@SuppressWarnings("unchecked")
class CurationIT extends ApiTest {

    @TempDir
    Path files;

    @BeforeEach
    void seed() {
        resetWithUsers();
        Fixture.seed(neo4j.driver());
    }

    private static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }

    private String onlyClaim(String type, String subject, String object) {
        Map<String, Object> evidence =
                getJson(READER, "/api/evidence?type=" + type + "&subject=" + subject + "&object=" + object);
        return (String) list(evidence.get("claims")).get(0).get("id");
    }

    private List<Object> sources(String type, String subject, String object) {
        return neo4j
                .driver()
                .executableQuery("MATCH (s {id: $s})-[r]->(o {id: $o}) WHERE type(r) = $t RETURN r.sources AS sources")
                .withParameters(Map.of("s", subject, "o", object, "t", type))
                .execute()
                .records()
                .stream()
                .findFirst()
                .map(r -> r.get("sources").asList(v -> (Object) v.asString()))
                .orElse(null);
    }

    @Test
    void rejectingTheOnlyClaimHidesTheRelationshipAndAcceptingBringsItBack() {
        String claim = onlyClaim("USES_TOOL", FROGNER, BMS);
        Map<String, Object> rejected = postJson(ARCHIVIST, "/api/claims/" + claim + "/reject", Map.of());
        assertThat(rejected).containsEntry("status", "rejected").containsEntry("curatedBy", ARCHIVIST);
        assertThat(rejected.get("curatedAt")).isNotNull();
        assertThat(sources("USES_TOOL", FROGNER, BMS)).isEmpty();

        Map<String, Object> evidence =
                getJson(READER, "/api/evidence?type=USES_TOOL&subject=" + FROGNER + "&object=" + BMS);
        assertThat(list(evidence.get("relationships"))).isEmpty();
        assertThat(list(evidence.get("claims"))).singleElement().satisfies(c -> assertThat(c.get("status"))
                .isEqualTo("rejected"));
        Map<String, Object> neighbourhood = getJson(READER, "/api/entities/" + FROGNER + "/neighbourhood");
        assertThat(list(neighbourhood.get("nodes")))
                .extracting(n -> n.get("id"))
                .doesNotContain(BMS);
        Map<String, Object> entity = getJson(READER, "/api/entities/" + FROGNER);
        assertThat(list(entity.get("relationships")))
                .flatExtracting(g -> list(g.get("items")))
                .extracting(i -> i.get("otherId"))
                .doesNotContain(BMS);

        postJson(ARCHIVIST, "/api/claims/" + claim + "/accept", Map.of());
        assertThat(sources("USES_TOOL", FROGNER, BMS)).containsExactly(AGREEMENT);

        Map<String, Object> audit = getJson(ADMIN, "/api/audit?action=claim.");
        assertThat(list(audit.get("items"))).extracting(e -> e.get("action")).contains("claim.reject", "claim.accept");
        assertThat(list(audit.get("items")))
                .allSatisfy(e -> assertThat(e.get("actor")).isEqualTo(ARCHIVIST));
    }

    @Test
    void aRelationshipWithoutEvidenceNoLongerCountsAsMoreNeighbours() {
        // Lean is used by Frogner and Bærum: from Frogner, Bærum is one more neighbour behind Lean.
        Map<String, Object> before = getJson(READER, "/api/entities/" + FROGNER + "/neighbourhood");
        assertThat((Map<String, Object>) before.get("more")).containsEntry(LEAN, 1);

        postJson(ARCHIVIST, "/api/claims/" + onlyClaim("USES_TOOL", BAERUM, LEAN) + "/reject", Map.of());

        Map<String, Object> after = getJson(READER, "/api/entities/" + FROGNER + "/neighbourhood");
        assertThat((Map<String, Object>) after.get("more")).doesNotContainKey(LEAN);
        Map<String, Object> lean = getJson(READER, "/api/entities/" + LEAN + "/neighbourhood");
        assertThat(list(lean.get("nodes"))).extracting(n -> n.get("id")).doesNotContain(BAERUM);
    }

    @Test
    void countsHiddenRelationshipsNotNeighboursWithAndWithoutARejectedClaim() {
        // A second year of figures: Frogner and Bærum each get a second ACHIEVED to the outcome.
        neo4j.driver()
                .executableQuery(
                        """
                        UNWIND [$frogner, $baerum] AS office
                        MATCH (o:Office {id: office}), (w:Outcome {id: $work})
                        CREATE (o)-[:ACHIEVED {value: 50.0, unit: 'percent', period: '2015', sources: [$report]}]->(w)
                        """)
                .withParameters(Map.of("frogner", FROGNER, "baerum", BAERUM, "work", WORK, "report", REPORT))
                .execute();
        String around = "/api/entities/" + FROGNER + "/neighbourhood";

        // No claim rejected: the counts come from Neo4j's degree counts. The outcome shows Frogner's two
        // years; Bærum's two and Trondheim's one are hidden: three relationships (two offices).
        Map<String, Object> before = getJson(READER, around);
        assertThat((Map<String, Object>) before.get("more"))
                .containsEntry(WORK, 3)
                .containsEntry(LEAN, 1);
        assertEveryNeighbourhoodCountsItsHiddenRelationships();

        // A rejected claim anywhere: every relationship is checked for evidence, with the same meaning.
        postJson(ARCHIVIST, "/api/claims/" + onlyClaim("ACHIEVED", TRONDHEIM, WORK) + "/reject", Map.of());
        Map<String, Object> after = getJson(READER, around);
        assertThat((Map<String, Object>) after.get("more"))
                .containsEntry(WORK, 2)
                .containsEntry(LEAN, 1);
        assertEveryNeighbourhoodCountsItsHiddenRelationships();
    }

    private static final List<String> EVIDENCED = List.of("LEADS", "PARTNERS_WITH", "USES_TOOL", "ACHIEVED");

    private void assertEveryNeighbourhoodCountsItsHiddenRelationships() {
        String frogner = "/api/entities/" + FROGNER + "/neighbourhood";
        assertMoreCountsEveryHiddenRelationship(getJson(READER, frogner), EVIDENCED, List.of());
        assertMoreCountsEveryHiddenRelationship(getJson(READER, frogner + "?depth=2"), EVIDENCED, List.of());
        assertMoreCountsEveryHiddenRelationship(getJson(READER, frogner + "?depth=2&limit=3"), EVIDENCED, List.of());
        assertMoreCountsEveryHiddenRelationship(
                getJson(READER, frogner + "?types=ACHIEVED&labels=Office,Outcome"),
                List.of("ACHIEVED"),
                List.of("Office", "Outcome"));
        assertMoreCountsEveryHiddenRelationship(
                getJson(READER, "/api/entities/" + WORK + "/neighbourhood?labels=Office,Outcome&limit=2"),
                EVIDENCED,
                List.of("Office", "Outcome"));
    }

    /**
     * For every node of a neighbourhood: the edges shown at it plus its "more" count are all its
     * relationships of {@code types} that still have evidence (to entities with {@code labels}, when
     * given), counted here independently of the backend.
     */
    private void assertMoreCountsEveryHiddenRelationship(
            Map<String, Object> neighbourhood, List<String> types, List<String> labels) {
        Map<String, Object> more = (Map<String, Object>) neighbourhood.get("more");
        List<Map<String, Object>> edges = list(neighbourhood.get("edges"));
        for (Map<String, Object> node : list(neighbourhood.get("nodes"))) {
            String id = (String) node.get("id");
            long shown = edges.stream()
                    .filter(e -> id.equals(e.get("source")) || id.equals(e.get("target")))
                    .count();
            long all = neo4j.driver()
                    .executableQuery(
                            """
                            MATCH (n {id: $id})-[r]-(m)
                            WHERE type(r) IN $types
                              AND size(coalesce(r.sources, [])) > 0
                              AND (size($labels) = 0 OR any(l IN labels(m) WHERE l IN $labels))
                            RETURN count(r) AS n
                            """)
                    .withParameters(Map.of("id", id, "types", types, "labels", labels))
                    .execute()
                    .records()
                    .get(0)
                    .get("n")
                    .asLong();
            long hidden = ((Number) more.getOrDefault(id, 0)).longValue();
            assertThat(shown + hidden).as("relationships of %s", id).isEqualTo(all);
        }
    }

    @Test
    void rejectingOneOfTwoClaimsDropsOnlyItsDocumentFromTheSources() {
        Map<String, Object> evidence =
                getJson(READER, "/api/evidence?type=USES_TOOL&subject=" + FROGNER + "&object=" + LEAN);
        String fromReport = list(evidence.get("claims")).stream()
                .filter(c -> c.get("documentId").equals(REPORT))
                .map(c -> (String) c.get("id"))
                .findFirst()
                .orElseThrow();
        postJson(ARCHIVIST, "/api/claims/" + fromReport + "/reject", Map.of());
        assertThat(sources("USES_TOOL", FROGNER, LEAN)).containsExactly(AGREEMENT);
    }

    @ParameterizedTest
    @ValueSource(strings = {READER, ANALYST})
    void onlyArchivistsCurate(String user) {
        String claim = onlyClaim("USES_TOOL", FROGNER, BMS);
        assertThat(fail(as(user, HttpRequest.POST("/api/claims/" + claim + "/reject", Map.of())))
                        .status())
                .isEqualTo(403);
        assertThat(fail(as(user, HttpRequest.POST("/api/entities/merge", Map.of("keep", FROGNER, "remove", BAERUM))))
                        .status())
                .isEqualTo(403);
        assertThat(fail(as(user, HttpRequest.DELETE("/api/documents/" + REPORT)))
                        .status())
                .isEqualTo(403);
        assertThat(sources("USES_TOOL", FROGNER, BMS)).containsExactly(AGREEMENT);
    }

    @Test
    void curatingAnUnknownClaimIs404() {
        assertThat(fail(as(ARCHIVIST, HttpRequest.POST("/api/claims/nope/accept", Map.of())))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void mergesADuplicateEntityKeepingAliasesRelationshipsAndClaims() {
        String passage = AGREEMENT + ":2";
        String quote = "Frogner-kontoret tar i bruk Lean";
        String claimId = Fixture.claimId("USES_TOOL", "office:0302", LEAN, "", passage, quote);
        neo4j.driver()
                .executableQuery(
                        """
                        MATCH (p:Passage {id: $passage}), (lean:Tool {id: 'tool:lean'}), (w:Outcome {id: 'outcome:overgang-til-arbeid'})
                        CREATE (d:Office {id: 'office:0302', name: 'Frogner-kontoret', unitNumber: '0302', aliases: ['Frogner NAV']})
                        CREATE (p)-[:MENTIONS]->(d)
                        CREATE (d)-[:USES_TOOL {sources: [$doc]}]->(lean)
                        CREATE (d)-[:ACHIEVED {value: 60.0, unit: 'percent', period: '2015', sources: [$doc]}]->(w)
                        CREATE (c:Claim {id: $claim, type: 'USES_TOOL', subjectId: 'office:0302', objectId: 'tool:lean',
                                         period: '', quote: $quote, page: 3, method: 'fixture', confidence: 0.5,
                                         status: 'extracted', documentId: $doc})
                        CREATE (c)-[:FROM]->(p), (c)-[:ABOUT]->(d), (c)-[:ABOUT]->(lean)
                        """)
                .withParameters(Map.of("passage", passage, "doc", AGREEMENT, "claim", claimId, "quote", quote))
                .execute();

        Map<String, Object> result =
                postJson(ARCHIVIST, "/api/entities/merge", Map.of("keep", FROGNER, "remove", "office:0302"));
        assertThat(result).containsEntry("kept", FROGNER).containsEntry("claims", 1);
        assertThat((List<Object>) result.get("aliases")).contains("NAV Frogner", "Frogner-kontoret", "Frogner NAV");

        assertThat(fail(as(READER, HttpRequest.GET("/api/entities/office:0302")))
                        .status())
                .isEqualTo(404);
        Map<String, Object> evidence =
                getJson(READER, "/api/evidence?type=USES_TOOL&subject=" + FROGNER + "&object=" + LEAN);
        assertThat(list(evidence.get("claims"))).hasSize(3).anySatisfy(c -> assertThat(c)
                .containsEntry("quote", quote)
                .containsEntry("subjectId", FROGNER)
                .containsEntry("id", Fixture.claimId("USES_TOOL", FROGNER, LEAN, "", passage, quote)));
        assertThat(sources("USES_TOOL", FROGNER, LEAN)).containsExactlyInAnyOrder(AGREEMENT, REPORT);
        Map<String, Object> achieved =
                getJson(READER, "/api/evidence?type=ACHIEVED&subject=" + FROGNER + "&object=" + WORK);
        assertThat(list(achieved.get("relationships")))
                .extracting(r -> r.get("period"))
                .containsExactly("2014", "2015");
        Map<String, Object> office = getJson(READER, "/api/entities/" + FROGNER);
        assertThat(((Map<String, Object>) office.get("properties")).get("unitNumber"))
                .isEqualTo("0301");
        assertThat(list(getJson(ADMIN, "/api/audit?action=entity.merge").get("items")))
                .hasSize(1);
    }

    @Test
    void refusesToMergeDifferentLabelsOrUnknownEntities() {
        assertThat(fail(as(ARCHIVIST, HttpRequest.POST("/api/entities/merge", Map.of("keep", FROGNER, "remove", LEAN))))
                        .detail())
                .contains("same label");
        assertThat(fail(as(
                                ARCHIVIST,
                                HttpRequest.POST(
                                        "/api/entities/merge", Map.of("keep", FROGNER, "remove", "office:7777"))))
                        .status())
                .isEqualTo(404);
        assertThat(fail(as(
                                ARCHIVIST,
                                HttpRequest.POST("/api/entities/merge", Map.of("keep", FROGNER, "remove", FROGNER))))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void removingADocumentTakesItsClaimsAndTheRelationshipsOnlyItSupported() {
        Map<String, Object> removed =
                http.toBlocking().retrieve(as(ARCHIVIST, HttpRequest.DELETE("/api/documents/" + REPORT)), Map.class);
        assertThat(removed).containsEntry("title", "Resultatrapport 2014").containsEntry("passages", 4);
        assertThat(fail(as(READER, HttpRequest.GET("/api/documents/" + REPORT))).status())
                .isEqualTo(404);
        assertThat(sources("USES_TOOL", BAERUM, LEAN)).isNull();
        assertThat(sources("ACHIEVED", FROGNER, WORK)).isNull();
        assertThat(sources("USES_TOOL", FROGNER, LEAN)).containsExactly(AGREEMENT);
        assertThat(list(getJson(ADMIN, "/api/audit?action=document.remove").get("items")))
                .singleElement()
                .satisfies(e -> assertThat(e).containsEntry("target", REPORT).containsEntry("actor", ARCHIVIST));
    }

    @Test
    void downloadsTheOriginalFileSafely() throws Exception {
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        Path file = files.resolve("evil \"name\"; æøå.html");
        Files.write(file, html);
        String id = Fixture.sha256(new String(html, StandardCharsets.UTF_8));
        neo4j.driver()
                .executableQuery(
                        """
                        CREATE (:Document {id: $id, fileName: $name, paths: ['/gone/away.html', $path],
                                           mediaType: 'text/html', title: 'Evil', kind: 'other'})
                        """)
                .withParameters(Map.of("id", id, "name", file.getFileName().toString(), "path", file.toString()))
                .execute();
        HttpResponse<byte[]> response =
                call(as(READER, HttpRequest.GET("/api/documents/" + id + "/file")), byte[].class);
        assertThat(response.body()).isEqualTo(html);
        assertThat(response.getContentType().orElseThrow().toString()).isEqualTo("application/octet-stream");
        assertThat(response.header("Content-Disposition"))
                .startsWith("attachment; filename=\"evil _name__ ___.html\"")
                .contains("filename*=UTF-8''evil%20%22name%22%3B%20%C3%A6%C3%B8%C3%A5.html");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");

        // The same path with other bytes is not the document any more.
        Files.writeString(file, "changed");
        assertThat(fail(as(READER, HttpRequest.GET("/api/documents/" + id + "/file")))
                        .status())
                .isEqualTo(404);
    }
}

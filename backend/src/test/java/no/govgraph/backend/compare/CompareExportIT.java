package no.govgraph.backend.compare;

import static no.govgraph.backend.support.Fixture.BAERUM;
import static no.govgraph.backend.support.Fixture.FROGNER;
import static no.govgraph.backend.support.Fixture.KARI;
import static no.govgraph.backend.support.Fixture.STAVANGER;
import static no.govgraph.backend.support.Fixture.TRONDHEIM;
import static no.govgraph.backend.support.Fixture.WORK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import no.govgraph.backend.support.ApiTest;
import no.govgraph.backend.support.Fixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The comparison and the exports, on the fixture graph. */
@MicronautTest
@SuppressWarnings("unchecked")
class CompareExportIT extends ApiTest {

    @BeforeAll
    void seed() {
        resetWithUsers();
        Fixture.seed(neo4j.driver());
    }

    private static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }

    private static Map<String, Object> byKey(List<Map<String, Object>> items, String key) {
        return items.stream().filter(i -> key.equals(i.get("key"))).findFirst().orElseThrow();
    }

    private static double number(Object o) {
        return ((Number) o).doubleValue();
    }

    @Test
    void comparesOfficesWithAndWithoutEachTool() {
        Map<String, Object> c = getJson(READER, "/api/compare?outcome=" + WORK + "&period=2014");
        assertThat(c.get("period")).isEqualTo("2014");
        assertThat(c.get("unit")).isEqualTo("percent");
        assertThat(list(c.get("tools")))
                .extracting(t -> t.get("name"))
                .containsExactly("Balansert målstyring", "Lean", "Resultatavtale");
        List<Map<String, Object>> offices = list(c.get("offices"));
        assertThat(offices).extracting(o -> o.get("id")).containsExactly(BAERUM, FROGNER, STAVANGER, TRONDHEIM);
        Map<String, Object> frogner = offices.get(1);
        assertThat(number(frogner.get("value"))).isEqualTo(52.0);
        assertThat(frogner.get("leaderBackground")).isEqualTo("state");
        assertThat((List<Object>) frogner.get("partnerKinds")).contains("municipality", "state");
        assertThat(list(frogner.get("tools"))).extracting(t -> t.get("uses")).containsExactly(true, true, false);
        assertThat(offices.get(2).get("value")).isNull();

        Map<String, Object> lean = list(c.get("byTool")).stream()
                .filter(s -> s.get("key").equals("tool:lean"))
                .findFirst()
                .orElseThrow();
        Map<String, Object> with = (Map<String, Object>) lean.get("with");
        Map<String, Object> without = (Map<String, Object>) lean.get("without");
        assertThat(with.get("n")).isEqualTo(2);
        assertThat(number(with.get("mean"))).isCloseTo(49.5, within(1e-9));
        assertThat(number(with.get("median"))).isCloseTo(49.5, within(1e-9));
        assertThat(without.get("n")).isEqualTo(1);
        assertThat(number(without.get("mean"))).isCloseTo(55.0, within(1e-9));
        assertThat(number(lean.get("difference"))).isCloseTo(-5.5, within(1e-9));

        List<Map<String, Object>> backgrounds = list(c.get("byLeaderBackground"));
        assertThat((List<Object>) byKey(backgrounds, "state").get("offices")).containsExactly(FROGNER);
        assertThat((List<Object>) byKey(backgrounds, "municipal").get("offices"))
                .containsExactly(BAERUM);
        assertThat((List<Object>) byKey(backgrounds, "unknown").get("offices")).containsExactly(TRONDHEIM);
        Map<String, Object> municipality = byKey(list(c.get("byPartnership")), "municipality");
        assertThat(((Map<String, Object>) municipality.get("with")).get("n")).isEqualTo(2);
        assertThat(((Map<String, Object>) municipality.get("without")).get("n")).isEqualTo(1);
    }

    @Test
    void everyCellLinksToItsEvidence() {
        Map<String, Object> c = getJson(READER, "/api/compare?outcome=" + WORK);
        assertThat(c.get("period")).isEqualTo("2014");
        Map<String, Object> frogner = list(c.get("offices")).get(1);
        String valueEvidence = (String) frogner.get("evidence");
        Map<String, Object> evidence = getJson(READER, valueEvidence);
        assertThat(list(evidence.get("claims"))).singleElement().satisfies(cl -> assertThat((String) cl.get("quote"))
                .contains("52 prosent"));
        String toolEvidence = (String) list(frogner.get("tools")).get(1).get("evidence");
        assertThat(list(getJson(READER, toolEvidence).get("claims"))).hasSize(2);
    }

    @Test
    void listsOutcomesAndRefusesUnknownOnes() {
        List<Map<String, Object>> outcomes = getList(READER, "/api/compare/outcomes");
        assertThat(outcomes)
                .singleElement()
                .satisfies(o -> assertThat(o).containsEntry("id", WORK).containsEntry("periods", List.of("2014")));
        assertThat(fail(as(READER, HttpRequest.GET("/api/compare?outcome=outcome:nope")))
                        .status())
                .isEqualTo(404);
        assertThat(fail(as(READER, HttpRequest.GET("/api/compare"))).status()).isEqualTo(400);
        assertThat(fail(HttpRequest.GET("/api/compare?outcome=" + WORK)).status())
                .isEqualTo(401);
    }

    @Test
    void exportsQueryResultsAsCsvThatSpreadsheetsCannotExecute() {
        HttpResponse<byte[]> response = call(
                as(
                        ANALYST,
                        HttpRequest.POST(
                                "/api/export/cypher?format=csv",
                                Map.of("query", "RETURN '=HYPERLINK(\"http://evil\")' AS f, 'a,b' AS g, 42 AS n"))),
                byte[].class);
        String csv = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(csv).isEqualTo("\uFEFFf,g,n\r\n\"'=HYPERLINK(\"\"http://evil\"\")\",\"a,b\",42\r\n");
        assertThat(response.getContentType().orElseThrow().toString()).startsWith("text/csv");
        assertThat(response.header("Content-Disposition")).isEqualTo("attachment; filename=\"govgraph-query.csv\"");
        assertThat(fail(as(READER, HttpRequest.POST("/api/export/cypher", Map.of("query", "RETURN 1"))))
                        .status())
                .isEqualTo(403);
        assertThat(fail(as(ANALYST, HttpRequest.POST("/api/export/cypher", Map.of("query", "CREATE (:Evil)"))))
                        .status())
                .isEqualTo(422);
        assertThat(fail(as(ANALYST, HttpRequest.POST("/api/export/cypher?format=xls", Map.of("query", "RETURN 1"))))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void exportsGraphsAsWellFormedGraphMl() throws Exception {
        HttpResponse<byte[]> neighbourhood =
                call(as(READER, HttpRequest.GET("/api/export/neighbourhood/" + FROGNER + "?depth=2")), byte[].class);
        assertThat(neighbourhood.getContentType().orElseThrow().toString()).startsWith("application/graphml+xml");
        Document xml = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(neighbourhood.body()));
        assertThat(xml.getElementsByTagName("node").getLength()).isGreaterThan(5);
        assertThat(xml.getElementsByTagName("edge").getLength()).isGreaterThan(5);

        HttpResponse<byte[]> query = call(
                as(
                        ANALYST,
                        HttpRequest.POST(
                                "/api/export/cypher?format=graphml",
                                Map.of("query", "MATCH (p:Passage)<-[r:HAS_PASSAGE]-(d:Document) RETURN p, r, d"))),
                byte[].class);
        Document passages =
                DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(query.body()));
        assertThat(passages.getDocumentElement().getTextContent()).contains("<script>alert(1)</script>");

        Map<String, Object> paths = http.toBlocking()
                .retrieve(
                        as(
                                READER,
                                HttpRequest.GET("/api/export/paths?from=" + KARI + "&to=" + BAERUM + "&format=json")),
                        Map.class);
        assertThat(list(paths.get("paths"))).hasSize(1);
    }

    @Test
    void exportsTheComparisonAsCsv() {
        String csv = new String(
                call(as(READER, HttpRequest.GET("/api/export/compare?outcome=" + WORK + "&period=2014")), byte[].class)
                        .body(),
                StandardCharsets.UTF_8);
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).contains("office_id", "value", "Lean", "Resultatavtale");
        assertThat(lines)
                .anySatisfy(l -> assertThat(l).startsWith("office:0301,Nav Frogner,52.0,50.0,percent,2014,state"));
    }
}

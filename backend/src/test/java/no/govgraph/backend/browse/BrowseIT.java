package no.govgraph.backend.browse;

import static no.govgraph.backend.support.Fixture.AGREEMENT;
import static no.govgraph.backend.support.Fixture.BAERUM;
import static no.govgraph.backend.support.Fixture.FROGNER;
import static no.govgraph.backend.support.Fixture.INTERVIEW;
import static no.govgraph.backend.support.Fixture.KARI;
import static no.govgraph.backend.support.Fixture.LEAN;
import static no.govgraph.backend.support.Fixture.PER;
import static no.govgraph.backend.support.Fixture.STAVANGER;
import static no.govgraph.backend.support.Fixture.TRONDHEIM;
import static no.govgraph.backend.support.Fixture.WORK;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import no.govgraph.backend.support.ApiTest;
import no.govgraph.backend.support.Fixture;
import no.govgraph.backend.support.Problem;
import no.govgraph.neo4j.checksum.GraphChecksum;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Search, entity pages, neighbourhoods, paths, evidence and documents on the fixture graph. */
@MicronautTest
@SuppressWarnings("unchecked")
class BrowseIT extends ApiTest {

    @BeforeAll
    void seed() {
        resetWithUsers();
        Fixture.seed(neo4j.driver());
        neo4j.driver().executableQuery("CALL db.awaitIndexes(60)").execute();
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }

    // --- search

    @Test
    void findsEntitiesFirstThenPassagesWithHighlightRanges() {
        Map<String, Object> result = getJson(READER, "/api/search?q=Frogner");
        List<Map<String, Object>> hits = list(result.get("hits"));
        assertThat(hits.get(0)).containsEntry("kind", "entity").containsEntry("id", FROGNER);
        Map<String, Object> passage = hits.stream()
                .filter(h -> h.get("kind").equals("passage"))
                .findFirst()
                .orElseThrow();
        Map<String, Object> snippet = (Map<String, Object>) passage.get("snippet");
        String text = (String) snippet.get("text");
        List<Map<String, Object>> ranges = list(snippet.get("highlights"));
        assertThat(ranges).isNotEmpty();
        Map<String, Object> first = ranges.get(0);
        assertThat(text.substring((Integer) first.get("start"), (Integer) first.get("end")))
                .isEqualToIgnoringCase("Frogner");
        assertThat(passage.get("documentId")).isNotNull();
        assertThat(passage.get("page")).isNotNull();
    }

    @Test
    void countsFacetsAndFiltersByThem() {
        Map<String, Object> all = getJson(READER, "/api/search?q=NAV");
        Map<String, Object> facets = (Map<String, Object>) all.get("facets");
        assertThat(list(facets.get("kind"))).extracting(v -> v.get("value")).contains("agreement", "report");
        assertThat(list(facets.get("year"))).extracting(v -> v.get("value")).contains("2014", "2015");
        assertThat(list(facets.get("office")))
                .anySatisfy(v -> assertThat(v).containsEntry("value", FROGNER).containsEntry("label", "Nav Frogner"));

        Map<String, Object> reports = getJson(READER, "/api/search?q=NAV&kind=report");
        assertThat(list(reports.get("hits"))).isNotEmpty().allSatisfy(h -> assertThat(h)
                .containsEntry("kind", "passage")
                .containsEntry("documentKind", "report"));
        // The kind facet still offers the other kinds (it counts with the other filters only).
        assertThat(list(((Map<String, Object>) reports.get("facets")).get("kind")))
                .extracting(v -> v.get("value"))
                .contains("agreement");

        Map<String, Object> offices = getJson(READER, "/api/search?q=NAV&type=Office&office=" + q(BAERUM));
        assertThat(list(offices.get("hits"))).isNotEmpty().allSatisfy(h -> assertThat(
                        h.get("id").toString())
                .satisfiesAnyOf(id -> assertThat(id).isEqualTo(BAERUM), id -> assertThat(id)
                        .contains(":")));
    }

    @Test
    void pagesThroughHits() {
        Map<String, Object> first = getJson(READER, "/api/search?q=NAV&size=2&page=1");
        Map<String, Object> second = getJson(READER, "/api/search?q=NAV&size=2&page=2");
        assertThat(list(first.get("hits"))).hasSize(2);
        assertThat(first.get("hasMore")).isEqualTo(true);
        assertThat((Integer) first.get("total")).isGreaterThan(4);
        assertThat(list(second.get("hits")).get(0).get("id"))
                .isNotEqualTo(list(first.get("hits")).get(0).get("id"));
        assertThat(fail(as(READER, HttpRequest.GET("/api/search?q=NAV&page=0"))).status())
                .isEqualTo(400);
        assertThat(fail(as(READER, HttpRequest.GET("/api/search?q=NAV&size=100000")))
                        .status())
                .isEqualTo(400);
        assertThat(fail(as(READER, HttpRequest.GET("/api/search?q=NAV&page=abc")))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void keepsPhrasesAndWildcardsButNeverFailsOnSyntax() {
        Map<String, Object> phrase = getJson(READER, "/api/search?q=" + q("\"balansert målstyring\""));
        assertThat(list(phrase.get("hits"))).isNotEmpty();
        Map<String, Object> wildcard = getJson(READER, "/api/search?q=" + q("Trond*"));
        assertThat(list(wildcard.get("hits"))).extracting(h -> h.get("id")).contains(TRONDHEIM);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"unclosed phrase",
                "text:Frogner",
                "Frogner)",
                "(((",
                "AND",
                "OR NOT",
                "*lean",
                "/regex.*/",
                "[a TO z}",
                "}",
                "`backtick`",
                "'quote' \"double\"",
                "// comment",
                "a\\b",
                "Frogner^10",
                "!!",
                "&& ||",
                "~",
                "} RETURN 1 //",
                "' OR 1=1 --"
            })
    void answersOddSearchTextWithResultsNeverAnError(String text) {
        String before = GraphChecksum.of(neo4j.driver()).sha256();
        Map<String, Object> result = getJson(READER, "/api/search?q=" + q(text));
        assertThat(result).containsKey("hits");
        assertThat(GraphChecksum.of(neo4j.driver()).sha256()).isEqualTo(before);
    }

    @Test
    void refusesAMissingOrEmptySearchText() {
        var missing = fail(as(READER, HttpRequest.GET("/api/search")));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.contentType()).startsWith(Problem.MEDIA_TYPE);
        assertThat(fail(as(READER, HttpRequest.GET("/api/search?q=%20"))).status())
                .isEqualTo(400);
    }

    @Test
    void marksHostileTextAsPlainTextOnly() {
        Map<String, Object> result = getJson(READER, "/api/search?q=script");
        Map<String, Object> hit = list(result.get("hits")).get(0);
        Map<String, Object> snippet = (Map<String, Object>) hit.get("snippet");
        assertThat((String) snippet.get("text")).contains("<script>alert(1)</script>");
        assertThat(list(snippet.get("highlights"))).isNotEmpty();
    }

    // --- entities

    @Test
    void showsAnEntityWithRelationshipsGroupedAndCounted() {
        Map<String, Object> office = getJson(READER, "/api/entities/" + FROGNER);
        assertThat(office).containsEntry("label", "Office").containsEntry("name", "Nav Frogner");
        assertThat((List<Object>) office.get("aliases")).contains("NAV Frogner");
        List<Map<String, Object>> groups = list(office.get("relationships"));
        Map<String, Object> tools = groups.stream()
                .filter(g -> g.get("type").equals("USES_TOOL"))
                .findFirst()
                .orElseThrow();
        assertThat(tools).containsEntry("direction", "out").containsEntry("count", 2);
        Map<String, Object> lean = list(tools.get("items")).stream()
                .filter(i -> i.get("otherId").equals(LEAN))
                .findFirst()
                .orElseThrow();
        assertThat(lean).containsEntry("claims", 2).containsEntry("sources", 2);
        assertThat((String) lean.get("evidence")).startsWith("/api/evidence?type=USES_TOOL&subject=office%3A0301");
        assertThat(groups)
                .anySatisfy(g -> assertThat(g).containsEntry("type", "LEADS").containsEntry("direction", "in"));
        assertThat(list(office.get("documents"))).extracting(d -> d.get("id")).contains(AGREEMENT);
    }

    @Test
    void findsEntitiesByPartOfTheirName() {
        Map<String, Object> page = getJson(READER, "/api/entities?q=trond");
        assertThat(list(page.get("items"))).extracting(i -> i.get("id")).contains(TRONDHEIM);
        Map<String, Object> tools = getJson(READER, "/api/entities?label=Tool");
        assertThat(list(tools.get("items"))).hasSize(3);
        assertThat(fail(as(READER, HttpRequest.GET("/api/entities?label=Nope"))).status())
                .isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"office:9999", "nothing", "office:", "document:x", "tool:`x`", "office:'}"})
    void answersUnknownEntitiesWith404(String id) {
        var answer = fail(as(READER, HttpRequest.GET("/api/entities/" + q(id))));
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith(Problem.MEDIA_TYPE);
    }

    // --- neighbourhood

    @Test
    void givesTheNeighbourhoodInTheGraphViewShape() {
        Map<String, Object> n = getJson(READER, "/api/entities/" + FROGNER + "/neighbourhood");
        assertThat(n.get("center")).isEqualTo(FROGNER);
        List<Map<String, Object>> nodes = list(n.get("nodes"));
        assertThat(nodes.get(0).get("id")).isEqualTo(FROGNER);
        assertThat(nodes)
                .extracting(x -> x.get("id"))
                .contains(LEAN, KARI, WORK)
                .doesNotContain(BAERUM);
        List<Map<String, Object>> edges = list(n.get("edges"));
        assertThat(edges).anySatisfy(e -> assertThat(e)
                .containsEntry("id", FROGNER + "|USES_TOOL|" + LEAN)
                .containsEntry("source", FROGNER)
                .containsEntry("target", LEAN));
        // Lean is used by Bærum too, which is one step further: one more neighbour to expand.
        assertThat((Map<String, Object>) n.get("more")).containsEntry(LEAN, 1);
    }

    @Test
    void reachesFurtherWithDepthAndFiltersByTypeAndLabel() {
        Map<String, Object> two = getJson(READER, "/api/entities/" + FROGNER + "/neighbourhood?depth=2");
        assertThat(list(two.get("nodes"))).extracting(x -> x.get("id")).contains(BAERUM, TRONDHEIM);
        Map<String, Object> tools = getJson(
                READER, "/api/entities/" + FROGNER + "/neighbourhood?depth=2&types=USES_TOOL&labels=Office,Tool");
        assertThat(list(tools.get("nodes")))
                .extracting(x -> x.get("id"))
                .contains(BAERUM)
                .doesNotContain(KARI, TRONDHEIM);
        assertThat(list(tools.get("edges")))
                .allSatisfy(e -> assertThat(e.get("type")).isEqualTo("USES_TOOL"));
    }

    @Test
    void capsTheNodesAndSaysHowManyMoreThereAre() {
        Map<String, Object> capped = getJson(READER, "/api/entities/" + FROGNER + "/neighbourhood?depth=2&limit=3");
        assertThat(list(capped.get("nodes"))).hasSize(3);
        assertThat(capped.get("truncated")).isEqualTo(true);
        Map<String, Object> more = (Map<String, Object>) capped.get("more");
        assertThat(more.get(FROGNER)).isNotNull();
        assertThat((Integer) more.get(FROGNER)).isGreaterThan(0);
    }

    @Test
    void leavesTheEdgesSourcesOutOnlyWhenAskedTo() {
        for (String params :
                List.of("", "?depth=2", "?depth=2&types=USES_TOOL&labels=Office,Tool", "?depth=2&limit=3")) {
            String path = "/api/entities/" + FROGNER + "/neighbourhood" + params;
            Map<String, Object> full = getJson(READER, path);
            Map<String, Object> lean = getJson(READER, path + (params.isEmpty() ? "?" : "&") + "sources=false");
            assertThat(list(full.get("edges"))).isNotEmpty().allSatisfy(e -> assertThat(
                            (List<?>) ((Map<String, Object>) e.get("properties")).get("sources"))
                    .isNotEmpty());
            assertThat(list(lean.get("edges"))).allSatisfy(e -> assertThat((Map<String, Object>) e.get("properties"))
                    .doesNotContainKey("sources"));
            // Everything else is the same answer: nodes, edges with their other properties, counts.
            assertThat(lean.get("nodes")).isEqualTo(full.get("nodes"));
            assertThat(lean.get("more")).isEqualTo(full.get("more"));
            assertThat(lean.get("truncated")).isEqualTo(full.get("truncated"));
            List<Map<String, Object>> withoutSources = list(full.get("edges")).stream()
                    .map(e -> {
                        Map<String, Object> copy = new java.util.LinkedHashMap<>(e);
                        Map<String, Object> props =
                                new java.util.LinkedHashMap<>((Map<String, Object>) e.get("properties"));
                        props.remove("sources");
                        copy.put("properties", props);
                        return copy;
                    })
                    .toList();
            assertThat(list(lean.get("edges"))).isEqualTo(withoutSources);
        }
    }

    @Test
    void refusesBadNeighbourhoodParameters() {
        for (String params :
                List.of("depth=0", "depth=4", "limit=0", "limit=501", "types=KNOWS", "labels=Document", "depth=x")) {
            var answer = fail(as(READER, HttpRequest.GET("/api/entities/" + FROGNER + "/neighbourhood?" + params)));
            assertThat(answer.status()).as(params).isEqualTo(400);
        }
        assertThat(fail(as(READER, HttpRequest.GET("/api/entities/office:4242/neighbourhood")))
                        .status())
                .isEqualTo(404);
    }

    // --- paths

    @Test
    void findsTheShortestPathAndAllShortestPaths() {
        Map<String, Object> one = getJson(READER, "/api/paths?from=" + KARI + "&to=" + BAERUM);
        List<Map<String, Object>> paths = list(one.get("paths"));
        assertThat(paths).hasSize(1);
        assertThat(paths.get(0).get("length")).isEqualTo(3);
        assertThat((List<Object>) paths.get(0).get("nodes")).startsWith(KARI).endsWith(BAERUM);
        Map<String, Object> graph = (Map<String, Object>) one.get("graph");
        assertThat(list(graph.get("nodes"))).hasSize(4);

        Map<String, Object> all = getJson(READER, "/api/paths?from=" + FROGNER + "&to=" + TRONDHEIM + "&all=true");
        assertThat(list(all.get("paths"))).hasSize(1); // through the outcome, 2 steps
        Map<String, Object> none = getJson(READER, "/api/paths?from=" + FROGNER + "&to=" + STAVANGER);
        assertThat(list(none.get("paths"))).isEmpty();
        Map<String, Object> tooShort = getJson(READER, "/api/paths?from=" + KARI + "&to=" + PER + "&maxLength=2");
        assertThat(list(tooShort.get("paths"))).isEmpty();
    }

    @Test
    void refusesBadPathParameters() {
        assertThat(fail(as(READER, HttpRequest.GET("/api/paths?from=" + FROGNER)))
                        .status())
                .isEqualTo(400);
        assertThat(fail(as(READER, HttpRequest.GET("/api/paths?from=" + FROGNER + "&to=" + FROGNER)))
                        .status())
                .isEqualTo(400);
        assertThat(fail(as(READER, HttpRequest.GET("/api/paths?from=" + FROGNER + "&to=" + LEAN + "&maxLength=11")))
                        .status())
                .isEqualTo(400);
        assertThat(fail(as(READER, HttpRequest.GET("/api/paths?from=" + FROGNER + "&to=office:0000")))
                        .status())
                .isEqualTo(404);
    }

    // --- evidence

    @Test
    void listsTheClaimsBehindARelationship() {
        Map<String, Object> evidence =
                getJson(READER, "/api/evidence?type=USES_TOOL&subject=" + FROGNER + "&object=" + LEAN);
        assertThat(((Map<String, Object>) evidence.get("subject")).get("name")).isEqualTo("Nav Frogner");
        List<Map<String, Object>> claims = list(evidence.get("claims"));
        assertThat(claims).hasSize(2).allSatisfy(c -> assertThat(c)
                .containsKeys("quote", "page", "documentId", "documentTitle", "method", "confidence", "status"));
        assertThat(claims).extracting(c -> c.get("documentTitle")).contains("Samarbeidsavtale NAV Frogner 2014");
        assertThat(list(evidence.get("relationships"))).hasSize(1);

        Map<String, Object> achieved =
                getJson(READER, "/api/evidence?type=ACHIEVED&subject=" + FROGNER + "&object=" + WORK + "&period=2014");
        assertThat(list(achieved.get("relationships")).get(0)).containsEntry("value", 52.0);
    }

    @Test
    void refusesBadEvidenceQueries() {
        assertThat(fail(as(READER, HttpRequest.GET("/api/evidence?type=KNOWS&subject=" + FROGNER + "&object=" + LEAN)))
                        .status())
                .isEqualTo(400);
        assertThat(fail(as(READER, HttpRequest.GET("/api/evidence?type=USES_TOOL&subject=" + FROGNER)))
                        .status())
                .isEqualTo(400);
        assertThat(fail(as(READER, HttpRequest.GET("/api/evidence?type=USES_TOOL&subject=office:0000&object=" + LEAN)))
                        .status())
                .isEqualTo(404);
    }

    // --- documents

    @Test
    void showsADocumentWithMentionsAsRangesAndItsClaims() {
        Map<String, Object> doc = getJson(READER, "/api/documents/" + AGREEMENT);
        assertThat(((Map<String, Object>) doc.get("metadata")).get("title"))
                .isEqualTo("Samarbeidsavtale NAV Frogner 2014");
        assertThat(doc.get("passageCount")).isEqualTo(3);
        Map<String, Object> first = list(doc.get("passages")).get(0);
        String text = (String) first.get("text");
        List<Map<String, Object>> mentions = list(first.get("mentions"));
        assertThat(mentions).anySatisfy(m -> {
            assertThat(m.get("entityId")).isEqualTo(FROGNER);
            assertThat(text.substring((Integer) m.get("start"), (Integer) m.get("end")))
                    .isEqualTo("NAV Frogner");
        });
        assertThat(mentions)
                .anySatisfy(m -> assertThat(text.substring((Integer) m.get("start"), (Integer) m.get("end")))
                        .isEqualTo("Oslo kommune"));
        assertThat(list(doc.get("claims"))).hasSize(5);
        assertThat((Map<String, Object>) doc.get("entities")).containsEntry(LEAN, "Lean");

        Map<String, Object> paged = getJson(READER, "/api/documents/" + AGREEMENT + "?offset=1&limit=1");
        assertThat(list(paged.get("passages"))).singleElement().satisfies(p -> assertThat(p.get("index"))
                .isEqualTo(1));
    }

    @Test
    void listsDocumentsWithFilters() {
        Map<String, Object> all = getJson(READER, "/api/documents");
        assertThat(list(all.get("items"))).hasSize(4);
        Map<String, Object> english = getJson(READER, "/api/documents?language=en");
        assertThat(list(english.get("items"))).extracting(d -> d.get("id")).containsExactly(INTERVIEW);
    }

    @Test
    void explainsWhyAnOriginalFileCannotBeDownloaded() {
        var missing = fail(as(READER, HttpRequest.GET("/api/documents/" + AGREEMENT + "/file")));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.detail()).contains("no longer at any of its recorded paths");
        assertThat(fail(as(READER, HttpRequest.GET("/api/documents/" + "0".repeat(64))))
                        .status())
                .isEqualTo(404);
    }
}

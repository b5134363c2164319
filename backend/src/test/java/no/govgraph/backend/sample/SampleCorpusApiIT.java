package no.govgraph.backend.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import no.govgraph.backend.support.ApiTest;
import no.govgraph.ingest.run.FactExtractors;
import no.govgraph.ingest.run.ImportListener;
import no.govgraph.ingest.run.ImportOptions;
import no.govgraph.ingest.run.ImportReport;
import no.govgraph.ingest.run.Importer;
import no.govgraph.ingest.sample.SampleCorpus;
import no.govgraph.neo4j.checksum.GraphChecksum;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every endpoint family on the bundled sample corpus, imported by the real pipeline with the
 * bundled codebook: what a researcher sees on a first start. Figures checked here are written in
 * the sample documents (e.g. Nav Frogner's "overgang til arbeid" of 62.4 % in 2019).
 */
@MicronautTest
@SuppressWarnings("unchecked")
class SampleCorpusApiIT extends ApiTest {

    private static final String FROGNER = "office:0312";

    @TempDir
    static Path corpus;

    private static ImportReport imported;

    @BeforeAll
    void importTheSampleCorpus() {
        resetWithUsers();
        List<Path> files = SampleCorpus.copyTo(corpus);
        try (Importer importer =
                new Importer(neo4j.driver(), ImportOptions.defaults().withWorkers(2), FactExtractors.discover())) {
            imported = importer.run(List.of(corpus), ImportListener.NONE);
        }
        assertThat(files).hasSize(49);
    }

    @Test
    void everyFileOfTheSampleCorpusIsImported() {
        assertThat(imported.failures()).isEmpty();
        assertThat(imported.imported()).isEqualTo(49);
        assertThat(imported.documents()).isGreaterThan(49);
    }

    @Test
    void searchFindsPassagesAndEntitiesWithHighlightsAndFacets() {
        Map<String, Object> result = getJson(READER, "/api/search?q=tavlem%C3%B8ter");
        List<Map<String, Object>> hits = (List<Map<String, Object>>) result.get("hits");
        assertThat(hits).isNotEmpty();
        assertThat(hits).anySatisfy(h -> assertThat(h).containsEntry("id", "tool:tavlemoter"));
        Map<String, Object> passage = hits.stream()
                .filter(h -> "passage".equals(h.get("kind")))
                .findFirst()
                .orElseThrow();
        Map<String, Object> snippet = (Map<String, Object>) passage.get("snippet");
        assertThat((List<?>) snippet.get("highlights")).isNotEmpty();
        Map<String, Object> facets = (Map<String, Object>) result.get("facets");
        assertThat((List<Map<String, Object>>) facets.get("office")).isNotEmpty();
    }

    @Test
    void anOfficeHasItsLeaderPartnersToolsAndResultsEachWithEvidence() {
        Map<String, Object> frogner = getJson(READER, "/api/entities/" + FROGNER);
        assertThat(frogner.get("name")).isEqualTo("Nav Frogner");
        List<Map<String, Object>> groups = (List<Map<String, Object>>) frogner.get("relationships");
        assertThat(groups).extracting(g -> g.get("type")).contains("LEADS", "PARTNERS_WITH", "USES_TOOL", "ACHIEVED");
        Map<String, Object> tools = groups.stream()
                .filter(g -> g.get("type").equals("USES_TOOL"))
                .findFirst()
                .orElseThrow();
        assertThat((Integer) tools.get("count")).isGreaterThanOrEqualTo(10);

        Map<String, Object> evidence =
                getJson(READER, "/api/evidence?type=USES_TOOL&subject=" + FROGNER + "&object=tool:tavlemoter");
        assertThat((List<Map<String, Object>>) evidence.get("claims"))
                .isNotEmpty()
                .allSatisfy(
                        c -> assertThat(((String) c.get("quote")).toLowerCase()).contains("tavle"));

        Map<String, Object> kari = getJson(READER, "/api/entities/leader:0312:kari-holm");
        assertThat((Map<String, Object>) kari.get("properties")).containsEntry("background", "state");
    }

    @Test
    void neighbourhoodAndPathsConnectALeaderToTheToolsOfHerOffice() {
        Map<String, Object> around = getJson(READER, "/api/entities/" + FROGNER + "/neighbourhood?depth=1");
        assertThat((List<Map<String, Object>>) around.get("nodes"))
                .extracting(n -> n.get("id"))
                .contains("leader:0312:kari-holm", "tool:lean", "partner:oslo-kommune");

        Map<String, Object> paths = getJson(READER, "/api/paths?from=leader:0312:kari-holm&to=tool:lean");
        List<Map<String, Object>> found = (List<Map<String, Object>>) paths.get("paths");
        assertThat(found).isNotEmpty();
        assertThat((List<String>) found.get(0).get("nodes"))
                .containsExactly("leader:0312:kari-holm", FROGNER, "tool:lean");
    }

    @Test
    void aDocumentShowsItsPassagesMentionsAndClaims() {
        String id = neo4j.driver()
                .executableQuery("MATCH (d:Document {fileName: 'frogner-mdb-2019.docx'}) RETURN d.id AS id")
                .execute()
                .records()
                .get(0)
                .get("id")
                .asString();
        Map<String, Object> document = getJson(READER, "/api/documents/" + id);
        assertThat((Map<String, Object>) document.get("metadata")).containsEntry("kind", "management_letter");
        List<Map<String, Object>> passages = (List<Map<String, Object>>) document.get("passages");
        assertThat(passages)
                .anySatisfy(p -> assertThat((List<?>) p.get("mentions")).isNotEmpty());
        assertThat((List<?>) document.get("claims")).isNotEmpty();
        HttpResponse<byte[]> original =
                call(as(READER, HttpRequest.GET((String) document.get("download"))), byte[].class);
        assertThat(original.header("Content-Disposition")).contains("frogner-mdb-2019.docx");
    }

    @Test
    void theComparisonHoldsTheFiguresOfTheDocuments() {
        Map<String, Object> c = getJson(READER, "/api/compare?outcome=outcome:overgang-til-arbeid&period=2019");
        Map<String, Object> frogner = ((List<Map<String, Object>>) c.get("offices"))
                .stream().filter(o -> o.get("id").equals(FROGNER)).findFirst().orElseThrow();
        assertThat(((Number) frogner.get("value")).doubleValue()).isEqualTo(62.4);
        assertThat(frogner.get("evidence")).isNotNull();
        assertThat((List<?>) c.get("byTool")).isNotEmpty();
    }

    @Test
    void analystsQueryReadOnlyAndWritesAreRefusedWithTheGraphUntouched() {
        String before = GraphChecksum.of(neo4j.driver()).sha256();
        Map<String, Object> result = postJson(
                ANALYST,
                "/api/cypher",
                Map.of(
                        "query",
                        "MATCH (o:Office)-[:USES_TOOL]->(t:Tool {id: $tool}) RETURN o.name AS office",
                        "params",
                        Map.of("tool", "tool:lean")));
        assertThat((List<List<Object>>) result.get("rows"))
                .extracting(r -> r.get(0))
                .contains("Nav Frogner");

        var refused =
                fail(as(ANALYST, HttpRequest.POST("/api/cypher", Map.of("query", "MATCH (o:Office) DETACH DELETE o"))));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(GraphChecksum.of(neo4j.driver()).sha256()).isEqualTo(before);
    }

    @Test
    void theQualityReportFindsNoRelationshipWithoutEvidence() {
        Map<String, Object> quality = getJson(READER, "/api/quality");
        assertThat(((Number) quality.get("relationshipsWithoutClaim")).longValue())
                .isZero();
    }
}

package no.govgraph.backend.importjob;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.govgraph.backend.support.ApiTest;
import no.govgraph.ingest.sample.SampleCorpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An upload runs the real pipeline (Tika in worker processes, the codebook extractor): what an
 * archivist uploads becomes documents, entities and evidence a researcher can read, a broken file is
 * reported with its reason, and the quality report sees the result.
 */
@MicronautTest
@SuppressWarnings("unchecked")
class RealPipelineIT extends ApiTest {

    @TempDir
    static Path uploads;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("govgraph.upload.dir", uploads.toString());
        properties.put("govgraph.import.workers", "1");
        return properties;
    }

    @BeforeAll
    void users() {
        resetWithUsers();
    }

    private static byte[] sample(String name) {
        try (InputStream in = SampleCorpus.open(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anUploadBecomesDocumentsEntitiesAndEvidence() throws Exception {
        MultipartBody body = MultipartBody.builder()
                .addPart(
                        "files",
                        "frogner-mdb-2019.docx",
                        MediaType.APPLICATION_OCTET_STREAM_TYPE,
                        sample("frogner-mdb-2019.docx"))
                .addPart(
                        "files",
                        "frogner-samarbeidsavtale-2017.pdf",
                        MediaType.APPLICATION_OCTET_STREAM_TYPE,
                        sample("frogner-samarbeidsavtale-2017.pdf"))
                .addPart(
                        "files",
                        "broken.pdf",
                        MediaType.APPLICATION_OCTET_STREAM_TYPE,
                        "%PDF-1.7 this is not a PDF".getBytes(StandardCharsets.UTF_8))
                .build();
        HttpResponse<Map> accepted = call(
                as(ARCHIVIST, HttpRequest.POST("/api/imports", body)).contentType(MediaType.MULTIPART_FORM_DATA_TYPE),
                Map.class);
        assertThat(accepted.code()).isEqualTo(202);

        Map<String, Object> job = awaitImportJob((String) accepted.body().get("id"), Duration.ofMinutes(3));

        assertThat(job)
                .containsEntry("status", "finished")
                .containsEntry("imported", 2)
                .containsEntry("failed", 1);
        assertThat(job.get("runId")).isNotNull();
        assertThat((List<Map<String, Object>>) job.get("failures"))
                .singleElement()
                .satisfies(f -> {
                    assertThat((String) f.get("path")).endsWith("broken.pdf");
                    assertThat((String) f.get("reason")).isNotBlank();
                });
        assertThat((Map<String, Object>) job.get("report")).containsKeys("documents", "passages", "pages");

        Map<String, Object> frogner = getJson(READER, "/api/entities/office:0312");
        assertThat(frogner.get("name")).isEqualTo("Nav Frogner");
        String partner = neo4j.driver()
                .executableQuery("MATCH (:Office {id: 'office:0312'})-[:PARTNERS_WITH]->(p) RETURN p.id AS id LIMIT 1")
                .execute()
                .records()
                .get(0)
                .get("id")
                .asString();
        Map<String, Object> evidence =
                getJson(READER, "/api/evidence?type=PARTNERS_WITH&subject=office:0312&object=" + partner);
        assertThat((List<Map<String, Object>>) evidence.get("claims"))
                .isNotEmpty()
                .allSatisfy(c -> assertThat((String) c.get("quote")).isNotBlank());

        Map<String, Object> quality = getJson(READER, "/api/quality?limit=5");
        assertThat(quality).containsKeys("documentsWithoutEntities", "officesWithoutAgreement", "weaklySupported");
        assertThat(((Number) quality.get("relationshipsWithoutClaim")).longValue())
                .isZero();
        assertThat((List<Map<String, Object>>) quality.get("officesWithoutAgreement"))
                .extracting(o -> o.get("id"))
                .doesNotContain("office:0312");
        assertThat(fail(as(READER, HttpRequest.GET("/api/quality?limit=0"))).status())
                .isEqualTo(400);
    }
}

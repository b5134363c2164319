package no.govgraph.backend.importjob;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.govgraph.backend.support.ApiTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Upload jobs: storage, background run, progress, report, limits and roles (with a stand-in pipeline). */
@MicronautTest
@SuppressWarnings("unchecked")
class ImportJobIT extends ApiTest {

    @TempDir
    static Path uploads;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("govgraph.test.pipeline", "counting");
        properties.put("govgraph.upload.dir", uploads.toString());
        properties.put("govgraph.upload.max-size", "64KB");
        return properties;
    }

    @BeforeAll
    void users() {
        resetWithUsers();
    }

    private static MultipartBody files(String... namesAndContents) {
        MultipartBody.Builder body = MultipartBody.builder();
        for (int i = 0; i < namesAndContents.length; i += 2) {
            body.addPart(
                    "files",
                    namesAndContents[i],
                    MediaType.TEXT_PLAIN_TYPE,
                    namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return body.build();
    }

    @Test
    void uploadsFilesRunsThemInTheBackgroundAndReports() throws Exception {
        HttpResponse<Map> accepted = call(
                as(ARCHIVIST, HttpRequest.POST("/api/imports", files("a.txt", "alpha", "../../evil\u202e.bad", "x")))
                        .contentType(MediaType.MULTIPART_FORM_DATA_TYPE),
                Map.class);
        assertThat(accepted.code()).isEqualTo(202);
        Map<String, Object> job = accepted.body();
        String id = (String) job.get("id");
        assertThat(accepted.header("Location")).isEqualTo("/api/imports/" + id);
        assertThat((List<Object>) job.get("files")).containsExactly("a.txt", "evil_.bad");
        assertThat(Files.readString(uploads.resolve(id).resolve("a.txt"))).isEqualTo("alpha");

        Map<String, Object> done = awaitImportJob(id, Duration.ofSeconds(30));
        assertThat(done)
                .containsEntry("status", "finished")
                .containsEntry("total", 2)
                .containsEntry("done", 2);
        assertThat(done).containsEntry("failed", 1).containsEntry("imported", 1).containsEntry("createdBy", ARCHIVIST);
        assertThat((List<Map<String, Object>>) done.get("failures"))
                .singleElement()
                .satisfies(f -> assertThat(f).containsEntry("reason", "not a document"));

        Map<String, Object> list = getJson(ARCHIVIST, "/api/imports");
        assertThat((List<Map<String, Object>>) list.get("items"))
                .extracting(j -> j.get("id"))
                .contains(id);
        assertThat((List<Map<String, Object>>)
                        getJson(ADMIN, "/api/audit?action=import.").get("items"))
                .extracting(e -> e.get("action"))
                .contains("import.upload", "import.run");
    }

    @Test
    void takesAFolderOfManyFilesInOneRequest() throws Exception {
        // Micronaut's default of 128 parts per request once failed such uploads with a 500.
        String[] parts = new String[2 * 300];
        for (int i = 0; i < 300; i++) {
            parts[2 * i] = "note-" + i + ".txt";
            parts[2 * i + 1] = "Notat " + i;
        }
        HttpResponse<Map> accepted = call(
                as(ARCHIVIST, HttpRequest.POST("/api/imports", files(parts)))
                        .contentType(MediaType.MULTIPART_FORM_DATA_TYPE),
                Map.class);
        assertThat(accepted.code()).isEqualTo(202);
        assertThat((List<Object>) accepted.body().get("files")).hasSize(300);
        awaitImportJob((String) accepted.body().get("id"), Duration.ofSeconds(120));
    }

    @Test
    void refusesUploadsOverTheLimitWith413() {
        String big = "x".repeat(100 * 1024);
        var answer = fail(as(ARCHIVIST, HttpRequest.POST("/api/imports", files("big.txt", big)))
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE));
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.detail()).contains("larger than the server accepts");
    }

    @Test
    void refusesAnEmptyUpload() {
        var answer = fail(as(
                        ARCHIVIST,
                        HttpRequest.POST(
                                "/api/imports",
                                MultipartBody.builder()
                                        .addPart("note", "no file here")
                                        .build()))
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE));
        assertThat(answer.status()).isEqualTo(400);
    }

    @Test
    void onlyArchivistsImport() {
        for (String user : List.of(READER, ANALYST)) {
            assertThat(fail(as(user, HttpRequest.POST("/api/imports", files("a.txt", "a")))
                                    .contentType(MediaType.MULTIPART_FORM_DATA_TYPE))
                            .status())
                    .isEqualTo(403);
            assertThat(fail(as(user, HttpRequest.GET("/api/imports"))).status()).isEqualTo(403);
        }
        assertThat(fail(as(ARCHIVIST, HttpRequest.GET("/api/imports/nope"))).status())
                .isEqualTo(404);
    }

    @Test
    void namesUploadsSafely() {
        assertThat(ImportJobService.safeName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(ImportJobService.safeName("C:\\temp\\a.pdf")).isEqualTo("a.pdf");
        assertThat(ImportJobService.safeName("...")).isEqualTo("upload");
        assertThat(ImportJobService.safeName("a\u0000b\u202ec.txt")).isEqualTo("a_b_c.txt");
        assertThat(ImportJobService.safeName(null)).isEqualTo("upload");
    }
}

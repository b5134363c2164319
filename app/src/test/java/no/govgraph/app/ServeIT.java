package no.govgraph.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import no.govgraph.neo4j.embedded.BoltPassword;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * {@code govgraph serve} on the embedded default, as a first-time user runs it: a page on the web
 * port, Bolt for Neo4j tools, data that survives a restart, and clear errors for a taken port.
 */
class ServeIT {

    private static final Duration START = Duration.ofSeconds(180);
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    @Test
    void servesThePageAndBoltAndKeepsDataAcrossARestart() throws Exception {
        int web = freePort();
        int bolt = freePort();
        String[] serve = {
            "serve", "--no-sample", "--data-dir", dataDir.toString(), "--port", "" + web, "--bolt-port", "" + bolt
        };

        try (GovgraphProcess server = GovgraphProcess.start(Map.of(), serve)) {
            server.awaitOutput("govgraph is running", START);
            assertThat(server.output())
                    .contains("http://localhost:" + web)
                    .contains("bolt://127.0.0.1:" + bolt)
                    .contains("Neo4j password:");

            HttpResponse<String> page = get("http://localhost:" + web + "/");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).containsIgnoringCase("<html");
            HttpResponse<String> health = get("http://localhost:" + web + "/api/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");

            String password =
                    Files.readString(dataDir.resolve(BoltPassword.FILE_NAME)).strip();
            try (Driver driver =
                    GraphDatabase.driver("bolt://127.0.0.1:" + bolt, AuthTokens.basic("neo4j", password))) {
                driver.executableQuery("CREATE (:Office {id: 'office:restart', name: 'Nav Restart'})")
                        .execute();
            }

            // A second command uses the running server over Bolt instead of the locked store.
            try (GovgraphProcess cypher = GovgraphProcess.start(
                    Map.of(),
                    "cypher",
                    "--data-dir",
                    dataDir.toString(),
                    "--format",
                    "json",
                    "MATCH (o:Office) RETURN o.name AS name")) {
                assertThat(cypher.awaitExit(Duration.ofSeconds(60))).isZero();
                assertThat(cypher.output()).contains("[{\"name\":\"Nav Restart\"}]");
            }

            // The Bolt port is taken now: a second server says so clearly and stops.
            try (GovgraphProcess second = GovgraphProcess.start(
                    Map.of(),
                    "serve",
                    "--data-dir",
                    dataDir.resolve("other").toString(),
                    "--port",
                    "" + freePort(),
                    "--bolt-port",
                    "" + bolt)) {
                assertThat(second.awaitExit(Duration.ofSeconds(60))).isEqualTo(1);
                assertThat(second.output()).contains("Bolt port " + bolt).contains("--bolt-port");
            }

            assertThat(server.stop(Duration.ofSeconds(60))).isIn(0, 143);
            assertThat(server.output()).contains("Stopping govgraph");
        }

        try (GovgraphProcess again = GovgraphProcess.start(Map.of(), serve)) {
            again.awaitOutput("govgraph is running", START);
            assertThat(again.output()).doesNotContain("shown once");
            String password =
                    Files.readString(dataDir.resolve(BoltPassword.FILE_NAME)).strip();
            try (Driver driver =
                    GraphDatabase.driver("bolt://127.0.0.1:" + bolt, AuthTokens.basic("neo4j", password))) {
                var names = driver.executableQuery("MATCH (o:Office {id: 'office:restart'}) RETURN o.name AS name")
                        .execute()
                        .records();
                assertThat(names).extracting(r -> r.get("name").asString()).containsExactly("Nav Restart");
            }
            again.stop(Duration.ofSeconds(60));
        }
    }

    @Test
    void aFirstStartImportsTheSampleCorpusOnce() throws Exception {
        int bolt = freePort();
        String[] serve = {"serve", "--data-dir", dataDir.toString(), "--port", "" + freePort(), "--bolt-port", "" + bolt
        };

        try (GovgraphProcess server = GovgraphProcess.start(Map.of(), serve)) {
            server.awaitOutput("govgraph is running", START);
            server.awaitOutput("Stop with Ctrl-C", Duration.ofSeconds(10));
            assertThat(server.output()).contains("Sample corpus:      importing 49 documents");
            String password =
                    Files.readString(dataDir.resolve(BoltPassword.FILE_NAME)).strip();
            try (Driver driver =
                    GraphDatabase.driver("bolt://127.0.0.1:" + bolt, AuthTokens.basic("neo4j", password))) {
                String status = SampleJob.awaitOver(driver, Duration.ofMinutes(5));
                assertThat(status).as(server.output()).isEqualTo("finished");
                var counts = driver.executableQuery(
                                """
                                MATCH (d:Document) WITH count(d) AS documents
                                MATCH (o:Office) WITH documents, count(o) AS offices
                                MATCH (c:Claim) RETURN documents, offices, count(c) AS claims
                                """)
                        .execute()
                        .records()
                        .get(0);
                // 49 files, some holding embedded documents (a zip, e-mail attachments).
                assertThat(counts.get("documents").asLong()).isGreaterThan(49);
                assertThat(counts.get("offices").asLong()).isGreaterThanOrEqualTo(20);
                assertThat(counts.get("claims").asLong()).isGreaterThan(100);
            }
            server.stop(Duration.ofSeconds(60));
        }

        try (GovgraphProcess again = GovgraphProcess.start(Map.of(), serve)) {
            again.awaitOutput("govgraph is running", START);
            again.awaitOutput("Stop with Ctrl-C", Duration.ofSeconds(10));
            assertThat(again.output()).doesNotContain("Sample corpus");
            again.stop(Duration.ofSeconds(60));
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }
}

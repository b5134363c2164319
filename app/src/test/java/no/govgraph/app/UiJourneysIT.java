package no.govgraph.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import no.govgraph.neo4j.embedded.BoltPassword;
import no.govgraph.testsupport.UiSampleGraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The main journeys in a real headless Chromium against {@code govgraph serve} started as a process
 * from the assembled application, on the UI sample graph. One server and one browser for the class
 * (Chromium and Neo4j are slow to start on 2 cores); the journeys run in order and save a screenshot
 * of each main view to target/e2e-screenshots. Render times are printed and written to
 * target/e2e-timings.txt.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UiJourneysIT {

    private static final Duration START = Duration.ofSeconds(240);
    private static final Map<String, Long> TIMINGS = new LinkedHashMap<>();

    private static Path dataDir;
    private static GovgraphProcess server;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        if (!Browser.available()) {
            throw new IllegalStateException(
                    "The journeys need Debian's chromium and chromium-driver (.ci/run installs them)");
        }
        dataDir = Files.createTempDirectory("govgraph-e2e");
        int web = freePort();
        int bolt = freePort();
        server = GovgraphProcess.start(
                Map.of(), "serve", "--data-dir", dataDir.toString(), "--port", "" + web, "--bolt-port", "" + bolt);
        server.awaitOutput("govgraph is running", START);
        String password =
                Files.readString(dataDir.resolve(BoltPassword.FILE_NAME)).strip();
        try (Driver driver = GraphDatabase.driver("bolt://127.0.0.1:" + bolt, AuthTokens.basic("neo4j", password))) {
            UiSampleGraph.load(driver);
        }
        browser = new Browser("http://localhost:" + web, 1280, 800);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.stop(Duration.ofSeconds(60));
            server.close();
        }
        if (!TIMINGS.isEmpty()) {
            StringBuilder lines = new StringBuilder();
            TIMINGS.forEach(
                    (page, ms) -> lines.append(page).append('\t').append(ms).append(" ms\n"));
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "e2e-timings.txt"), lines);
            System.out.print("Render times (navigation to content shown):\n" + lines);
        }
        deleteQuietly(dataDir);
    }

    /** Opens {@code path}, waits for {@code ready}, and records how long that took. */
    private static WebElement timed(String name, String path, By ready) {
        long started = System.nanoTime();
        browser.open(path);
        WebElement element = browser.await(ready);
        TIMINGS.put(name, (System.nanoTime() - started) / 1_000_000);
        return element;
    }

    private static WebElement editorContent() {
        WebElement editor = browser.await(By.id("cypher-editor"));
        return browser.waitUntil(
                d -> editor.getShadowRoot().findElement(By.cssSelector(".cm-content")), Duration.ofSeconds(30));
    }

    private static void typeQuery(String query) {
        WebElement content = editorContent();
        content.click();
        content.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        // Completion would pick up words while typing; set the text directly, then run with the keyboard.
        browser.js("document.getElementById('cypher-editor').value = arguments[0];", query);
        content.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        browser.awaitVaadin();
    }

    @Test
    @Order(60)
    void runsACypherQueryAndSeesTableAndGraph() {
        timed("Cypher workbench", "/cypher", By.id("cypher-editor"));
        editorContent();
        typeQuery("MATCH (o:Office)-[r:USES_TOOL]->(t:Tool) RETURN o.name AS office, o, r, t ORDER BY office");

        WebElement summary = browser.await(By.id("query-summary"));
        browser.waitUntil(d -> summary.getText().startsWith("2 rows"), Duration.ofSeconds(30));
        assertThat(browser.text()).contains("Nav Frogner").contains("Nav Moss");

        browser.driver()
                .findElement(By.xpath("//vaadin-tab[normalize-space(.)='Graph']"))
                .click();
        WebElement graph = browser.await(By.cssSelector("gg-graph"));
        browser.waitUntil(d -> "4".equals(graph.getDomAttribute("data-nodes")), Duration.ofSeconds(30));
        assertThat(graph.getDomAttribute("data-edges")).isEqualTo("2");
        browser.screenshot("cypher-workbench");
    }

    @Test
    @Order(70)
    void triesAWriteQueryAndSeesItRefused() {
        browser.open("/cypher");
        typeQuery("MATCH (o:Office) SET o.name = 'hacked' RETURN o");

        WebElement problem = browser.await(By.id("query-problem"));
        assertThat(problem.getText()).startsWith("Refused").contains("SET");
        browser.screenshot("cypher-refused");
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Temporary data; the OS cleans /tmp.
        }
    }
}

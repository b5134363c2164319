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
    private static final String ADMIN_PASSWORD = "e2e-admin-password";
    private static final String XSS_SCRIPT = "<script>alert(1)</script>";
    private static final String XSS_IMG = "<img src=x onerror=alert(1)>";
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
                Map.of("GOVGRAPH_ADMIN_PASSWORD", ADMIN_PASSWORD),
                "serve",
                "--no-sample",
                "--data-dir",
                dataDir.toString(),
                "--port",
                "" + web,
                "--bolt-port",
                "" + bolt);
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

    /** No dialog opened and no element made from the payloads (an injected img or script would be found). */
    private static void assertNoScriptRan() {
        assertThat(browser.dialogOpen()).as("a JavaScript dialog opened").isFalse();
        assertThat(browser.anywhere("img[src='x'], img[onerror]"))
                .as("an <img> from the payload")
                .isFalse();
        assertThat((Boolean) browser.js("return [...document.scripts].some(s => s.textContent.includes('alert(1)'));"))
                .as("a <script> from the payload")
                .isFalse();
    }

    @Test
    @Order(10)
    void logsIn() {
        timed("Login page", "/", By.tagName("vaadin-login-form"));
        browser.screenshot("login");
        WebElement form = browser.await(By.tagName("vaadin-login-form"));
        form.findElement(By.cssSelector("input[name='username']")).sendKeys("admin");
        form.findElement(By.cssSelector("input[name='password']")).sendKeys(ADMIN_PASSWORD, Keys.ENTER);
        WebElement role = browser.await(By.id("user-role"));
        assertThat(role.getText()).isEqualTo("admin");
        browser.awaitVaadin();
        browser.screenshot("overview");
    }

    @Test
    @Order(20)
    void searchesAnOfficeAndOpensIt() {
        timed("Search (\"Frogner\")", "/search?q=Frogner", By.cssSelector(".search-hit"));
        browser.screenshot("search");
        WebElement office = browser.await(
                By.xpath("//a[contains(@class,'search-hit-title') and normalize-space(.)='Nav Frogner']"));
        office.click();
        browser.awaitVaadin();
        WebElement name = browser.await(By.id("entity-name"));
        assertThat(name.getText()).isEqualTo("Nav Frogner");
    }

    @Test
    @Order(30)
    void opensARelationshipsEvidence() {
        long started = System.nanoTime();
        browser.open("/entity/office:0301");
        browser.await(By.id("entity-name"));
        TIMINGS.put("Entity page (Nav Frogner)", (System.nanoTime() - started) / 1_000_000);
        WebElement relationship =
                browser.await(By.cssSelector("vaadin-details.relationship[data-other='tool:balansert-malstyring']"));
        relationship.findElement(By.cssSelector("vaadin-details-summary")).click();
        browser.awaitVaadin();
        WebElement quote = browser.await(
                By.cssSelector("vaadin-details.relationship[data-other='tool:balansert-malstyring'] .claim-quote"));
        assertThat(quote.getText()).contains("Kontoret bruker balansert målstyring.");
        browser.screenshot("entity-evidence");

        browser.driver()
                .findElement(By.cssSelector(
                        "vaadin-details.relationship[data-other='tool:balansert-malstyring'] a.claim-document"))
                .click();
        browser.awaitVaadin();
        WebElement title = browser.await(By.id("document-title"));
        assertThat(title.getText()).isEqualTo("Samarbeidsavtale Nav Frogner 2014");
        browser.screenshot("document");
    }

    @Test
    @Order(40)
    void opensTheGraphAndExpandsANode() {
        WebElement graph = timed("Graph explorer (Nav Frogner)", "/explore/office:0301", By.cssSelector("gg-graph"));
        browser.waitUntil(d -> graph.getDomAttribute("data-nodes") != null, Duration.ofSeconds(30));
        int before = Integer.parseInt(graph.getDomAttribute("data-nodes"));
        // Double-click the outcome node where Cytoscape drew it: the same event a user's mouse makes.
        browser.js(
                """
                const el = arguments[0];
                const cy = el._cy;
                const node = cy.getElementById('outcome:overgang-til-arbeid');
                node.emit('dbltap');
                """,
                graph);
        browser.awaitVaadin();
        browser.waitUntil(d -> Integer.parseInt(graph.getDomAttribute("data-nodes")) > before, Duration.ofSeconds(30));
        browser.js("arguments[0]._cy.edges().filter(e => e.data('type') === 'USES_TOOL')[0].emit('tap');", graph);
        browser.awaitVaadin();
        WebElement side = browser.await(By.id("explore-side"));
        browser.waitUntil(
                d -> side.getText().contains("Kontoret bruker balansert målstyring."), Duration.ofSeconds(30));
        browser.screenshot("graph-explorer");
    }

    @Test
    @Order(45)
    void drawsFiveHundredNodesAndStaysResponsive() {
        WebElement graph = browser.await(By.cssSelector("gg-graph"));
        browser.js("arguments[0].maxVisible = 1000;", graph);
        // A generated graph straight into the component: 500 nodes, 700 edges, force-directed layout.
        browser.js(
                """
                const labels = ['Office', 'Partner', 'Leader', 'Tool', 'Outcome'];
                const nodes = [], edges = [];
                for (let i = 0; i < 500; i++) {
                  nodes.push({id: 'n' + i, labels: [labels[i % 5]], caption: 'Node ' + i, properties: {}});
                }
                for (let i = 0; i < 700; i++) {
                  const s = i < 499 ? i + 1 : (i * 7919) % 500, t = i < 499 ? Math.floor(i / 3) : (i * 104729) % 500;
                  edges.push({id: 'e' + i, type: 'REL' + (i % 4), source: 'n' + s, target: 'n' + t, properties: {}});
                }
                arguments[0].rootId = 'n0';
                arguments[0].setGraph(JSON.stringify({nodes, edges, more: {}}));
                """,
                graph);
        assertThat(graph.getDomAttribute("data-nodes")).isEqualTo("500");
        long renderMs = Long.parseLong(graph.getDomAttribute("data-render-ms"));
        TIMINGS.put("Graph component: 500 nodes, 700 edges (layout and draw)", renderMs);
        // Responsive: the page still answers, and a layout change is handled.
        long started = System.nanoTime();
        browser.js("arguments[0].fit(); return 1;", graph);
        TIMINGS.put("Graph component: fit at 500 nodes", (System.nanoTime() - started) / 1_000_000);
        browser.screenshot("graph-500-nodes");
    }

    @Test
    @Order(50)
    void findsPaths() {
        timed("Path finder", "/paths?from=office:0301&to=office:0104", By.cssSelector(".path"));
        assertThat(browser.text()).contains("Nav Frogner —ACHIEVED→ Overgang til arbeid ←ACHIEVED— Nav Moss");
        browser.screenshot("path-finder");
    }

    @Test
    @Order(55)
    void comparesOfficesAndOpensACellsEvidence() {
        timed("Comparison (Overgang til arbeid 2014)", "/compare", By.cssSelector("#compare-matrix .compare-value"));
        assertThat(browser.text()).contains("With and without each tool").contains("Balansert målstyring");
        browser.screenshot("comparison");
        browser.driver()
                .findElement(By.cssSelector("#compare-matrix .compare-value"))
                .click();
        browser.awaitVaadin();
        WebElement quote = browser.await(By.cssSelector("vaadin-dialog-overlay .claim-quote"));
        assertThat(quote.getText()).contains("prosent");
    }

    @Test
    @Order(58)
    void opensTheImportPage() {
        timed("Import page", "/import", By.id("import-history"));
        browser.screenshot("import");
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

    @Test
    @Order(80)
    void fitsANarrowWindowWithoutSidewaysScrolling() {
        browser.resize(400, 800);
        try {
            for (String path :
                    new String[] {"/search?q=Frogner", "/entity/office:0301", "/explore/office:0301", "/cypher"}) {
                browser.open(path);
                browser.await(By.tagName("vaadin-app-layout"));
                long overflow = (Long) browser.js(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertThat(overflow).as("sideways overflow on %s", path).isLessThanOrEqualTo(0L);
                // Nothing sticks out of the view either (grids, the editor and the graph scroll inside).
                String outside = (String)
                        browser.js(
                                """
                        const width = document.documentElement.clientWidth;
                        const inner = 'vaadin-grid, gg-cypher-editor, gg-graph, vaadin-app-layout [slot=drawer]';
                        for (const el of document.querySelectorAll('vaadin-app-layout *')) {
                          if (el.closest(inner) && !el.matches(inner)) continue;
                          const r = el.getBoundingClientRect();
                          if (r.width > 0 && r.right > width + 1) return el.tagName + '.' + el.className + ' ' + el.textContent.slice(0, 40);
                        }
                        return '';
                        """);
                assertThat(outside)
                        .as("an element wider than the window on %s", path)
                        .isEmpty();
            }
            browser.open("/entity/office:0301");
            browser.await(By.id("entity-name"));
            browser.screenshot("narrow-entity");
        } finally {
            browser.resize(1280, 800);
        }
    }

    @Test
    @Order(90)
    void showsScriptsAndMarkupFromDocumentsAndNamesAsTextEverywhere() {
        browser.open("/document/" + UiSampleGraph.XSS_DOCUMENT);
        WebElement title = browser.await(By.id("document-title"));
        assertThat(title.getText()).isEqualTo(XSS_SCRIPT + " Notat");
        assertThat(browser.text()).contains(XSS_IMG).contains("Intervju: " + XSS_SCRIPT);
        assertNoScriptRan();
        browser.screenshot("xss-document");

        browser.open("/entity/" + UiSampleGraph.XSS_LEADER);
        assertThat(browser.await(By.id("entity-name")).getText()).isEqualTo(XSS_SCRIPT + XSS_IMG);
        assertNoScriptRan();

        browser.open("/search?q=alert");
        browser.await(By.cssSelector(".search-hit"));
        assertThat(browser.text()).contains(XSS_SCRIPT);
        assertNoScriptRan();

        WebElement graph = timed(
                "Graph explorer (XSS leader)", "/explore/" + UiSampleGraph.XSS_LEADER, By.cssSelector("gg-graph"));
        browser.waitUntil(d -> graph.getDomAttribute("data-nodes") != null, Duration.ofSeconds(30));
        assertNoScriptRan();

        browser.open("/cypher");
        typeQuery("MATCH (l:Leader) WHERE l.name CONTAINS 'script' RETURN l.name AS name, l");
        browser.waitUntil(d -> browser.text().contains(XSS_SCRIPT + XSS_IMG), Duration.ofSeconds(30));
        assertNoScriptRan();
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

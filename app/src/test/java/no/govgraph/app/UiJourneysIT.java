package no.govgraph.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.govgraph.neo4j.embedded.BoltPassword;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The main journeys in a real headless Chromium against {@code govgraph serve} started as a process
 * from the assembled application, on the bundled sample corpus (imported by {@code serve}'s first
 * start as an upload job, which the class waits for). One server and one browser for the class
 * (Chromium and Neo4j are slow to start on 2 cores); the journeys run in order and save a screenshot
 * of each main view to target/e2e-screenshots. Render times are printed and written to
 * target/e2e-timings.txt.
 *
 * <p>The XSS payloads come in as users bring them: an HTML document uploaded through the import page
 * (payloads in its title and text), plus a leader whose name is a payload, written over Bolt with ids
 * no real office has (unit 9901).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UiJourneysIT {

    private static final Duration START = Duration.ofSeconds(240);
    private static final Duration SAMPLE_IMPORT = Duration.ofMinutes(10);
    private static final String ADMIN_PASSWORD = "e2e-admin-password";
    private static final String XSS_SCRIPT = "<script>alert(1)</script>";
    private static final String XSS_IMG = "<img src=x onerror=alert(1)>";
    private static final String FROGNER = "office:0312";
    private static final String GRUNERLOKKA = "office:0315";
    private static final String TAVLEMOTER = "tool:tavlemoter";
    private static final String XSS_OFFICE = "office:9901";
    private static final String XSS_LEADER = "leader:9901:script-alert-1-script";
    private static final String XSS_FILE_NAME = "e2e-xss-notat.html";
    private static final String XSS_HTML =
            """
            <!DOCTYPE html>
            <html lang="no"><head><meta charset="utf-8">
            <title>&lt;script&gt;alert(1)&lt;/script&gt; Notat</title>
            <meta name="author" content="&lt;img src=x onerror=alert(1)&gt;">
            </head><body>
            <p>Intervju: &lt;script&gt;alert(1)&lt;/script&gt; og &lt;img src=x onerror=alert(1)&gt; ble nevnt av Nav Testby.</p>
            </body></html>
            """;
    private static final String XSS_FIXTURE =
            """
            MATCH (d:Document {id: $document})-[:HAS_PASSAGE]->(p:Passage)
            WITH d, p ORDER BY p.index LIMIT 1
            CREATE (o:Office {id: $office, name: 'Nav Testby', unitNumber: '9901', aliases: []})
            CREATE (l:Leader {id: $leader, name: $name, background: 'unknown'})
            CREATE (l)-[:LEADS {from: '2016', to: null, sources: [d.id]}]->(o)
            CREATE (c:Claim {id: $claim, type: 'LEADS', subjectId: $leader, objectId: $office, period: null,
                    quote: $quote, page: 1, method: 'e2e-fixture', confidence: 0.9, status: 'extracted', documentId: d.id})
            CREATE (c)-[:FROM]->(p), (c)-[:ABOUT]->(l), (c)-[:ABOUT]->(o), (p)-[:MENTIONS]->(l)
            """;
    private static final Map<String, Long> TIMINGS = new LinkedHashMap<>();

    private static Path dataDir;
    private static GovgraphProcess server;
    private static Driver bolt;
    private static Browser browser;
    private static String xssDocument;

    @BeforeAll
    static void start() throws Exception {
        if (!Browser.available()) {
            throw new IllegalStateException(
                    "The journeys need Debian's chromium and chromium-driver (.ci/run installs them)");
        }
        dataDir = Files.createTempDirectory("govgraph-e2e");
        int web = freePort();
        int boltPort = freePort();
        long started = System.nanoTime();
        server = GovgraphProcess.start(
                Map.of("GOVGRAPH_ADMIN_PASSWORD", ADMIN_PASSWORD),
                "serve",
                "--data-dir",
                dataDir.toString(),
                "--port",
                "" + web,
                "--bolt-port",
                "" + boltPort);
        server.awaitOutput("govgraph is running", START);
        String password =
                Files.readString(dataDir.resolve(BoltPassword.FILE_NAME)).strip();
        bolt = GraphDatabase.driver("bolt://127.0.0.1:" + boltPort, AuthTokens.basic("neo4j", password));
        awaitSampleImport();
        System.out.printf(
                "Sample corpus imported by serve's first start in %d s%n",
                Duration.ofNanos(System.nanoTime() - started).toSeconds());
        browser = new Browser("http://localhost:" + web, 1280, 800);
    }

    /** Waits for the upload job that serve's first start makes of the bundled sample corpus. */
    private static void awaitSampleImport() throws InterruptedException {
        String status = SampleJob.awaitOver(bolt, SAMPLE_IMPORT);
        assertThat(status).as("the sample corpus job\n%s", server.output()).isEqualTo("finished");
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (bolt != null) {
            bolt.close();
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
            System.out.print("Render times on the sample corpus (navigation to content shown):\n" + lines);
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

    private static List<Record> query(String cypher, Map<String, Object> parameters) {
        return bolt.executableQuery(cypher).withParameters(parameters).execute().records();
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

    /** Picks the item labelled {@code label} in a vaadin-combo-box, as a user typing it and pressing Enter. */
    private static void choose(String comboId, String label) {
        WebElement input = browser.await(By.cssSelector("#" + comboId + " input"));
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), label);
        browser.waitUntil(
                d -> (Boolean) browser.js(
                        "return [...document.querySelectorAll('vaadin-combo-box-item')]"
                                + ".some(i => i.textContent.trim() === arguments[0]);",
                        label),
                Duration.ofSeconds(30));
        input.sendKeys(Keys.ENTER);
        browser.awaitVaadin();
    }

    /** Picks the option labelled {@code label} in a vaadin-select. */
    private static void select(String selectId, String label) {
        browser.await(By.id(selectId)).click();
        browser.await(By.xpath("//vaadin-select-item[normalize-space(.)='" + label + "']"))
                .click();
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
        assertThat(browser.driver().getCurrentUrl()).endsWith("/entity/" + FROGNER);
    }

    @Test
    @Order(30)
    void opensARelationshipsEvidence() {
        long started = System.nanoTime();
        browser.open("/entity/" + FROGNER);
        browser.await(By.id("entity-name"));
        TIMINGS.put("Entity page (Nav Frogner)", (System.nanoTime() - started) / 1_000_000);
        String relationship = "vaadin-details.relationship[data-other='" + TAVLEMOTER + "']";
        browser.click(
                browser.await(By.cssSelector(relationship)).findElement(By.cssSelector("vaadin-details-summary")));
        browser.awaitVaadin();
        WebElement quote = browser.await(By.cssSelector(relationship + " .claim-quote"));
        assertThat(quote.getText()).containsIgnoringCase("tavlem");
        browser.screenshot("entity-evidence");

        WebElement link = browser.driver().findElement(By.cssSelector(relationship + " a.claim-document"));
        String documentTitle = link.getText();
        List<String> titles = query(
                        """
                        MATCH (:Office {id: $office})-[r:USES_TOOL]->(:Tool {id: $tool})
                        UNWIND r.sources AS id
                        MATCH (d:Document {id: id}) RETURN d.title AS title
                        """,
                        Map.of("office", FROGNER, "tool", TAVLEMOTER))
                .stream()
                .map(r -> r.get("title").asString(""))
                .toList();
        assertThat(titles).contains(documentTitle);
        long opened = System.nanoTime();
        String href = link.getDomAttribute("href");
        assertThat(href).startsWith("document/");
        browser.click(link);
        browser.awaitVaadin();
        try {
            browser.waitUntil(d -> !d.findElements(By.id("document-title")).isEmpty(), Duration.ofSeconds(60));
        } catch (org.openqa.selenium.TimeoutException e) {
            browser.screenshot("document-failed");
            throw new AssertionError(
                    "no document page after clicking " + href + "; at "
                            + browser.driver().getCurrentUrl() + ":\n" + browser.text(),
                    e);
        }
        TIMINGS.put("Document page (from a claim)", (System.nanoTime() - opened) / 1_000_000);
        // The page scrolls to the quoted passage, so the title may be out of sight: read its text content.
        WebElement title = browser.driver().findElement(By.id("document-title"));
        assertThat(title.getDomProperty("textContent")).isEqualTo(documentTitle);
        assertThat(browser.driver().getCurrentUrl()).contains("/document/");
        assertThat(browser.text()).containsIgnoringCase("tavlem");
        browser.screenshot("document");
    }

    @Test
    @Order(40)
    void opensTheGraphAndExpandsANode() {
        WebElement graph = timed("Graph explorer (Nav Frogner)", "/explore/" + FROGNER, By.cssSelector("gg-graph"));
        browser.waitUntil(d -> graph.getDomAttribute("data-nodes") != null, Duration.ofSeconds(30));
        int before = Integer.parseInt(graph.getDomAttribute("data-nodes"));
        // Double-click the outcome node where Cytoscape drew it: the same event a user's mouse makes.
        // Other offices reached this outcome too, so expanding it adds nodes.
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
        browser.js(
                "arguments[0]._cy.edges().filter(e => e.data('type') === 'USES_TOOL'"
                        + " && e.data('target') === arguments[1])[0].emit('tap');",
                graph,
                TAVLEMOTER);
        browser.awaitVaadin();
        WebElement quote = browser.await(By.cssSelector("#explore-side .claim-quote"));
        assertThat(quote.getText()).containsIgnoringCase("tavlem");
        browser.screenshot("graph-explorer");
    }

    @Test
    @Order(45)
    void drawsFiveHundredNodesAndStaysResponsive() {
        WebElement graph = browser.await(By.cssSelector("gg-graph"));
        browser.js("arguments[0].maxVisible = 1000;", graph);
        // A generated graph straight into the component (ids no graph node has): 500 nodes, 700 edges,
        // force-directed layout.
        browser.js(
                """
                const labels = ['Office', 'Partner', 'Leader', 'Tool', 'Outcome'];
                const nodes = [], edges = [];
                for (let i = 0; i < 500; i++) {
                  nodes.push({id: 'e2e-n' + i, labels: [labels[i % 5]], caption: 'Node ' + i, properties: {}});
                }
                for (let i = 0; i < 700; i++) {
                  const s = i < 499 ? i + 1 : (i * 7919) % 500, t = i < 499 ? Math.floor(i / 3) : (i * 104729) % 500;
                  edges.push({id: 'e2e-e' + i, type: 'REL' + (i % 4), source: 'e2e-n' + s, target: 'e2e-n' + t, properties: {}});
                }
                arguments[0].rootId = 'e2e-n0';
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
        timed(
                "Path finder (Nav Frogner to Nav Grünerløkka)",
                "/paths?from=" + FROGNER + "&to=" + GRUNERLOKKA,
                By.cssSelector(".path"));
        // The two Oslo offices share partners and tools: every shortest path has one entity between them.
        List<WebElement> paths = browser.driver().findElements(By.cssSelector(".path"));
        assertThat(paths).isNotEmpty();
        for (WebElement path : paths) {
            assertThat(path.getText())
                    .startsWith("Nav Frogner —")
                    .endsWith("— Nav Grünerløkka")
                    .containsOnlyOnce("→")
                    .containsOnlyOnce("←");
        }
        browser.screenshot("path-finder");
    }

    @Test
    @Order(55)
    void comparesOfficesAndOpensACellsEvidence() {
        timed("Comparison (first outcome)", "/compare", By.cssSelector("#compare-matrix .compare-value"));
        long started = System.nanoTime();
        choose("compare-outcome", "Overgang til arbeid");
        select("compare-period", "2019");
        WebElement frogner = browser.waitUntil(
                d -> d.findElements(By.cssSelector("#compare-matrix .compare-value")).stream()
                        .filter(b -> "Nav Frogner: 62.40; open the evidence".equals(b.getDomAttribute("aria-label")))
                        .findFirst()
                        .orElse(null),
                Duration.ofSeconds(60));
        TIMINGS.put("Comparison (Overgang til arbeid 2019 chosen)", (System.nanoTime() - started) / 1_000_000);
        assertThat(browser.text()).contains("With and without each tool").contains("Tavlemøter");
        browser.screenshot("comparison");
        browser.click(frogner);
        browser.awaitVaadin();
        WebElement quote = browser.await(By.cssSelector("vaadin-dialog-overlay .claim-quote"));
        assertThat(quote.getText()).containsPattern("62[,.]4");
    }

    @Test
    @Order(58)
    void uploadsAFileAndSeesTheRunFinish() throws Exception {
        timed("Import page", "/import", By.id("import-history"));
        browser.screenshot("import");
        Path file = Files.createDirectories(dataDir.resolve("upload")).resolve(XSS_FILE_NAME);
        Files.writeString(file, XSS_HTML, StandardCharsets.UTF_8);
        xssDocument = sha256(Files.readAllBytes(file));

        long started = System.nanoTime();
        WebElement upload = browser.await(By.id("import-upload"));
        // What the file dialog would do: hand the path to vaadin-upload's file input.
        upload.getShadowRoot().findElement(By.cssSelector("input[type=file]")).sendKeys(file.toString());
        WebElement start = browser.await(By.id("import-start"));
        browser.waitUntil(d -> start.getDomAttribute("disabled") == null, Duration.ofSeconds(60));
        assertThat(browser.text()).contains("1 file is ready to import.");
        start.click();
        WebElement counts = browser.await(By.id("import-counts"));
        TIMINGS.put("Import: one file from upload to its report", (System.nanoTime() - started) / 1_000_000);
        assertThat(counts.getText()).startsWith("Imported 1, unchanged 0, failed 0 of 1 files");
        assertThat(browser.await(By.id("import-report")).getText()).contains(": finished");
        assertThat(browser.driver().findElements(By.id("import-progress")).stream()
                        .noneMatch(WebElement::isDisplayed))
                .as("the progress bar is gone")
                .isTrue();
        // The history lists the sample corpus's run and this one.
        browser.waitUntil(
                d -> browser.await(By.id("import-history")).getText().contains(XSS_FILE_NAME), Duration.ofSeconds(30));
        browser.screenshot("import-finished");

        List<Record> document =
                query("MATCH (d:Document {id: $id}) RETURN d.title AS title", Map.of("id", xssDocument));
        assertThat(document).hasSize(1);
        assertThat(document.get(0).get("title").asString()).isEqualTo(XSS_SCRIPT + " Notat");
    }

    @Test
    @Order(60)
    void runsACypherQueryAndSeesTableAndGraph() {
        timed("Cypher workbench", "/cypher", By.id("cypher-editor"));
        editorContent();
        long tools = query(
                        "MATCH (:Office {id: $office})-[:USES_TOOL]->(t:Tool) RETURN count(t) AS n",
                        Map.of("office", FROGNER))
                .get(0)
                .get("n")
                .asLong();
        assertThat(tools).isGreaterThan(1);
        typeQuery("MATCH (o:Office {id: '" + FROGNER + "'})-[r:USES_TOOL]->(t:Tool)"
                + " RETURN t.name AS tool, o, r, t ORDER BY tool");

        WebElement summary = browser.await(By.id("query-summary"));
        browser.waitUntil(d -> summary.getText().startsWith(tools + " rows"), Duration.ofSeconds(30));
        assertThat(browser.text()).contains("Tavlemøter");

        browser.driver()
                .findElement(By.xpath("//vaadin-tab[normalize-space(.)='Graph']"))
                .click();
        WebElement graph = browser.await(By.cssSelector("gg-graph"));
        browser.waitUntil(
                d -> String.valueOf(tools + 1).equals(graph.getDomAttribute("data-nodes")), Duration.ofSeconds(30));
        assertThat(graph.getDomAttribute("data-edges")).isEqualTo(String.valueOf(tools));
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
        assertThat(query("MATCH (o:Office {name: 'hacked'}) RETURN o", Map.of()))
                .isEmpty();
    }

    @Test
    @Order(80)
    void fitsANarrowWindowWithoutSidewaysScrolling() {
        browser.resize(400, 800);
        try {
            for (String path : new String[] {
                "/search?q=Frogner", "/entity/" + FROGNER, "/explore/" + FROGNER, "/compare", "/import", "/cypher"
            }) {
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
            browser.open("/entity/" + FROGNER);
            browser.await(By.id("entity-name"));
            browser.screenshot("narrow-entity");
        } finally {
            browser.resize(1280, 800);
        }
    }

    @Test
    @Order(90)
    void showsScriptsAndMarkupFromDocumentsAndNamesAsTextEverywhere() {
        assertThat(xssDocument).as("the upload journey brought the document in").isNotNull();
        bolt.executableQuery(XSS_FIXTURE)
                .withParameters(Map.of(
                        "document",
                        xssDocument,
                        "office",
                        XSS_OFFICE,
                        "leader",
                        XSS_LEADER,
                        "name",
                        XSS_SCRIPT + XSS_IMG,
                        "claim",
                        "e2e-xss-claim",
                        "quote",
                        XSS_SCRIPT + " og " + XSS_IMG))
                .execute();

        browser.open("/document/" + xssDocument);
        WebElement title = browser.await(By.id("document-title"));
        assertThat(title.getText()).isEqualTo(XSS_SCRIPT + " Notat");
        assertThat(browser.text()).contains(XSS_IMG).contains("Intervju: " + XSS_SCRIPT);
        assertNoScriptRan();
        browser.screenshot("xss-document");

        browser.open("/entity/" + XSS_LEADER);
        assertThat(browser.await(By.id("entity-name")).getText()).isEqualTo(XSS_SCRIPT + XSS_IMG);
        String relationship = "vaadin-details.relationship[data-other='" + XSS_OFFICE + "']";
        browser.click(
                browser.await(By.cssSelector(relationship)).findElement(By.cssSelector("vaadin-details-summary")));
        browser.awaitVaadin();
        assertThat(browser.await(By.cssSelector(relationship + " .claim-quote")).getText())
                .contains(XSS_SCRIPT + " og " + XSS_IMG);
        assertThat(browser.await(By.cssSelector(relationship + " a.claim-document"))
                        .getText())
                .isEqualTo(XSS_SCRIPT + " Notat");
        assertNoScriptRan();

        browser.open("/search?q=alert");
        browser.await(By.cssSelector(".search-hit"));
        assertThat(browser.text()).contains(XSS_SCRIPT);
        assertNoScriptRan();

        WebElement graph = timed("Graph explorer (XSS leader)", "/explore/" + XSS_LEADER, By.cssSelector("gg-graph"));
        browser.waitUntil(d -> graph.getDomAttribute("data-nodes") != null, Duration.ofSeconds(30));
        assertNoScriptRan();

        browser.open("/cypher");
        typeQuery("MATCH (l:Leader) WHERE l.name CONTAINS 'script' RETURN l.name AS name, l");
        browser.waitUntil(d -> browser.text().contains(XSS_SCRIPT + XSS_IMG), Duration.ofSeconds(30));
        assertNoScriptRan();
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
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

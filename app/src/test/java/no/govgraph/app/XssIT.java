package no.govgraph.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import no.govgraph.neo4j.embedded.BoltPassword;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * OWASP filter-evasion strings in every field a user can bring in, shown in a real headless
 * Chromium by every view: the login form, the import page and its report, the search, the document
 * page, the entity page with its evidence, the graph explorer, the path finder, the comparison, the
 * data-quality page and the Cypher workbench (results and saved queries); then a tab left open past
 * the UI session timeout.
 *
 * <p>One {@code govgraph serve} without the sample corpus, one browser. The payloads arrive as users
 * bring them: three files uploaded through the import page (payloads in the file names, the HTML
 * title, its author and its text; one corrupt file so that the report lists a failure), then
 * entities written over Bolt whose names, aliases and claim quotes are payloads (an office, a
 * leader, a partner, a tool, an outcome, and one tool per payload), linked to the uploaded document
 * as the importer links them, saved queries with payload names and descriptions through the API,
 * and a payload typed as a user name into the login form. Each payload, if it ran, would set
 * {@code window.__xss}, fetch a URL of a canary HTTP server started by the test, or open a dialog.
 * After each view the test checks: no dialog, {@code window.__xss} unset, no request to the canary,
 * no element carrying a payload in an event handler or a URL attribute, and the payload visible as
 * text.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class XssIT {

    private static final Duration START = Duration.ofSeconds(240);
    private static final String ADMIN_PASSWORD = "xss-admin-password";
    /**
     * The UI session timeout of the server: short, so the idle-session test waits little, yet long
     * enough that no pause between two requests of the XSS views (same server) reaches it on a busy
     * machine. The setting takes seconds ({@code SessionTimeout}).
     */
    private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(30);
    /** Vaadin's heartbeat interval (default 300 s), so that several heartbeats come while the tab idles. */
    private static final Duration HEARTBEAT = Duration.ofSeconds(10);

    private static final String MARK = "window.__xss=1";
    private static final String OFFICE = "office:9901";
    private static final String LEADER = "leader:9901:fjellrev";
    private static final String PARTNER = "partner:fjellrev";
    private static final String TOOL = "tool:fjellrev";
    private static final String OUTCOME = "outcome:fjellrev";
    private static final String OFFICE_NAME = "<script>" + MARK + "</script> Nav Fjellrev";
    private static final String LEADER_NAME = "Fjellrev <svg onload=" + MARK + ">";
    private static final String PARTNER_NAME = "\"><img src=x onerror=" + MARK + "> Fjellrev kommune";
    private static final String TOOL_NAME =
            "<iframe srcdoc=\"<script>parent.__xss=1</script>\"></iframe> Fjellrevmøter";
    private static final String OUTCOME_NAME =
            "${" + MARK + "} {{constructor.constructor('" + MARK + "')()}} Fjellrevresultat";
    private static final List<String> ALIASES = List.of("<img src=x onerror=alert(1)>", "javascript:" + MARK);
    private static final String TITLE = "\"><script>" + MARK + "</script> Fjellrevnotat";
    private static final String AUTHOR = "<img src=x onerror=" + MARK + ">";
    private static final String HTML_FILE = "<svg onload=" + MARK + "> fjellrev.html";
    private static final String TEXT_FILE = "<img src=x onerror=" + MARK + "> fjellrev.txt";
    private static final String BROKEN_FILE = "<iframe src=javascript:" + MARK + ">.pdf";
    private static final String LOGIN_NAME = "<img src=x onerror=" + MARK + ">";

    private static final Map<String, Long> TIMINGS = new LinkedHashMap<>();
    private static final List<String> CANARY_REQUESTS = new CopyOnWriteArrayList<>();

    /** One tool per payload, named by it, used by the office with a claim quoting it. */
    private static List<String> payloadTools;

    private static List<String> payloadToolNames;
    private static List<String> savedQueryNames;
    private static List<String> savedQueryDescriptions;
    private static HttpServer canary;
    private static String canaryUrl;
    private static List<String> payloads;
    private static Path dataDir;
    private static GovgraphProcess server;
    private static Driver bolt;
    private static Browser browser;
    private static String base;
    private static String htmlDocument;
    private static long started;

    /** On a failure: where the browser is, what it shows, and the end of the server's output. */
    @RegisterExtension
    static final TestWatcher DIAGNOSE = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (browser == null) {
                return;
            }
            try {
                String name = context.getRequiredTestMethod().getName();
                browser.screenshot("xss-failed-" + name);
                String text = browser.text();
                String out = server == null ? "" : server.output();
                System.out.printf(
                        "XssIT %s failed at %s; the page shows:%n%s%n--- the end of serve's output:%n%s%n",
                        name,
                        browser.driver().getCurrentUrl(),
                        text.substring(0, Math.min(text.length(), 2000)),
                        out.substring(Math.max(0, out.length() - 4000)));
            } catch (RuntimeException e) {
                System.out.println("XssIT: no diagnosis: " + e);
            }
        }
    };

    @BeforeAll
    static void start() throws Exception {
        if (!Browser.available()) {
            throw new IllegalStateException(
                    "The XSS suite needs Debian's chromium and chromium-driver (.ci/run installs them)");
        }
        started = System.nanoTime();
        canary = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        canary.createContext("/", exchange -> {
            CANARY_REQUESTS.add(exchange.getRequestURI().toString());
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        canary.start();
        canaryUrl = "http://127.0.0.1:" + canary.getAddress().getPort();
        payloads = payloads(canaryUrl);
        payloadTools = IntStream.range(0, payloads.size())
                .mapToObj(i -> "tool:fjellrev-%02d".formatted(i))
                .toList();
        payloadToolNames = IntStream.range(0, payloads.size())
                .mapToObj(i -> "Verktøy %02d %s".formatted(i, payloads.get(i)))
                .toList();
        // Saved-query names may hold no '/' (they are part of the query's URL): those payloads go in
        // the names, the others in the descriptions.
        savedQueryNames = payloads.stream()
                .filter(p -> !p.contains("/"))
                .limit(6)
                .map(p -> "Fjellrev " + p)
                .toList();
        savedQueryDescriptions =
                payloads.stream().filter(p -> p.contains("/")).limit(6).toList();

        dataDir = Files.createTempDirectory("govgraph-xss");
        int web = UiJourneysIT.freePort();
        int boltPort = UiJourneysIT.freePort();
        server = GovgraphProcess.start(
                List.of("-Dvaadin.heartbeatInterval=" + HEARTBEAT.toSeconds()),
                Map.of(
                        "GOVGRAPH_ADMIN_PASSWORD",
                        ADMIN_PASSWORD,
                        "GOVGRAPH_UI_SESSION_TIMEOUT",
                        SESSION_TIMEOUT.toSeconds() + "s"),
                "serve",
                "--no-sample",
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
        base = "http://localhost:" + web;
        browser = new Browser(base, 1280, 800);
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
        if (canary != null) {
            canary.stop(0);
        }
        if (!TIMINGS.isEmpty()) {
            StringBuilder lines = new StringBuilder();
            TIMINGS.forEach(
                    (view, ms) -> lines.append(view).append('\t').append(ms).append(" ms\n"));
            System.out.printf(
                    "XssIT: %d payloads, %d views, %d s in all%n%s",
                    payloads.size(),
                    TIMINGS.size(),
                    Duration.ofNanos(System.nanoTime() - started).toSeconds(),
                    lines);
        }
        deleteQuietly(dataDir);
    }

    /**
     * A representative set of the OWASP XSS filter-evasion cheat sheet: each would set
     * {@code window.__xss} (or its parent's), fetch from the canary server, or open a dialog.
     */
    static List<String> payloads(String canary) {
        String inFrame = "<script>parent.__xss=1</script>";
        String base64 = Base64.getEncoder().encodeToString(inFrame.getBytes(StandardCharsets.UTF_8));
        return List.of(
                "<script>" + MARK + "</script>",
                "<script>alert(1)</script>",
                "<SCRIPT SRC=" + canary + "/script.js></SCRIPT>",
                "<SCRIPT/XSS SRC=\"" + canary + "/xss.js\"></SCRIPT>",
                "<<SCRIPT>" + MARK + "//<</SCRIPT>",
                "<scr<script>ipt>" + MARK + "</scr</script>ipt>",
                "\"><script>" + MARK + "</script>",
                "'><script>" + MARK + "</script>",
                "</title><script>" + MARK + "</script>",
                "</textarea><script>" + MARK + "</script>",
                "<img src=x onerror=" + MARK + ">",
                "<img src=x onerror=confirm(1)>",
                "<IMG SRC=\"javascript:" + MARK + ";\">",
                "<IMG SRC=JaVaScRiPt:" + MARK + ">",
                "<IMG SRC=`javascript:" + MARK + "`>",
                "<IMG \"\"\"><SCRIPT>" + MARK + "</SCRIPT>\">",
                "<IMG SRC=# onmouseover=\"" + MARK + "\">",
                "<IMG SRC=\"jav&#x09;ascript:" + MARK + ";\">",
                "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;" + MARK + ">",
                "<img src=\"" + canary + "/img.png\">",
                "<svg onload=" + MARK + ">",
                "<svg/onload=prompt(1)>",
                "<body onload=" + MARK + ">",
                "<a href=\"javascript:" + MARK + "\">lenke</a>",
                "<a href=\"&#x6A;avascript:" + MARK + "\">lenke</a>",
                "javascript:" + MARK,
                "<iframe src=\"javascript:" + MARK + "\"></iframe>",
                "<iframe srcdoc=\"" + inFrame + "\"></iframe>",
                "<object data=\"data:text/html;base64," + base64 + "\"></object>",
                "<embed src=\"data:text/html," + inFrame + "\">",
                "data:text/html," + inFrame,
                "<div style=\"background-image: url(javascript:" + MARK + ")\">",
                "<div style=\"width: expression(" + MARK + ");\">",
                "<style>@import '" + canary + "/import.css';</style>",
                "<link rel=stylesheet href=\"" + canary + "/link.css\">",
                "<input onfocus=" + MARK + " autofocus>",
                "<details open ontoggle=" + MARK + ">",
                "<video><source onerror=\"" + MARK + "\"></video>",
                "<math><mtext><table><mglyph><style><img src=x onerror=" + MARK + ">",
                "<meta http-equiv=\"refresh\" content=\"0;url=javascript:" + MARK + "\">",
                "<base href=\"" + canary + "/base/\">",
                "&lt;script&gt;" + MARK + "&lt;/script&gt;",
                "%3Cscript%3E" + MARK.replace("=", "%3D") + "%3C%2Fscript%3E",
                "\\u003cscript\\u003e" + MARK + "\\u003c/script\\u003e",
                "${" + MARK + "}",
                "{{constructor.constructor('" + MARK + "')()}}",
                "<template><script>" + MARK + "</script></template>",
                "<x onclick=" + MARK + ">klikk</x>");
    }

    /** The name an upload is stored under (ImportJobService.safeName). */
    private static String safe(String name) {
        return name.replaceAll("[:*?\"<>|]", "_");
    }

    private static String escapeHtml(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    /** Nothing ran and nothing was made of a payload. */
    private static void assertInert(String view) {
        assertThat(browser.dialogOpen())
                .as("a JavaScript dialog opened on %s", view)
                .isFalse();
        assertThat(browser.js("return window.__xss === undefined;"))
                .as("window.__xss set on %s", view)
                .isEqualTo(true);
        @SuppressWarnings("unchecked")
        List<String> made = (List<String>) browser.js(
                """
                const canary = arguments[0];
                const found = [];
                const dangerous = ['src', 'href', 'srcdoc', 'data', 'action', 'formaction', 'style', 'background',
                                   'xlink:href', 'content', 'poster'];
                const visit = (root) => {
                  for (const el of root.querySelectorAll('*')) {
                    const tag = el.tagName.toLowerCase();
                    if (tag === 'script' && el.textContent.includes('__xss')) found.push('script ' + el.textContent.slice(0, 60));
                    if (['iframe', 'object', 'embed', 'frame', 'base', 'meta', 'link', 'style', 'template'].includes(tag)
                        && (el.outerHTML.includes('__xss') || el.outerHTML.includes(canary))) {
                      found.push(tag + ' ' + el.outerHTML.slice(0, 80));
                    }
                    for (const a of el.attributes) {
                      const name = a.name.toLowerCase();
                      if ((name.startsWith('on') || dangerous.includes(name))
                          && (a.value.includes('__xss') || a.value.includes('alert(') || a.value.includes(canary))) {
                        found.push(tag + ' ' + name + '=' + a.value.slice(0, 60));
                      }
                    }
                    if (el.shadowRoot) visit(el.shadowRoot);
                  }
                };
                visit(document);
                return found;
                """,
                canaryUrl);
        assertThat(made).as("elements made from payloads on %s", view).isEmpty();
        assertThat(CANARY_REQUESTS).as("requests to the canary from %s", view).isEmpty();
    }

    /** The text of the page including shadow roots (where some components keep theirs). */
    private static String deepText() {
        return (String)
                browser.js(
                        """
                const parts = [];
                const visit = (root) => {
                  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
                  for (let n = walker.currentNode; n; n = walker.nextNode()) {
                    if (n.nodeType === Node.TEXT_NODE) parts.push(n.data);
                    else if (n.shadowRoot) visit(n.shadowRoot);
                  }
                };
                visit(document.body);
                return parts.join('');
                """);
    }

    private static void assertShown(String view, String... texts) {
        String text = browser.text();
        for (String t : texts) {
            assertThat(text).as("%s shows the payload as text", view).contains(t);
        }
    }

    private static WebElement visit(String name, String path, By ready) {
        long t = System.nanoTime();
        browser.open(path);
        WebElement element = browser.await(ready);
        TIMINGS.put(name, (System.nanoTime() - t) / 1_000_000);
        return element;
    }

    private static void time(String name, long since) {
        TIMINGS.put(name, (System.nanoTime() - since) / 1_000_000);
    }

    @Test
    @Order(10)
    void showsAPayloadTypedAsUserNameAsTextAndSignsIn() {
        visit("Login (payload as user name)", "/", By.tagName("vaadin-login-form"));
        // Six wrong guesses: the form says the name is locked, quoting it. Each attempt is a form post
        // and a new page.
        for (int i = 0; i < 6; i++) {
            submitLogin(LOGIN_NAME, "wrong-" + i, null);
        }
        // The form shows its error in its shadow DOM.
        browser.waitUntil(
                d -> deepText().contains("Too many failed sign-ins for '" + LOGIN_NAME + "'"), Duration.ofSeconds(30));
        assertThat(browser.driver().getCurrentUrl()).endsWith("/login?error");
        assertInert("the login page");

        // Sign in while the page's Vaadin client sends a request of its own with the session id from
        // before the sign-in: it leaves together with the form's post (docs/RELIABILITY.md).
        visit("Login (fresh form)", "/", By.tagName("vaadin-login-form"));
        submitLogin(
                "admin",
                ADMIN_PASSWORD,
                """
                document.querySelector('vaadin-login-form').addEventListener('login', () =>
                    Object.values(window.Vaadin.Flow.clients)
                        .filter(c => typeof c.poll === 'function')
                        .forEach(c => c.poll()));
                """);
        assertThat(browser.await(By.id("user-role")).getText()).isEqualTo("admin");
    }

    /**
     * Types a user name and password into the login form and sends it; returns once the page the form
     * post led to has loaded. {@code beforeSubmit} is run in the page first, if given.
     */
    private static void submitLogin(String username, String password, String beforeSubmit) {
        WebElement form = browser.await(By.tagName("vaadin-login-form"));
        browser.js("window.__formPage = true;");
        if (beforeSubmit != null) {
            browser.js(beforeSubmit);
        }
        form.findElement(By.cssSelector("input[name='username']")).sendKeys(Keys.chord(Keys.CONTROL, "a"), username);
        form.findElement(By.cssSelector("input[name='password']"))
                .sendKeys(Keys.chord(Keys.CONTROL, "a"), password, Keys.ENTER);
        browser.waitUntil(d -> !formPageStillShown(), Duration.ofSeconds(60));
        browser.awaitVaadin();
    }

    private static boolean formPageStillShown() {
        try {
            return Boolean.TRUE.equals(browser.js("return window.__formPage === true;"));
        } catch (org.openqa.selenium.WebDriverException e) {
            // Mid-navigation.
            return true;
        }
    }

    /**
     * The sign-in's answer (303 with the new session cookie) is still on its way while the page that
     * posted the form makes its own requests with the old session id: the client must keep waiting,
     * not reload (which would cancel the navigation carrying the new cookie). The test holds the answer
     * back by posting the form itself with the browser's cookie and token, lets the page's Vaadin
     * client send a UIDL request and a heartbeat goes out with the old id, and then hands the answer to
     * the browser. Also the post's refusals: no token, a forged token, a wrong password.
     */
    @Test
    @Order(12)
    void aSignInSurvivesThePagesOwnRequestsWithTheOldSessionId() throws Exception {
        browser.driver().manage().deleteAllCookies();
        visit("Login (held answer)", "/search?q=Fjellrev", By.tagName("vaadin-login-form"));
        String oldId = browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
        String token = (String) browser.js("return document.querySelector('meta[name=_csrf]').content;");
        String tokenName = (String) browser.js("return document.querySelector('meta[name=_csrf_parameter]').content;");
        String action = (String) browser.js("return document.querySelector('vaadin-login-form').action;");
        assertThat(action).isEqualTo("/signin?next=search%3Fq%3DFjellrev");
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        // Refused: nobody is signed in and the session keeps its id.
        for (String form : List.of(
                "username=admin&password=" + ADMIN_PASSWORD,
                "username=admin&password=" + ADMIN_PASSWORD + "&" + tokenName + "=forged")) {
            HttpResponse<String> refused = postForm(http, action, oldId, form);
            assertThat(refused.statusCode()).isEqualTo(303);
            assertThat(refused.headers().firstValue("Location")).hasValue("/login?expired&next=search%3Fq%3DFjellrev");
            assertThat(refused.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID="));
        }
        HttpResponse<String> wrong =
                postForm(http, action, oldId, "username=admin&password=wrong&" + tokenName + "=" + token);
        assertThat(wrong.statusCode()).isEqualTo(303);
        assertThat(wrong.headers().firstValue("Location")).hasValue("/login?error&next=search%3Fq%3DFjellrev");
        assertThat(wrong.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID="));
        // Marks the page that "posted" the form, to see whether it is replaced.
        browser.js("window.__formPage = true;");

        HttpResponse<String> signedIn = postForm(
                http, action, oldId, "username=admin&password=" + ADMIN_PASSWORD + "&" + tokenName + "=" + token);
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.headers().firstValue("Location")).hasValue("/search?q=Fjellrev");
        String cookie = signedIn.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow();
        String newId = cookie.substring("JSESSIONID=".length(), cookie.indexOf(';'));
        assertThat(newId).isNotEqualTo(oldId);
        assertThat(cookie.toLowerCase(java.util.Locale.ROOT))
                .contains("httponly")
                .contains("samesite=lax");
        System.out.println("XssIT: session cookie attributes after sign-in: " + cookie.substring(cookie.indexOf(';')));

        // The old page's own requests, still with the old id: a UIDL request from its client...
        // (Vaadin.Flow.clients also holds entries of the router that are no Flow application: no poll.)
        long polled = (Long)
                browser.js(
                        """
                performance.clearResourceTimings();
                const apps = Object.values(window.Vaadin.Flow.clients).filter(c => typeof c.poll === 'function');
                apps.forEach(c => c.poll());
                return apps.length;
                """);
        assertThat(polled).as("Flow clients that polled").isPositive();
        browser.waitUntil(
                d -> (Boolean)
                        browser.js(
                                "return performance.getEntriesByType('resource').some(e => e.name.includes('v-r=uidl') && e.responseEnd > 0);"),
                Duration.ofSeconds(30));
        // Give a reload every chance to start (not a timing assertion: a reload would come at once on the
        // answer, which is in): the page must still be the one that posted the form.
        Thread.sleep(2_000);
        assertThat(formPageStillShown())
                .as("the form's page is still there, not reloaded")
                .isTrue();

        // Then a heartbeat with the old id (the client's own next one is seconds away; this one goes out
        // as it would): Vaadin's empty 200, while an id nobody had still gets 403.
        HttpResponse<String> heartbeat = http.send(
                HttpRequest.newBuilder(URI.create(base + "/?v-r=heartbeat&v-uiId=0"))
                        .header("Cookie", "JSESSIONID=" + oldId)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(heartbeat.statusCode()).as("a heartbeat with the renewed id").isEqualTo(200);
        HttpResponse<String> stranger = http.send(
                HttpRequest.newBuilder(URI.create(base + "/?v-r=heartbeat&v-uiId=0"))
                        .header("Cookie", "JSESSIONID=node0nosuchsession.node0")
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(stranger.statusCode()).as("a heartbeat with an unknown id").isEqualTo(403);

        // The answer arrives: the new cookie, then the page it redirects to.
        browser.driver().manage().deleteCookieNamed("JSESSIONID");
        browser.driver()
                .manage()
                .addCookie(new org.openqa.selenium.Cookie.Builder("JSESSIONID", newId)
                        .path("/")
                        .isHttpOnly(true)
                        .build());
        browser.open(signedIn.headers().firstValue("Location").orElseThrow());
        assertThat(browser.await(By.id("user-role")).getText()).isEqualTo("admin");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/search?q=Fjellrev");
    }

    private static HttpResponse<String> postForm(HttpClient http, String action, String sessionId, String form)
            throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + action))
                        .header("Cookie", "JSESSIONID=" + sessionId)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Order(20)
    void uploadsFilesWhoseNamesTitlesAndTextArePayloadsAndShowsTheReportAsText() throws Exception {
        visit("Import page", "/import", By.id("import-history"));
        Path dir = Files.createDirectories(dataDir.resolve("upload"));
        StringBuilder html = new StringBuilder(
                """
                <!DOCTYPE html>
                <html lang="no"><head><meta charset="utf-8">
                """);
        html.append("<title>").append(escapeHtml(TITLE)).append("</title>\n");
        html.append("<meta name=\"author\" content=\"")
                .append(escapeHtml(AUTHOR))
                .append("\">\n");
        html.append("</head><body>\n");
        for (String payload : payloads) {
            html.append("<p>Fjellrev ").append(escapeHtml(payload)).append("</p>\n");
        }
        html.append("</body></html>\n");
        Path htmlFile = dir.resolve(HTML_FILE);
        Files.writeString(htmlFile, html, StandardCharsets.UTF_8);
        htmlDocument = sha256(Files.readAllBytes(htmlFile));
        Path textFile = dir.resolve(TEXT_FILE);
        Files.writeString(
                textFile, "Fjellrev i tekst: " + String.join("\n", payloads.subList(0, 12)), StandardCharsets.UTF_8);
        Path broken = dir.resolve(BROKEN_FILE);
        Files.write(broken, "%PDF-1.7\n1 0 obj << /Type /Catalog".getBytes(StandardCharsets.US_ASCII));

        long t = System.nanoTime();
        WebElement upload = browser.await(By.id("import-upload"));
        upload.getShadowRoot()
                .findElement(By.cssSelector("input[type=file]"))
                .sendKeys(htmlFile + "\n" + textFile + "\n" + broken);
        WebElement start = browser.await(By.id("import-start"));
        browser.waitUntil(d -> start.getDomAttribute("disabled") == null, Duration.ofSeconds(60));
        browser.waitUntil(d -> browser.text().contains("3 files are ready to import."), Duration.ofSeconds(60));
        start.click();
        WebElement counts = browser.await(By.id("import-counts"));
        time("Import: three files to their report", t);
        assertThat(counts.getText()).startsWith("Imported 2, unchanged 0, failed 1 of 3 files");
        // Uploads are stored under names safe on every file system (no < > : " …): what the report shows.
        browser.waitUntil(d -> browser.text().contains(safe(BROKEN_FILE)), Duration.ofSeconds(30));
        browser.waitUntil(
                d -> browser.await(By.id("import-history")).getText().contains(safe(HTML_FILE)),
                Duration.ofSeconds(30));
        assertShown("the import report and history", safe(BROKEN_FILE), safe(HTML_FILE), safe(TEXT_FILE));
        assertInert("the import page");

        seedEntities();
        seedPayloadTools();
        saveQueries();
        Map<String, Object> stored = bolt.executableQuery(
                        "MATCH (d:Document {id: $id}) RETURN d.title AS title, d.author AS author, d.fileName AS file")
                .withParameters(Map.of("id", htmlDocument))
                .execute()
                .records()
                .get(0)
                .asMap();
        assertThat(stored).containsEntry("title", TITLE).containsEntry("file", safe(HTML_FILE));
        assertThat(stored.get("author")).isEqualTo(AUTHOR);
    }

    /** Entities whose names, aliases and claim quotes are payloads, read in the uploaded HTML document. */
    private static void seedEntities() {
        List<Map<String, Object>> claims = new ArrayList<>();
        Object[][] about = {
            {"LEADS", LEADER, OFFICE, null, payloads.get(0) + " leder " + payloads.get(10)},
            {"PARTNERS_WITH", OFFICE, PARTNER, null, payloads.get(6) + " samarbeider"},
            {"USES_TOOL", OFFICE, TOOL, null, payloads.get(27) + " bruker " + payloads.get(20)},
            {"ACHIEVED", OFFICE, OUTCOME, "2019", payloads.get(44) + " 61,5 prosent " + payloads.get(45)}
        };
        for (int i = 0; i < about.length; i++) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("id", "xss-claim-" + i);
            c.put("type", about[i][0]);
            c.put("subjectId", about[i][1]);
            c.put("objectId", about[i][2]);
            c.put("period", about[i][3]);
            c.put("quote", about[i][4]);
            claims.add(c);
        }
        bolt.executableQuery(
                        """
                        MATCH (d:Document {id: $document})-[:HAS_PASSAGE]->(p:Passage)
                        WITH d, p ORDER BY p.index LIMIT 1
                        CREATE (o:Office {id: $office, name: $officeName, unitNumber: '9901', aliases: $aliases,
                                          county: $countyName})
                        CREATE (l:Leader {id: $leader, name: $leaderName, background: 'unknown'})
                        CREATE (pa:Partner {id: $partner, name: $partnerName, kind: 'municipality'})
                        CREATE (t:Tool {id: $tool, name: $toolName, category: $toolName})
                        CREATE (w:Outcome {id: $outcome, name: $outcomeName, service: 'state'})
                        CREATE (l)-[:LEADS {from: '2016', sources: [d.id]}]->(o)
                        CREATE (o)-[:PARTNERS_WITH {since: '2010', sources: [d.id]}]->(pa)
                        CREATE (o)-[:USES_TOOL {sources: [d.id]}]->(t)
                        CREATE (o)-[:ACHIEVED {value: 61.5, unit: 'percent', period: '2019', sources: [d.id]}]->(w)
                        CREATE (p)-[:MENTIONS]->(o), (p)-[:MENTIONS]->(l), (p)-[:MENTIONS]->(pa),
                               (p)-[:MENTIONS]->(t), (p)-[:MENTIONS]->(w)
                        WITH d, p
                        UNWIND $claims AS c
                        MATCH (s {id: c.subjectId}), (x {id: c.objectId})
                        CREATE (k:Claim {id: c.id, type: c.type, subjectId: c.subjectId, objectId: c.objectId,
                                         period: c.period, quote: c.quote, page: 1, method: 'xss-fixture',
                                         confidence: 0.4, status: 'extracted', documentId: d.id})
                        CREATE (k)-[:FROM]->(p), (k)-[:ABOUT]->(s), (k)-[:ABOUT]->(x)
                        """)
                .withParameters(Map.ofEntries(
                        Map.entry("document", htmlDocument),
                        Map.entry("office", OFFICE),
                        Map.entry("officeName", OFFICE_NAME),
                        Map.entry("aliases", ALIASES),
                        Map.entry("countyName", payloads.get(31)),
                        Map.entry("leader", LEADER),
                        Map.entry("leaderName", LEADER_NAME),
                        Map.entry("partner", PARTNER),
                        Map.entry("partnerName", PARTNER_NAME),
                        Map.entry("tool", TOOL),
                        Map.entry("toolName", TOOL_NAME),
                        Map.entry("outcome", OUTCOME),
                        Map.entry("outcomeName", OUTCOME_NAME),
                        Map.entry("claims", claims)))
                .execute();
    }

    /**
     * One tool per payload, named by it, that the office uses according to a claim quoting it in the
     * uploaded document: every payload then reaches the entity page, the graph explorer, the
     * comparison, the quality page and the Cypher results as an entity name.
     */
    private static void seedPayloadTools() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < payloads.size(); i++) {
            rows.add(Map.of(
                    "id",
                    payloadTools.get(i),
                    "name",
                    payloadToolNames.get(i),
                    "claim",
                    "xss-tool-claim-" + i,
                    "quote",
                    "Fjellrev bruker " + payloads.get(i)));
        }
        bolt.executableQuery(
                        """
                        MATCH (o:Office {id: $office})
                        MATCH (d:Document {id: $document})-[:HAS_PASSAGE]->(p:Passage)
                        WITH o, d, p ORDER BY p.index LIMIT 1
                        UNWIND $rows AS row
                        CREATE (t:Tool {id: row.id, name: row.name, category: 'xss'})
                        CREATE (o)-[:USES_TOOL {sources: [d.id]}]->(t)
                        CREATE (p)-[:MENTIONS]->(t)
                        CREATE (k:Claim {id: row.claim, type: 'USES_TOOL', subjectId: o.id, objectId: row.id,
                                         period: null, quote: row.quote, page: 1, method: 'xss-fixture',
                                         confidence: 0.4, status: 'extracted', documentId: d.id})
                        CREATE (k)-[:FROM]->(p), (k)-[:ABOUT]->(o), (k)-[:ABOUT]->(t)
                        """)
                .withParameters(Map.of("office", OFFICE, "document", htmlDocument, "rows", rows))
                .execute();
    }

    /** Saved queries with payloads in their names and descriptions, saved through the API as analysts do. */
    private static void saveQueries() throws IOException, InterruptedException {
        String auth = Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < savedQueryNames.size(); i++) {
            String body = "{\"name\": " + json(savedQueryNames.get(i)) + ", \"description\": "
                    + json(savedQueryDescriptions.get(i)) + ", \"query\": \"MATCH (t:Tool) RETURN t.name AS name\"}";
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/queries"))
                            .header("Authorization", "Basic " + auth)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        }
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Test
    @Order(30)
    void search() {
        visit("Search", "/search?q=Fjellrev", By.cssSelector(".search-hit"));
        // Passages and entity names are ranked together: some of each are on the first page.
        String text = browser.text();
        assertThat(payloads.stream().filter(p -> text.contains("Fjellrev " + p)).count())
                .as("passages with payloads shown as text")
                .isGreaterThan(3);
        assertThat(List.of(OFFICE_NAME, LEADER_NAME, PARTNER_NAME, TOOL_NAME, OUTCOME_NAME).stream()
                        .filter(text::contains)
                        .count())
                .as("entity names shown as text")
                .isGreaterThan(0);
        assertInert("search");
    }

    @Test
    @Order(40)
    void document() {
        WebElement title = visit("Document", "/document/" + htmlDocument, By.id("document-title"));
        assertThat(title.getText()).isEqualTo(TITLE);
        assertThat(browser.driver().getTitle()).startsWith(TITLE);
        List<String> lines = new ArrayList<>(List.of(AUTHOR, safe(HTML_FILE)));
        payloads.forEach(p -> lines.add("Fjellrev " + p));
        assertShown("the document page", lines.toArray(String[]::new));
        assertInert("the document page");
    }

    @Test
    @Order(50)
    void entityPageWithEvidence() {
        WebElement name = visit("Entity with evidence", "/entity/" + OFFICE, By.id("entity-name"));
        assertThat(name.getText()).isEqualTo(OFFICE_NAME);
        assertThat(browser.driver().getTitle()).startsWith(OFFICE_NAME);
        List<String> shown = new ArrayList<>(List.of(
                LEADER_NAME,
                PARTNER_NAME,
                TOOL_NAME,
                OUTCOME_NAME,
                "Also known as: " + String.join(", ", ALIASES),
                "county: " + payloads.get(31),
                TITLE));
        shown.addAll(payloadToolNames);
        assertShown("the entity page", shown.toArray(String[]::new));

        long t = System.nanoTime();
        assertThat(openEvidence(TOOL).getText()).contains(payloads.get(27) + " bruker " + payloads.get(20));
        time("Entity: open one relationship's evidence", t);
        for (int i : new int[] {0, 27, 47}) {
            assertThat(openEvidence(payloadTools.get(i)).getText()).contains("Fjellrev bruker " + payloads.get(i));
        }
        @SuppressWarnings("unchecked")
        List<String> documents = (List<String>)
                browser.js("return [...document.querySelectorAll('a.claim-document')].map(a => a.textContent);");
        assertThat(documents).containsExactly(TITLE, TITLE, TITLE, TITLE);
        assertInert("the entity page");
    }

    /**
     * Opens the evidence of the office's relationship with {@code other} as a user does, by the
     * summary's toggle: the summary also holds a link to the other entity, which a click on its middle
     * may hit (with a long name it does), leaving the page.
     */
    private static WebElement openEvidence(String other) {
        String relationship = "vaadin-details.relationship[data-other='" + other + "']";
        WebElement details = browser.await(By.cssSelector(relationship));
        WebElement summary = details.findElement(By.cssSelector("vaadin-details-summary"));
        browser.js("arguments[0].scrollIntoView({block: 'center'});", summary);
        summary.getShadowRoot().findElement(By.cssSelector("[part='toggle']")).click();
        browser.awaitVaadin();
        return browser.await(By.cssSelector(relationship + " .claim-quote"));
    }

    @Test
    @Order(60)
    void graphExplorer() {
        long t = System.nanoTime();
        browser.open("/explore/" + OFFICE);
        WebElement graph = browser.await(By.cssSelector("gg-graph"));
        int expected = 5 + payloadTools.size();
        browser.waitUntil(d -> ("" + expected).equals(graph.getDomAttribute("data-nodes")), Duration.ofSeconds(30));
        time("Graph explorer", t);
        // Cytoscape draws the names on its canvas: the labels are the names, unchanged (shortened).
        @SuppressWarnings("unchecked")
        List<String> labels =
                (List<String>) browser.js("return arguments[0]._cy.nodes().map(n => n.data('caption'));", graph);
        assertThat(labels)
                .containsExactlyInAnyOrderElementsOf(Stream.concat(
                                Stream.of(OFFICE_NAME, LEADER_NAME, PARTNER_NAME, TOOL_NAME, OUTCOME_NAME),
                                payloadToolNames.stream())
                        .map(XssIT::shortened)
                        .toList());
        // A node's summary in the side panel carries the whole name.
        for (String node : List.of(LEADER, payloadTools.get(38))) {
            browser.js("arguments[0]._cy.getElementById(arguments[1]).emit('tap');", graph, node);
            browser.awaitVaadin();
            String full = node.equals(LEADER) ? LEADER_NAME : payloadToolNames.get(38);
            browser.waitUntil(
                    d -> browser.await(By.cssSelector("#explore-side h3"))
                            .getText()
                            .equals(full),
                    Duration.ofSeconds(30));
            assertInert("the graph explorer's node summary");
        }
        browser.js(
                "arguments[0]._cy.edges().filter(e => e.data('target') === arguments[1])[0].emit('tap');",
                graph,
                OUTCOME);
        browser.awaitVaadin();
        assertThat(browser.await(By.cssSelector("#explore-side .claim-quote")).getText())
                .contains(payloads.get(44) + " 61,5 prosent " + payloads.get(45));
        assertInert("the graph explorer");
    }

    @Test
    @Order(70)
    void pathFinder() {
        String to = payloadTools.get(39);
        visit("Path finder", "/paths?from=" + LEADER + "&to=" + to, By.cssSelector(".path"));
        assertThat(browser.driver().findElement(By.cssSelector(".path")).getText())
                .isEqualTo(LEADER_NAME + " —LEADS→ " + OFFICE_NAME + " —USES_TOOL→ " + payloadToolNames.get(39));
        WebElement graph = browser.await(By.cssSelector("gg-graph"));
        browser.waitUntil(d -> "3".equals(graph.getDomAttribute("data-nodes")), Duration.ofSeconds(30));
        assertInert("the path finder");
    }

    @Test
    @Order(80)
    void comparison() {
        visit("Comparison", "/compare", By.cssSelector("#compare-matrix .compare-value"));
        assertThat(browser.await(By.cssSelector("#compare-outcome input")).getDomProperty("value"))
                .isEqualTo(OUTCOME_NAME);
        // The matrix has a column per tool, headed by its name; the splits list every tool too.
        List<String> shown = new ArrayList<>(List.of(OFFICE_NAME, TOOL_NAME));
        shown.addAll(payloadToolNames);
        assertShown("the comparison", shown.toArray(String[]::new));
        assertInert("the comparison");
    }

    @Test
    @Order(90)
    void quality() {
        visit("Data quality", "/quality", By.id("quality-unsupported"));
        browser.waitUntil(d -> browser.text().contains(LEADER_NAME), Duration.ofSeconds(30));
        assertShown("the quality page", LEADER_NAME, OFFICE_NAME, safe(TEXT_FILE));
        // 52 relationships on one claim of confidence 0.4; the grid draws the rows in view.
        String weak = (String) browser.js("return arguments[0].innerText;", browser.await(By.id("weakly-supported")));
        assertThat(payloadToolNames.stream().filter(weak::contains).count())
                .as("payload tools among the weakly supported relationships")
                .isGreaterThan(3);
        assertInert("the quality page");
    }

    @Test
    @Order(100)
    void cypherWorkbenchResultsAndSavedQueries() {
        visit("Cypher workbench", "/cypher", By.id("cypher-editor"));
        long t = System.nanoTime();
        typeQuery("MATCH (o:Office {id: '" + OFFICE + "'})-[r]-(n) WITH o, n ORDER BY n.id"
                + " RETURN o.name AS office, collect(n.name) AS others, '<svg onload=" + MARK + ">' AS literal");
        WebElement summary = browser.await(By.id("query-summary"));
        browser.waitUntil(d -> summary.getText().startsWith("1 row"), Duration.ofSeconds(30));
        time("Cypher: run a query", t);
        List<String> shown = new ArrayList<>(
                List.of(OFFICE_NAME, LEADER_NAME, PARTNER_NAME, TOOL_NAME, OUTCOME_NAME, "<svg onload=" + MARK + ">"));
        shown.addAll(payloadToolNames);
        assertShown("the Cypher results", shown.toArray(String[]::new));
        assertInert("the Cypher results");

        WebElement saved = browser.await(By.cssSelector("#saved-queries input"));
        saved.click();
        @SuppressWarnings("unchecked")
        List<String> items = browser.waitUntil(
                d -> {
                    List<String> texts = (List<String>) browser.js(
                            "return [...document.querySelectorAll('vaadin-combo-box-item')].map(i => i.textContent);");
                    // The overlay's items get their text a moment after they appear.
                    return texts.size() >= savedQueryNames.size()
                                    && texts.stream().noneMatch(String::isBlank)
                            ? texts
                            : null;
                },
                Duration.ofSeconds(30));
        List<String> expected = IntStream.range(0, savedQueryNames.size())
                .mapToObj(i -> savedQueryNames.get(i) + " — " + savedQueryDescriptions.get(i))
                .toList();
        assertThat(items.stream().map(String::strip).toList()).containsAll(expected);
        assertInert("the saved queries");
        saved.sendKeys(Keys.ESCAPE);
    }

    /** A caption as the graph component draws it (at most 40 characters). */
    private static String shortened(String caption) {
        return caption.length() > 40 ? caption.substring(0, 39) + "…" : caption;
    }

    private static void typeQuery(String query) {
        WebElement editor = browser.await(By.id("cypher-editor"));
        WebElement content = browser.waitUntil(
                d -> editor.getShadowRoot().findElement(By.cssSelector(".cm-content")), Duration.ofSeconds(30));
        content.click();
        browser.js("document.getElementById('cypher-editor').value = arguments[0];", query);
        content.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        browser.awaitVaadin();
    }

    @Test
    @Order(110)
    void aTabLeftOpenPastTheSessionTimeoutMustSignInAgain() throws InterruptedException {
        browser.open("/document/" + htmlDocument);
        assertThat(browser.await(By.id("document-title")).getText()).isEqualTo(TITLE);
        // Count the heartbeats the open tab sends while nobody uses it, and when the last one left
        // (kept in localStorage, so across a reload).
        browser.js(
                """
                localStorage.setItem('heartbeats', '0');
                localStorage.setItem('lastHeartbeat', '0');
                localStorage.setItem('idleSince', String(Date.now()));
                new PerformanceObserver(list => {
                  for (const e of list.getEntries().filter(e => e.name.includes('v-r=heartbeat'))) {
                    localStorage.setItem('heartbeats', String(Number(localStorage.getItem('heartbeats')) + 1));
                    localStorage.setItem('lastHeartbeat', String(Math.round(performance.timeOrigin + e.startTime)));
                  }
                }).observe({type: 'resource'});
                """);
        long t = System.nanoTime();
        Thread.sleep(SESSION_TIMEOUT.toMillis());
        // Vaadin checks the idle time when a request comes in: wait for a heartbeat that left after the
        // timeout (or for the reload it may already have caused). A click before it would still count.
        browser.waitUntil(
                d -> !d.findElements(By.tagName("vaadin-login-form")).isEmpty()
                        || (Boolean) browser.js(
                                "return Number(localStorage.getItem('lastHeartbeat'))"
                                        + " > Number(localStorage.getItem('idleSince')) + arguments[0] + 500;",
                                SESSION_TIMEOUT.toMillis()),
                HEARTBEAT.multipliedBy(3).plusSeconds(30));
        long heartbeats = Long.parseLong((String) browser.js("return localStorage.getItem('heartbeats');"));
        boolean alreadyOnLogin =
                !browser.driver().findElements(By.tagName("vaadin-login-form")).isEmpty();
        System.out.printf(
                "XssIT: idle %d s, %d heartbeats while idle, sign-in form shown before any action: %s%n",
                Duration.ofNanos(System.nanoTime() - t).toSeconds(), heartbeats, alreadyOnLogin);
        // The tab kept its heartbeats going all along: only the user's own requests count.
        assertThat(heartbeats).as("heartbeats while the tab idled").isGreaterThanOrEqualTo(2);

        // The next click in the open tab lands on the sign-in form, not on data.
        List<WebElement> nav =
                browser.driver().findElements(By.xpath("//vaadin-side-nav-item[normalize-space(.)='Search']"));
        if (!nav.isEmpty()) {
            browser.click(nav.get(0));
        }
        browser.await(By.tagName("vaadin-login-form"));
        assertThat(browser.driver().findElements(By.id("user-role"))).isEmpty();
        assertThat(browser.text()).doesNotContain("Fjellrev");
        // And so does every view opened afresh in that browser.
        for (String path : List.of("/document/" + htmlDocument, "/entity/" + OFFICE, "/search?q=Fjellrev", "/cypher")) {
            browser.open(path);
            browser.await(By.tagName("vaadin-login-form"));
            assertThat(browser.text()).as(path).doesNotContain("Fjellrev");
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
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

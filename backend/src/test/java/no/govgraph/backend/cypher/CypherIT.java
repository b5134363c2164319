package no.govgraph.backend.cypher;

import static no.govgraph.backend.support.Fixture.FROGNER;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import no.govgraph.backend.support.ApiTest;
import no.govgraph.backend.support.Fixture;
import no.govgraph.backend.support.Problem;
import no.govgraph.neo4j.checksum.GraphChecksum;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code POST /api/cypher} and saved queries: analysts' queries run read-only, whatever they try,
 * within a time limit and a row cap.
 */
@MicronautTest
@SuppressWarnings("unchecked")
class CypherIT extends ApiTest {

    private String checksum;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("govgraph.cypher.timeout", "2s");
        properties.put("govgraph.cypher.max-rows", "100");
        return properties;
    }

    @BeforeAll
    void seed() {
        resetWithUsers();
        Fixture.seed(neo4j.driver());
        checksum = GraphChecksum.of(neo4j.driver()).sha256();
    }

    private Map<String, Object> cypher(String user, String query, Map<String, Object> params) {
        return postJson(user, "/api/cypher", Map.of("query", query, "params", params));
    }

    private static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }

    /** Write, admin and escape attempts; every one must be refused with 422. */
    static Stream<String> attacks() {
        return Stream.of(
                "CREATE (n:Office {id: 'evil'})",
                "MERGE (n:Tool {id: 'tool:evil'}) RETURN n",
                "MATCH (n:Office) SET n.name = 'x'",
                "MATCH (n:Office) SET n += {hacked: true}",
                "MATCH (n) DELETE n",
                "MATCH (n) DETACH DELETE n",
                "OPTIONAL MATCH (n) DELETE n",
                "MATCH (n:Office) REMOVE n.name",
                "MATCH (n:Office) REMOVE n:Office",
                "MATCH (o:Office) WITH o LIMIT 1 SET o:Hacked",
                "MATCH (n) FOREACH (x IN [1] | SET n.hacked = x)",
                "FOREACH (x IN range(1, 10) | CREATE (:Evil))",
                "WITH 1 AS x CREATE (:Evil {x: x})",
                "UNWIND [1, 2] AS x MERGE (:Evil {id: x})",
                "MATCH (a:Office), (b:Tool) CREATE (a)-[:EVIL]->(b)",
                "MATCH (n) CALL { WITH n DETACH DELETE n } RETURN count(*)",
                "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
                "LOAD CSV WITH HEADERS FROM 'http://127.0.0.1:9/x.csv' AS row RETURN row",
                "load  csv from 'https://example.org/x.csv' as l return l",
                "USING PERIODIC COMMIT LOAD CSV FROM 'file:///x' AS l CREATE (:Evil)",
                "MATCH (n) CALL { WITH n SET n.x = 1 } IN TRANSACTIONS OF 10 ROWS",
                "CALL { CREATE (:Evil) } IN TRANSACTIONS",
                "CREATE INDEX evil FOR (n:Office) ON (n.name)",
                "CREATE CONSTRAINT evil FOR (n:Evil) REQUIRE n.id IS UNIQUE",
                "CREATE FULLTEXT INDEX evil FOR (n:Office) ON EACH [n.name]",
                "DROP INDEX document_kind",
                "DROP CONSTRAINT office_id",
                "SHOW USERS",
                "SHOW DATABASES",
                "SHOW TRANSACTIONS",
                "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
                "CREATE USER evil SET PASSWORD 'evil-password'",
                "ALTER USER neo4j SET PASSWORD 'evil-password'",
                "CREATE DATABASE evil",
                "STOP DATABASE neo4j",
                "GRANT ROLE admin TO evil",
                "USE system SHOW USERS",
                "CALL dbms.security.createUser('evil', 'evil-password', false)",
                "CALL dbms.setConfigValue('db.logs.query.enabled', 'OFF')",
                "CALL dbms.killQuery('query-1')",
                "CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'DETACH DELETE n', {})",
                "CALL apoc.cypher.runWrite('CREATE (:Evil)', {})",
                "CALL db.createLabel('Evil')",
                "CALL db.createProperty('evil')",
                "CALL db.clearQueryCaches()",
                "CALL db.index.fulltext.createNodeIndex('evil', ['Office'], ['name'])",
                "CALL tx.setMetaData({evil: true})",
                "MATCH (n) RETURN n; MATCH (m) DETACH DELETE m",
                "RETURN 1; CREATE (:Evil)",
                "RETURN 1;;",
                "MATCH (n) /* harmless */ CrEaTe (m:Evil)",
                "MATCH (n) // just reading\nDETACH DELETE n",
                "mAtCh (n) DeTaCh DeLeTe n",
                "MATCH (n)\u00a0SET n.x = 1",
                "MATCH (n)\u2003SET\u2003n.x = 1",
                "MATCH (n) SET\u200bn.x = 1",
                "MATCH (n)\tSET\tn.x = 1",
                "MATCH (n)\nSET\nn.x = 1",
                "EXPLAIN CREATE (:Evil)",
                "PROFILE MATCH (n) DETACH DELETE n",
                "CYPHER runtime=slotted CREATE (:Evil)",
                "MATCH (u:User) RETURN u.passwordHash",
                "MATCH (n:`User`) RETURN n",
                "MATCH (e:AuditEvent) RETURN e.details",
                "MATCH (n) RETURN n.passwordHash",
                "MATCH (n) RETURN n /* an unclosed comment",
                "MATCH (n) WHERE n.name = 'unclosed RETURN n");
    }

    @ParameterizedTest
    @MethodSource("attacks")
    void refusesWritesAdminCommandsAndEscapesWith422(String query) {
        var answer = fail(as(ANALYST, HttpRequest.POST("/api/cypher", Map.of("query", query, "params", Map.of()))));
        assertThat(answer.status()).as(query).isEqualTo(422);
        assertThat(answer.contentType()).startsWith(Problem.MEDIA_TYPE);
        assertThat(answer.detail()).startsWith("Query refused");
        assertThat(GraphChecksum.of(neo4j.driver()).sha256()).isEqualTo(checksum);
    }

    @Test
    void theSuiteHasAtLeastFiftyAttacks() {
        assertThat(attacks().count()).isGreaterThanOrEqualTo(50);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CRE\u200bATE (:Evil)", "ＣＲＥＡＴＥ (:Evil)", "MATCH (n RETURN n", "RETURN $missing"})
    void answersOddTextThatIsNoQueryWith400(String query) {
        var answer = fail(as(ANALYST, HttpRequest.POST("/api/cypher", Map.of("query", query, "params", Map.of()))));
        assertThat(answer.status()).as(query).isIn(400, 422);
        assertThat(GraphChecksum.of(neo4j.driver()).sha256()).isEqualTo(checksum);
    }

    @Test
    void runsReadQueriesWithParametersAndReturnsTheGraph() {
        Map<String, Object> result = cypher(
                ANALYST,
                "MATCH (o:Office {unitNumber: $unit})-[r:USES_TOOL]->(t:Tool) RETURN o, r, t ORDER BY t.name",
                Map.of("unit", "0301"));
        assertThat((List<Object>) result.get("columns")).containsExactly("o", "r", "t");
        assertThat((List<Object>) result.get("rows")).hasSize(2);
        assertThat(result.get("truncated")).isEqualTo(false);
        assertThat(result.get("ms")).isNotNull();
        Map<String, Object> graph = (Map<String, Object>) result.get("graph");
        assertThat(list(graph.get("nodes"))).extracting(n -> n.get("id")).contains(FROGNER, "tool:lean");
        assertThat(list(graph.get("edges")))
                .allSatisfy(e -> assertThat(e.get("source")).isEqualTo(FROGNER));

        Map<String, Object> number =
                cypher(ANALYST, "RETURN $n + 1 AS x, $list AS l", Map.of("n", 41, "list", List.of(1, 2.5)));
        assertThat((List<Object>) number.get("rows")).containsExactly(List.of(42, List.of(1, 2.5)));
        Map<String, Object> text = cypher(ANALYST, "RETURN 'CREATE (:Evil); DROP INDEX x' AS s", Map.of());
        assertThat((List<Object>) text.get("rows")).containsExactly(List.of("CREATE (:Evil); DROP INDEX x"));
    }

    @Test
    void capsRowsAndFlagsIt() {
        Map<String, Object> result = cypher(ANALYST, "UNWIND range(1, 1000) AS x RETURN x", Map.of());
        assertThat((List<Object>) result.get("rows")).hasSize(100);
        assertThat(result.get("truncated")).isEqualTo(true);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "MATCH (a), (b), (c), (d), (e) WHERE a.id + b.id < c.id + d.id + e.id RETURN count(*)",
                "MATCH p = (a)-[*]-(b) RETURN p ORDER BY length(p) DESC LIMIT 1",
                "UNWIND range(1, 1000000000) AS x WITH x WHERE x % 7 = 13 RETURN count(*)"
            })
    void stopsRunawayQueriesWith504(String query) {
        var answer = fail(as(ANALYST, HttpRequest.POST("/api/cypher", Map.of("query", query, "params", Map.of()))));
        assertThat(answer.status()).isEqualTo(504);
        assertThat(answer.detail()).contains("stopped");
    }

    @Test
    void explainsSyntaxErrorsAndMissingParameters() {
        assertThat(fail(as(ANALYST, HttpRequest.POST("/api/cypher", Map.of("query", "MATCH (n RETURN n"))))
                        .detail())
                .contains("not valid Cypher");
        assertThat(fail(as(ANALYST, HttpRequest.POST("/api/cypher", Map.of("query", "RETURN $x"))))
                        .status())
                .isEqualTo(400);
        assertThat(fail(as(ANALYST, HttpRequest.POST("/api/cypher", Map.of("params", Map.of()))))
                        .status())
                .isEqualTo(400);
        assertThat(fail(as(ANALYST, HttpRequest.POST("/api/cypher", "{not json").contentType("application/json")))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void readersMayNotRunCypher() {
        assertThat(fail(as(READER, HttpRequest.POST("/api/cypher", Map.of("query", "RETURN 1"))))
                        .status())
                .isEqualTo(403);
        assertThat(fail(as(READER, HttpRequest.GET("/api/queries"))).status()).isEqualTo(403);
        assertThat(fail(HttpRequest.POST("/api/cypher", Map.of("query", "RETURN 1")))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void recordsEveryRunInTheAuditLog() {
        cypher(ANALYST, "RETURN 'audited' AS marker", Map.of());
        fail(as(ANALYST, HttpRequest.POST("/api/cypher", Map.of("query", "CREATE (:AuditedEvil)"))));
        List<Map<String, Object>> events = list(getJson(ADMIN, "/api/audit?action=cypher.run&actor=analyst&size=200")
                .get("items"));
        assertThat(events).extracting(e -> (String) e.get("details")).anySatisfy(d -> assertThat(d)
                .contains("audited"));
        assertThat(events)
                .extracting(e -> (String) e.get("details"))
                .anySatisfy(d -> assertThat(d).contains("AuditedEvil").contains("refused"));
    }

    @Test
    void neverShowsPasswordHashes() {
        Map<String, Object> result = cypher(
                ANALYST, "MATCH (n) WHERE 'Us' + 'er' IN labels(n) RETURN n, properties(n) AS p LIMIT 5", Map.of());
        assertThat(result.toString())
                .doesNotContain("$2a$")
                .doesNotContain("$2b$")
                .doesNotContain("$2y$");
    }

    @Test
    void givesTheSchemaForAutocompletion() {
        Map<String, Object> schema = getJson(READER, "/api/schema");
        assertThat((List<Object>) schema.get("labels"))
                .contains("Office", "Claim")
                .doesNotContain("User", "AuditEvent");
        assertThat((List<Object>) schema.get("relationshipTypes")).contains("USES_TOOL", "ABOUT");
        Map<String, Object> keys = (Map<String, Object>) schema.get("propertyKeys");
        assertThat((List<Object>) keys.get("Office")).contains("unitNumber", "aliases");
        assertThat((List<Object>) ((Map<String, Object>) schema.get("relationshipPropertyKeys")).get("ACHIEVED"))
                .contains("value", "period");
        assertThat((List<Object>) schema.get("procedures")).contains("db.labels");
    }

    @Test
    void savesSharesAndRunsQueriesByName() {
        Map<String, Object> saved = postJson(
                ANALYST,
                "/api/queries",
                Map.of(
                        "name", "Tools of an office <b>",
                        "description", "Which tools does $unit use?",
                        "query",
                                "MATCH (o:Office {unitNumber: $unit})-[:USES_TOOL]->(t) RETURN t.name AS tool ORDER BY tool"));
        assertThat((List<Object>) saved.get("parameters")).containsExactly("unit");
        assertThat(saved.get("owner")).isEqualTo(ANALYST);

        String path = "/api/queries/"
                + java.net.URLEncoder.encode("Tools of an office <b>", java.nio.charset.StandardCharsets.UTF_8)
                        .replace("+", "%20");
        assertThat(getList(ADMIN, "/api/queries")).hasSize(1);
        Map<String, Object> result = postJson(ADMIN, path + "/run", Map.of("params", Map.of("unit", "0301")));
        assertThat((List<Object>) result.get("rows")).containsExactly(List.of("Balansert målstyring"), List.of("Lean"));

        assertThat(fail(as(ANALYST, HttpRequest.POST(path + "/run", Map.of()))).detail())
                .contains("$unit");
        assertThat(fail(as(
                                ANALYST,
                                HttpRequest.POST(
                                        "/api/queries", Map.of("name", "Tools of an office <b>", "query", "RETURN 1"))))
                        .status())
                .isEqualTo(409);
        assertThat(fail(as(
                                ANALYST,
                                HttpRequest.POST(
                                        "/api/queries", Map.of("name", "evil", "query", "MATCH (n) DELETE n"))))
                        .status())
                .isEqualTo(422);
        assertThat(fail(as(ANALYST, HttpRequest.GET("/api/queries/nope"))).status())
                .isEqualTo(404);

        users.create("analyst2", "analyst2-password", "analyst", "test");
        assertThat(fail(HttpRequest.DELETE(path).basicAuth("analyst2", "analyst2-password"))
                        .status())
                .isEqualTo(403);
        call(as(ADMIN, HttpRequest.DELETE(path)), String.class);
        assertThat(fail(as(ANALYST, HttpRequest.GET(path))).status()).isEqualTo(404);
    }

    @Test
    void routesAndRolesStayConsistentWithTheGraphUntouched() {
        assertThat(GraphChecksum.of(neo4j.driver()).sha256()).isEqualTo(checksum);
    }
}

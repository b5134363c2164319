package no.govgraph.backend.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import no.govgraph.neo4j.checksum.GraphChecksum;
import no.govgraph.testsupport.TestNeo4j;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The command line against a Neo4j named by NEO4J_URI, as a user with an external server (or Aura)
 * runs it: nothing embedded starts, the same code talks to that server.
 */
class CliCommandsIT {

    private final TestNeo4j neo4j = TestNeo4j.shared();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void seed() {
        neo4j.clear();
        neo4j.driver()
                .executableQuery(
                        """
                        CREATE (:Office {id: 'office:0301', name: 'Nav Frogner', unitNumber: '0301'}),
                               (:Office {id: 'office:0219', name: 'Nav Bærum', unitNumber: '0219'}),
                               (:Tool {id: 'tool:lean', name: 'Lean'})
                        """)
                .execute();
    }

    private int run(String... args) {
        Map<String, String> env = Map.of(
                "NEO4J_URI", neo4j.uri(),
                "NEO4J_USERNAME", neo4j.username(),
                "NEO4J_PASSWORD", neo4j.password());
        CommandLine cl = GovgraphCommand.commandLine(env);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void printsJsonRowsKeyedByColumn() {
        int code = run(
                "cypher",
                "--format",
                "json",
                "MATCH (n:Office) RETURN count(n) AS n, collect(n.unitNumber)[0..0] AS none");
        assertThat(code).isZero();
        assertThat(out.toString().strip()).isEqualTo("[{\"n\":2,\"none\":[]}]");
    }

    @Test
    void passesParametersAndPrintsCsv() {
        int code = run(
                "cypher",
                "--format",
                "csv",
                "--param",
                "unit=0301",
                "MATCH (o:Office {unitNumber: $unit}) RETURN o.name AS name, o.id AS id");
        assertThat(code).isZero();
        assertThat(out.toString()).isEqualTo("name,id\r\nNav Frogner,office:0301\r\n");
    }

    @Test
    void printsATableWithRowCount() {
        int code = run("cypher", "MATCH (o:Office) RETURN o.name AS name ORDER BY name");
        assertThat(code).isZero();
        assertThat(out.toString()).contains("name", "Nav Bærum", "Nav Frogner", "2 row(s)");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "CREATE (n:Office {id: 'evil'})",
                "MATCH (n) DETACH DELETE n",
                "MATCH (o:Office) SET o.name = 'x' RETURN o",
                "MATCH (n) RETURN n; MATCH (n) DELETE n",
                "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l",
                "CREATE CONSTRAINT evil IF NOT EXISTS FOR (n:X) REQUIRE n.id IS UNIQUE"
            })
    void refusesWritesWithExitCode3AndLeavesTheGraphAlone(String query) {
        String before = GraphChecksum.of(neo4j.driver()).sha256();
        int code = run("cypher", "--format", "json", query);
        assertThat(code).isEqualTo(GovgraphCommand.EXIT_REFUSED);
        assertThat(err.toString()).contains("refused");
        assertThat(out.toString()).isEmpty();
        assertThat(GraphChecksum.of(neo4j.driver()).sha256()).isEqualTo(before);
    }

    @Test
    void reportsASyntaxErrorAsBadUsage() {
        int code = run("cypher", "MATCH (n RETURN n");
        assertThat(code).isEqualTo(GovgraphCommand.EXIT_USAGE);
        assertThat(err.toString()).contains("not valid Cypher");
    }

    @Test
    void statusShowsCountsPerLabelAndWhereNeo4jIs() {
        int code = run("status");
        assertThat(code).isZero();
        assertThat(out.toString())
                .contains("external Neo4j at " + neo4j.uri())
                .containsPattern("Office\\s+2")
                .containsPattern("Tool\\s+1")
                .contains("Schema:  up to date")
                .contains("Last import: none");
    }

    @Test
    void explainsAWrongPassword() {
        CommandLine cl = GovgraphCommand.commandLine(
                Map.of("NEO4J_URI", neo4j.uri(), "NEO4J_USERNAME", "neo4j", "NEO4J_PASSWORD", "wrong-password"));
        cl.setErr(new PrintWriter(err, true));
        assertThat(cl.execute("status")).isEqualTo(GovgraphCommand.EXIT_FAILED);
        assertThat(err.toString()).contains("refused the credentials");
    }

    @Test
    void rejectsUnknownOptionsAsUsageErrors() {
        assertThat(run("cypher", "--no-such-option", "RETURN 1")).isEqualTo(GovgraphCommand.EXIT_USAGE);
    }
}

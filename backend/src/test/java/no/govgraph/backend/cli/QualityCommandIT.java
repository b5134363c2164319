package no.govgraph.backend.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import no.govgraph.testsupport.TestNeo4j;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code govgraph quality} over a small graph with one finding in every section. */
class QualityCommandIT {

    private final TestNeo4j neo4j = TestNeo4j.shared();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void seed() {
        neo4j.clear();
        neo4j.driver()
                .executableQuery(
                        """
                        CREATE (frogner:Office {id: 'office:0312', name: 'Nav Frogner', unitNumber: '0312'}),
                               (baerum:Office {id: 'office:0219', name: 'Nav Bærum', unitNumber: '0219'}),
                               (oslo:Partner {id: 'partner:nav-oslo', name: 'NAV Oslo', kind: 'county'}),
                               (eriksen:Leader {id: 'leader:0219:trond-eriksen', name: 'Trond Eriksen',
                                                background: 'unknown'}),
                               (lean:Tool {id: 'tool:lean', name: 'Lean'}),
                               (work:Outcome {id: 'outcome:overgang-til-arbeid', name: 'Overgang til arbeid'}),
                               (a:Document {id: 'd1', fileName: 'avtale.pdf', kind: 'agreement'}),
                               (r:Document {id: 'd2', fileName: 'rapport.docx', kind: 'report'}),
                               (i:Document {id: 'd3', fileName: 'invitasjon.txt', kind: 'other'}),
                               (a)-[:HAS_PASSAGE]->(:Passage {id: 'd1:0', text: 'NAV Frogner'})-[:MENTIONS]->(frogner),
                               (r)-[:HAS_PASSAGE]->(:Passage {id: 'd2:0', text: 'NAV Bærum'})-[:MENTIONS]->(baerum),
                               (i)-[:HAS_PASSAGE]->(:Passage {id: 'd3:0', text: 'Lunsj'}),
                               (frogner)-[:PARTNERS_WITH {sources: ['d1']}]->(oslo),
                               (eriksen)-[:LEADS {sources: ['d2']}]->(baerum),
                               (baerum)-[:ACHIEVED {value: 7.9, unit: '%', period: '', sources: ['d2']}]->(work),
                               (baerum)-[:USES_TOOL {sources: ['d2']}]->(lean),
                               (:Claim {id: 'c1', type: 'PARTNERS_WITH', subjectId: 'office:0312',
                                        objectId: 'partner:nav-oslo', confidence: 0.9, status: 'extracted'}),
                               (:Claim {id: 'c2', type: 'LEADS', subjectId: 'leader:0219:trond-eriksen',
                                        objectId: 'office:0219', confidence: 0.55, status: 'extracted'}),
                               (:Claim {id: 'c3', type: 'ACHIEVED', subjectId: 'office:0219',
                                        objectId: 'outcome:overgang-til-arbeid', period: '', confidence: 0.8,
                                        status: 'extracted'})
                        """)
                .execute();
    }

    private int run(String... args) {
        CommandLine cl = GovgraphCommand.commandLine(Map.of(
                "NEO4J_URI", neo4j.uri(),
                "NEO4J_USERNAME", neo4j.username(),
                "NEO4J_PASSWORD", neo4j.password()));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void printsEverySectionAsText() {
        int code = run("quality");
        assertThat(code).isZero();
        assertThat(out.toString())
                .contains("Documents with no entities found: 1", "invitasjon.txt (other)")
                .contains("Offices with no partnership agreement on file: 1", "Nav Bærum (0219), in 1 document(s)")
                .contains("Leaders with unknown background: 1", "Trond Eriksen (Nav Bærum)")
                .contains("Outcome figures without a year: 1", "Nav Bærum: Overgang til arbeid = 7.9 %")
                .contains(
                        "Relationships supported by a single low-confidence claim (< 0.6): 1",
                        "(Trond Eriksen)-[:LEADS]->(Nav Bærum), confidence 0.55")
                .contains("Relationships without a claim (must be 0): 1", "(Nav Bærum)-[:USES_TOOL]->(Lean)");
    }

    @Test
    void printsJson() throws Exception {
        int code = run("quality", "--json");
        assertThat(code).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("documentsWithoutEntities").get(0).get("id").asText())
                .isEqualTo("d3");
        assertThat(json.get("officesWithoutAgreement").get(0).get("id").asText())
                .isEqualTo("office:0219");
        assertThat(json.get("leadersWithUnknownBackground").get(0).get("id").asText())
                .isEqualTo("leader:0219:trond-eriksen");
        assertThat(json.get("figuresWithoutYear").get(0).get("value").asDouble())
                .isEqualTo(7.9);
        assertThat(json.get("weaklySupported").get(0).get("type").asText()).isEqualTo("LEADS");
        assertThat(json.get("relationshipsWithoutClaim").asLong()).isEqualTo(1);
    }

    @Test
    void aCleanGraphHasNoRelationshipWithoutClaim() {
        neo4j.driver()
                .executableQuery(
                        """
                        CREATE (:Claim {id: 'c4', type: 'USES_TOOL', subjectId: 'office:0219', objectId: 'tool:lean',
                                        confidence: 0.9, status: 'extracted'})
                        """)
                .execute();
        assertThat(run("quality")).isZero();
        assertThat(out.toString()).contains("Relationships without a claim (must be 0): 0");
    }
}

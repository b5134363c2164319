package no.govgraph.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.govgraph.bench.graph.GraphGenerator;
import no.govgraph.bench.graph.GraphGenerator.Scale;
import no.govgraph.neo4j.checksum.GraphChecksum;
import no.govgraph.testsupport.TestNeo4j;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

class GraphGeneratorIT {

    private final TestNeo4j neo4j = TestNeo4j.shared();
    private final Driver driver = neo4j.driver();

    @BeforeEach
    void clear() {
        neo4j.clear();
    }

    private long count(String cypher) {
        return driver.executableQuery(cypher).execute().records().get(0).get(0).asLong();
    }

    @Test
    void buildsTheDataModelWithEveryRelationshipBackedByAClaim() {
        List<String> progress = new ArrayList<>();
        GraphGenerator.Summary summary = new GraphGenerator(driver, 42).generate(Scale.ofNodes(5_000), progress::add);

        assertThat(progress).isNotEmpty();
        long nodes = count("MATCH (n) WHERE NOT n:__Neo4jMigration RETURN count(n)");
        long relationships = count("MATCH (a)-[r]->() WHERE NOT a:__Neo4jMigration RETURN count(r)");
        assertThat(nodes).isEqualTo(summary.nodes()).isBetween(4_000L, 7_000L);
        assertThat(relationships).isEqualTo(summary.relationships());
        assertThat(relationships).isGreaterThan(4 * nodes);
        assertThat(count("MATCH (d:Document) RETURN count(d)")).isEqualTo(500);
        assertThat(
                        count(
                                """
                        MATCH (a)-[r:LEADS|PARTNERS_WITH|USES_TOOL|ACHIEVED]->(b)
                        WHERE NOT EXISTS {
                          MATCH (c:Claim {type: type(r), subjectId: a.id, objectId: b.id})
                          WHERE c.period = coalesce(r.period, '') AND c.documentId IN r.sources
                        }
                        RETURN count(r)
                        """))
                .as("relationships without a claim")
                .isZero();
        assertThat(
                        count(
                                "MATCH (c:Claim) WHERE NOT (c)-[:FROM]->(:Passage) OR COUNT { (c)-[:ABOUT]->() } <> 2 RETURN count(c)"))
                .isZero();
        Map<String, Object> achieved = driver.executableQuery(
                        "MATCH (:Office)-[r:ACHIEVED]->(:Outcome) RETURN r LIMIT 1")
                .execute()
                .records()
                .get(0)
                .get("r")
                .asMap();
        assertThat(achieved).containsKeys("value", "unit", "period", "target", "sources");
    }

    @Test
    void isDeterministicForASeed() {
        new GraphGenerator(driver, 7).generate(Scale.ofNodes(2_000), line -> {});
        String first = GraphChecksum.of(driver).sha256();
        neo4j.clear();
        new GraphGenerator(driver, 7).generate(Scale.ofNodes(2_000), line -> {});
        assertThat(GraphChecksum.of(driver).sha256()).isEqualTo(first);
    }
}

package no.govgraph.ingest.extraction;

import static no.govgraph.ingest.fixtures.ImportITSupport.count;
import static no.govgraph.ingest.fixtures.ImportITSupport.neo4j;
import static no.govgraph.ingest.fixtures.ImportITSupport.query;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import no.govgraph.ingest.run.FactExtractors;
import no.govgraph.ingest.run.ImportListener;
import no.govgraph.ingest.run.ImportOptions;
import no.govgraph.ingest.run.ImportReport;
import no.govgraph.ingest.run.Importer;
import no.govgraph.ingest.sample.SampleCorpus;
import no.govgraph.neo4j.model.RelType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Record;

/**
 * The extraction measured where researchers meet it: the bundled sample corpus imported by the
 * real pipeline (Tika in worker processes, passages, the codebook extractor, the graph writer),
 * the relationships read back from the graph and compared with the evaluation set. Prints
 * precision, recall and F1 per relation type; fails under 0.9, or if any relationship lacks a
 * quoted claim.
 */
class SampleCorpusGraphEvaluationIT {

    private static final double MINIMUM_F1 = 0.9;

    @TempDir
    Path corpus;

    @Test
    void theImportedGraphHoldsTheExpectedFactsEachWithAQuote() throws Exception {
        neo4j().clear();
        SampleCorpus.copyTo(corpus);
        ImportReport report;
        try (Importer importer =
                new Importer(neo4j().driver(), ImportOptions.defaults().withWorkers(2), FactExtractors.discover())) {
            report = importer.run(List.of(corpus), ImportListener.NONE);
        }
        assertThat(report.failures()).isEmpty();

        Map<RelType, Set<String>> expected = Evaluation.expected();
        Map<RelType, Set<String>> actual = graphFacts();
        List<Evaluation.Score> scores = new ArrayList<>();
        StringBuilder printed = new StringBuilder("Extraction through the import pipeline, read from the graph ("
                + report.documents() + " documents):\n");
        for (RelType type : RelType.evidenced()) {
            Evaluation.Score score = Evaluation.score(type, expected.get(type), actual.get(type));
            scores.add(score);
            printed.append("  ").append(score).append('\n');
            Set<String> missed = new TreeSet<>(expected.get(type));
            missed.removeAll(actual.get(type));
            Set<String> spurious = new TreeSet<>(actual.get(type));
            spurious.removeAll(expected.get(type));
            missed.forEach(m -> printed.append("      missed   ").append(m).append('\n'));
            spurious.forEach(m -> printed.append("      spurious ").append(m).append('\n'));
        }
        System.out.print(printed);

        assertThat(scores).as(printed.toString()).allSatisfy(s -> assertThat(s.f1())
                .isGreaterThanOrEqualTo(MINIMUM_F1));
        assertThat(
                        count(
                                """
                        MATCH (s)-[r:LEADS|PARTNERS_WITH|USES_TOOL|ACHIEVED]->(o)
                        WHERE NOT EXISTS {
                            MATCH (c:Claim {type: type(r), subjectId: s.id, objectId: o.id})-[:FROM]->(:Passage)
                            WHERE c.quote <> '' AND coalesce(c.period, '') = coalesce(r.period, '')
                        }
                        RETURN count(r)
                        """))
                .isZero();
    }

    private static Map<RelType, Set<String>> graphFacts() {
        Map<RelType, Set<String>> facts = new LinkedHashMap<>();
        RelType.evidenced().forEach(t -> facts.put(t, new TreeSet<>()));
        for (Record r : query(
                "MATCH (l:Leader)-[:LEADS]->(o:Office) RETURN l.id AS s, o.id AS o, l.background AS b", Map.of())) {
            facts.get(RelType.LEADS)
                    .add(r.get("s").asString() + "," + r.get("o").asString() + ","
                            + r.get("b").asString());
        }
        for (Record r : query("MATCH (o:Office)-[:PARTNERS_WITH]->(p:Partner) RETURN o.id AS s, p.id AS o", Map.of())) {
            facts.get(RelType.PARTNERS_WITH)
                    .add(r.get("s").asString() + "," + r.get("o").asString());
        }
        for (Record r : query("MATCH (o:Office)-[:USES_TOOL]->(t:Tool) RETURN o.id AS s, t.id AS o", Map.of())) {
            facts.get(RelType.USES_TOOL)
                    .add(r.get("s").asString() + "," + r.get("o").asString());
        }
        for (Record r : query(
                "MATCH (o:Office)-[a:ACHIEVED]->(x:Outcome) RETURN o.id AS s, x.id AS o, a.value AS v, a.period AS p",
                Map.of())) {
            facts.get(RelType.ACHIEVED)
                    .add(r.get("s").asString() + "," + r.get("o").asString() + ","
                            + Evaluation.number(r.get("v").asObject()) + "@"
                            + r.get("p").asString(""));
        }
        return facts;
    }
}

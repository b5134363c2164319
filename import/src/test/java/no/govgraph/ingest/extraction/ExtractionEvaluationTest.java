package no.govgraph.ingest.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import no.govgraph.ingest.sample.SampleCorpus;
import no.govgraph.neo4j.model.RelType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures the extractor on the labelled evaluation set: the bundled sample corpus, read with Tika
 * and split into paragraph passages, against the expected facts in {@code evaluation/expected-facts.csv}.
 * Prints precision, recall and F1 per relation type and fails under 0.9 for any of them.
 */
class ExtractionEvaluationTest {

    private static final double MINIMUM_F1 = 0.9;

    @TempDir
    static Path corpus;

    private static final List<DocumentText> documents = new ArrayList<>();
    private static final List<Extraction> extractions = new ArrayList<>();
    private static final List<Extraction> blockExtractions = new ArrayList<>();

    @BeforeAll
    static void extractTheCorpus() throws Exception {
        FactExtractor extractor = new CodebookFactExtractor();
        for (Path file : SampleCorpus.copyTo(corpus)) {
            for (DocumentText doc : CorpusReader.read(file, CorpusReader.Layout.LINES)) {
                documents.add(doc);
                extractions.add(extractor.extract(doc));
            }
            for (DocumentText doc : CorpusReader.read(file, CorpusReader.Layout.BLOCKS)) {
                blockExtractions.add(extractor.extract(doc));
            }
        }
    }

    @Test
    void scoresAtLeastPointNineOnEveryRelationType() throws Exception {
        score("passages with Tika's line breaks", extractions);
    }

    @Test
    void scoresAtLeastPointNineOnEveryRelationTypeWithThePipelinesBlockLayout() throws Exception {
        score("passages of one line per paragraph and table row, as the import pipeline writes them", blockExtractions);
    }

    private static void score(String layout, List<Extraction> extractions) throws Exception {
        Map<RelType, Set<String>> expected = Evaluation.expected();
        Map<RelType, Set<String>> actual = Evaluation.keys(extractions);
        List<Evaluation.Score> scores = new ArrayList<>();
        StringBuilder report =
                new StringBuilder("Extraction on the evaluation set (" + documents.size() + " documents, "
                        + expected.values().stream().mapToInt(Set::size).sum() + " expected facts):\n");
        for (RelType type : RelType.evidenced()) {
            Evaluation.Score score = Evaluation.score(type, expected.get(type), actual.get(type));
            scores.add(score);
            report.append("  ").append(score).append('\n');
            for (String missed : difference(expected.get(type), actual.get(type))) {
                report.append("      missed   ").append(missed).append('\n');
            }
            for (String wrong : difference(actual.get(type), expected.get(type))) {
                report.append("      spurious ").append(wrong).append('\n');
            }
        }
        System.out.println(report);
        assertThat(scores)
                .allSatisfy(s -> assertThat(s.f1()).as("F1 of %s", s.type()).isGreaterThanOrEqualTo(MINIMUM_F1));
    }

    @Test
    void everyFactHasAQuoteFromItsPassage() {
        for (int i = 0; i < documents.size(); i++) {
            DocumentText doc = documents.get(i);
            Map<String, String> passages = new LinkedHashMap<>();
            doc.passages().forEach(p -> passages.put(p.id(), PassageLayout.normalize(p.text())));
            for (Fact fact : extractions.get(i).facts()) {
                assertThat(passages).containsKey(fact.evidence().passageId());
                assertThat(fact.evidence().quote()).isNotBlank();
                assertThat(fact.evidence().method()).isNotBlank();
                assertThat(fact.evidence().confidence()).isBetween(0.0, 1.0);
                // Table rows are quoted cell by cell; sentences word for word.
                String firstWords = fact.evidence().quote().split(" ")[0];
                assertThat(passages.get(fact.evidence().passageId())).contains(firstWords);
            }
        }
    }

    @Test
    void everyFactRefersToEntitiesOfItsExtraction() {
        for (Extraction e : extractions) {
            Set<String> ids = new TreeSet<>();
            e.entities().forEach(entity -> ids.add(entity.id()));
            for (Fact f : e.facts()) {
                assertThat(ids).contains(f.subjectId(), f.objectId());
            }
            for (Mention m : e.mentions()) {
                assertThat(ids).contains(m.entityId());
            }
        }
    }

    @Test
    void aDocumentWithoutOfficesYieldsNoFacts() {
        for (int i = 0; i < documents.size(); i++) {
            if (documents.get(i).fileName().startsWith("moteinnkalling")
                    || documents.get(i).fileName().startsWith("direktoratet")) {
                assertThat(extractions.get(i).facts()).isEmpty();
            }
        }
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }
}

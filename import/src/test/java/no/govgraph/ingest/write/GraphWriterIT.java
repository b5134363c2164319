package no.govgraph.ingest.write;

import static no.govgraph.ingest.fixtures.ImportITSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.govgraph.ingest.extraction.Extraction;
import no.govgraph.ingest.passage.Passage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A file too large for one transaction is written in several, with the same result. */
class GraphWriterIT {

    private static final String ID = "a".repeat(64);

    @BeforeEach
    void clear() {
        neo4j().clear();
    }

    private static FileGraph bigFile() {
        List<Passage> passages = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            passages.add(new Passage(i, 1 + i / 10, "Passasje nummer " + i + " om Nav Frogner."));
        }
        DocumentRecord doc = new DocumentRecord(
                ID,
                "stor.txt",
                List.of("/arkiv/stor.txt"),
                "text/plain",
                null,
                null,
                null,
                null,
                null,
                100L,
                "nb",
                "other",
                false,
                null,
                false,
                passages,
                Extraction.EMPTY);
        return new FileGraph(Path.of("/arkiv/stor.txt"), ID, List.of(doc), List.of());
    }

    @Test
    void aFileWrittenInSeveralTransactionsEqualsOneWrittenInOne() {
        new GraphWriter(driver()).write(List.of(bigFile()));
        String inOne = checksum();
        neo4j().clear();

        new GraphWriter(driver(), 10).write(List.of(bigFile()));

        assertThat(checksum()).isEqualTo(inOne);
        assertThat(count(
                        "MATCH (:Document {id: $id, complete: true})-[:HAS_PASSAGE]->(p) RETURN count(p)",
                        Map.of("id", ID)))
                .isEqualTo(25);
    }
}

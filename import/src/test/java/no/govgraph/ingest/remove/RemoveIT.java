package no.govgraph.ingest.remove;

import static no.govgraph.ingest.fixtures.ImportITSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.govgraph.ingest.fixtures.Corpus;
import no.govgraph.ingest.fixtures.TestFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Value;

/** Removing what was imported leaves the graph of never having imported it. */
class RemoveIT {

    @TempDir
    Path dir;

    private final DocumentRemover remover = new DocumentRemover(driver());

    @BeforeEach
    void clear() {
        neo4j().clear();
    }

    @Test
    void importingAAndBThenRemovingBEqualsImportingAAlone() throws IOException {
        Path a = Corpus.generate(dir.resolve("a"), 8);
        Path b = Files.createDirectories(dir.resolve("b"));
        // B shares entities and relationships with A, adds some of its own, and brings an alias.
        TestFiles.text(
                b.resolve("b1.txt"),
                "NAV Frogner samarbeider med Oslo kommune.\n\nSysselsetting 2011: 99 % ved Nav Frogner.");
        TestFiles.text(b.resolve("b2.txt"), "Nav Bærum bruker Lean. Kari Nordmann leder Nav Bærum.");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("inni.txt", "Sysselsetting 2030: 12 % ved Nav Bærum.".getBytes(StandardCharsets.UTF_8));
        TestFiles.zip(b.resolve("b3.zip"), entries);

        run(a);
        String aAlone = checksum();
        neo4j().clear();
        run(a, b);
        assertThat(checksum()).isNotEqualTo(aAlone);

        for (String name : List.of("b1.txt", "b2.txt", "b3.zip")) {
            DocumentRemover.Removal removal = remover.removePath(b.resolve(name).toString());
            assertThat(removal.documents()).isNotEmpty();
        }

        assertThat(checksum()).isEqualTo(aAlone);
    }

    @Test
    void removingADocumentTakesItsEmbeddedDocumentsPassagesAndClaims() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("x.txt", "Nav Frogner bruker Lean.".getBytes(StandardCharsets.UTF_8));
        entries.put("y.txt", "Sysselsetting 2014: 45 % ved Nav Frogner.".getBytes(StandardCharsets.UTF_8));
        Path zip = TestFiles.zip(dir.resolve("pakke.zip"), entries);
        run(zip);
        String id = query("MATCH (d:Document) WHERE $p IN d.paths RETURN d.id AS id", Map.of("p", zip.toString()))
                .get(0)
                .get("id")
                .asString();

        DocumentRemover.Removal removal = remover.removeDocument(id);

        assertThat(removal.documents()).hasSize(3);
        assertThat(removal.claims()).isEqualTo(2);
        assertThat(removal.relationships()).isEqualTo(2);
        for (String label : List.of("Document", "Passage", "Claim", "Office", "Tool", "Outcome")) {
            assertThat(count("MATCH (n:" + label + ") RETURN count(n)"))
                    .as(label)
                    .isZero();
        }
        assertThat(remover.removeDocument(id).isEmpty()).isTrue();
    }

    @Test
    void removingOneOfTwoPathsKeepsTheDocumentAtTheOther() throws IOException {
        Path first = TestFiles.text(dir.resolve("en.txt"), "Nav Frogner bruker Lean.");
        Path second = Files.copy(first, dir.resolve("to.txt"));
        run(first, second);

        DocumentRemover.Removal removal = remover.removePath(first.toString());

        assertThat(removal.documents()).isEmpty();
        assertThat(removal.locations()).isEqualTo(1);
        assertThat(query("MATCH (d:Document) RETURN d.paths AS paths")
                        .get(0)
                        .get("paths")
                        .asList(Value::asString))
                .containsExactly(second.toString());
        assertThat(count("MATCH ()-[r:USES_TOOL]->() RETURN count(r)")).isEqualTo(1);
    }
}

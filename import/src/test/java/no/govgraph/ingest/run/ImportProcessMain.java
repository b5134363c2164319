package no.govgraph.ingest.run;

import java.nio.file.Path;
import java.util.List;
import no.govgraph.ingest.fixtures.KeywordExtractor;
import no.govgraph.ingest.parse.ParserSettings;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * An import in a process of its own, for tests that kill the importer mid-run or give it another
 * environment: {@code uri user password workers path...}; {@code -Dimport.ocr=true} turns OCR on,
 * {@code -Dimport.batch-wait-ms=N} shortens the writer's batches.
 */
public final class ImportProcessMain {

    private ImportProcessMain() {}

    public static void main(String[] args) {
        try (Driver driver = GraphDatabase.driver(args[0], AuthTokens.basic(args[1], args[2]));
                Importer importer = new Importer(
                        driver,
                        ImportOptions.defaults()
                                .withWorkers(Integer.parseInt(args[3]))
                                .withParser(ParserSettings.DEFAULTS.withOcr(Boolean.getBoolean("import.ocr")))
                                .withBatchWait(java.time.Duration.ofMillis(Long.getLong(
                                        "import.batch-wait-ms", ImportOptions.DEFAULT_BATCH_WAIT.toMillis()))),
                        new KeywordExtractor())) {
            List<Path> paths =
                    java.util.Arrays.stream(args).skip(4).map(Path::of).toList();
            importer.run(paths, ImportListener.NONE);
        }
    }
}

package no.govgraph.ingest.run;

import java.util.List;
import java.util.Map;
import org.neo4j.driver.Driver;

/** The {@code ImportRun} and {@code ImportFailure} nodes: the history of imports. */
final class ImportRunRepository {

    private final Driver driver;

    ImportRunRepository(Driver driver) {
        this.driver = driver;
    }

    void start(String runId, List<String> paths) {
        driver.executableQuery(
                        """
                        CREATE (:ImportRun {id: $id, startedAt: datetime(), paths: $paths,
                                            files: 0, imported: 0, unchanged: 0, failed: 0})
                        """)
                .withParameters(Map.of("id", runId, "paths", paths))
                .execute();
    }

    /** Records the counts so far (the run node shows progress while it runs). */
    void counts(String runId, ImportTally.Counts counts) {
        driver.executableQuery(
                        """
                        MATCH (r:ImportRun {id: $id})
                        SET r.files = $files, r.imported = $imported, r.unchanged = $unchanged, r.failed = $failed
                        """)
                .withParameters(Map.of(
                        "id", runId,
                        "files", counts.files(),
                        "imported", counts.imported(),
                        "unchanged", counts.unchanged(),
                        "failed", counts.failed()))
                .execute();
    }

    void finish(String runId, ImportTally.Counts counts) {
        driver.executableQuery(
                        """
                        MATCH (r:ImportRun {id: $id})
                        SET r.finishedAt = datetime(),
                            r.files = $files, r.imported = $imported, r.unchanged = $unchanged, r.failed = $failed
                        """)
                .withParameters(Map.of(
                        "id", runId,
                        "files", counts.files(),
                        "imported", counts.imported(),
                        "unchanged", counts.unchanged(),
                        "failed", counts.failed()))
                .execute();
    }

    /** One {@code ImportFailure} per row, linked to its run. */
    void failures(String runId, List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        driver.executableQuery(
                        """
                        MATCH (r:ImportRun {id: $runId})
                        UNWIND $rows AS row
                        CREATE (f:ImportFailure {id: row.id, path: row.path, sha256: row.sha256,
                                                 stage: row.stage, reason: row.reason, at: datetime()})
                        CREATE (r)-[:HAD_FAILURE]->(f)
                        """)
                .withParameters(Map.of("runId", runId, "rows", rows))
                .execute();
    }
}

package no.govgraph.backend.importjob;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/** {@code ImportJob} nodes: upload jobs and how they ended. */
@Singleton
class ImportJobRepository {

    /** A job as stored. */
    record StoredJob(
            String id,
            String status,
            String createdBy,
            String createdAt,
            @Nullable String startedAt,
            @Nullable String finishedAt,
            List<String> files,
            String uploadDir,
            @Nullable String outcome,
            @Nullable String error,
            long interruptions) {

        static StoredJob from(Record r) {
            return new StoredJob(
                    r.get("id").asString(),
                    r.get("status").asString(),
                    r.get("createdBy").asString(),
                    r.get("createdAt").asString(""),
                    r.get("startedAt").asString(null),
                    r.get("finishedAt").asString(null),
                    r.get("files").isNull() ? List.of() : r.get("files").asList(Value::asString),
                    r.get("uploadDir").asString(""),
                    r.get("outcome").asString(null),
                    r.get("error").asString(null),
                    r.get("interruptions").asLong(0));
        }
    }

    private static final String FIELDS =
            """
            RETURN j.id AS id, j.status AS status, j.createdBy AS createdBy, toString(j.createdAt) AS createdAt,
                   toString(j.startedAt) AS startedAt, toString(j.finishedAt) AS finishedAt, j.files AS files,
                   j.uploadDir AS uploadDir, j.outcome AS outcome, j.error AS error,
                   coalesce(j.interruptions, 0) AS interruptions
            """;

    private final Driver driver;

    ImportJobRepository(Driver driver) {
        this.driver = driver;
    }

    void create(String id, String user, List<String> files, String uploadDir) {
        driver.executableQuery(
                        """
                        CREATE (:ImportJob {id: $id, status: 'queued', createdBy: $user, createdAt: datetime(),
                                            files: $files, uploadDir: $uploadDir})
                        """)
                .withParameters(Map.of("id", id, "user", user, "files", files, "uploadDir", uploadDir))
                .execute();
    }

    void status(String id, String status) {
        driver.executableQuery(
                        """
                        MATCH (j:ImportJob {id: $id})
                        SET j.status = $status,
                            j.startedAt = CASE WHEN $status = 'running' THEN datetime() ELSE j.startedAt END
                        """)
                .withParameters(Map.of("id", id, "status", status))
                .execute();
    }

    /** Marks a job a stopped server left unfinished, before it is run again, and counts the interruption. */
    void interrupted(String id) {
        driver.executableQuery(
                        """
                        MATCH (j:ImportJob {id: $id})
                        SET j.status = 'interrupted', j.interruptions = coalesce(j.interruptions, 0) + 1
                        """)
                .withParameters(Map.of("id", id))
                .execute();
    }

    void finish(String id, String status, @Nullable String outcome, @Nullable String error) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        params.put("status", status);
        params.put("outcome", outcome);
        params.put("error", error);
        driver.executableQuery(
                        """
                        MATCH (j:ImportJob {id: $id})
                        SET j.status = $status, j.finishedAt = datetime(), j.outcome = $outcome, j.error = $error
                        """)
                .withParameters(params)
                .execute();
    }

    Optional<StoredJob> find(String id) {
        return driver
                .executableQuery("MATCH (j:ImportJob {id: $id})\n" + FIELDS)
                .withParameters(Map.of("id", id))
                .execute()
                .records()
                .stream()
                .findFirst()
                .map(StoredJob::from);
    }

    List<StoredJob> list(long skip, int limit) {
        return driver
                .executableQuery(
                        "MATCH (j:ImportJob)\n" + FIELDS + "ORDER BY j.createdAt DESC, j.id SKIP $skip LIMIT $limit")
                .withParameters(Map.of("skip", skip, "limit", limit))
                .execute()
                .records()
                .stream()
                .map(StoredJob::from)
                .toList();
    }

    /** Whether nothing was ever imported here: no document, no import run, no upload job. */
    boolean nothingImportedYet() {
        return driver.executableQuery(
                        """
                        RETURN NOT EXISTS { (:Document) } AND NOT EXISTS { (:ImportRun) }
                               AND NOT EXISTS { (:ImportJob) } AS fresh
                        """)
                .execute()
                .records()
                .get(0)
                .get("fresh")
                .asBoolean();
    }

    long count() {
        return driver.executableQuery("MATCH (j:ImportJob) RETURN count(j) AS n")
                .execute()
                .records()
                .get(0)
                .get("n")
                .asLong();
    }

    /** Jobs a stopped server left queued or running, oldest first. */
    List<StoredJob> unfinished() {
        return driver
                .executableQuery("MATCH (j:ImportJob) WHERE j.status IN ['queued', 'running', 'interrupted']\n" + FIELDS
                        + "ORDER BY j.createdAt")
                .execute()
                .records()
                .stream()
                .map(StoredJob::from)
                .toList();
    }
}

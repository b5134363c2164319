package no.govgraph.ingest.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.govgraph.ingest.ImportException;

/**
 * The summary of one import run: what the {@code ImportRun} node records, and what
 * {@code --report FILE.json} writes.
 *
 * @param runId the {@code ImportRun}'s id
 * @param files files handled (each file given or found in a folder, and each path that failed to walk)
 * @param imported files written to the graph
 * @param unchanged files the graph already held (including ones only seen at a new path)
 * @param failed files that could not be imported
 * @param failures why, per failed file
 * @param documents documents written (files and what is embedded in them)
 * @param passages passages written
 * @param pages pages of the documents written
 * @param elapsed how long the run took
 */
public record ImportReport(
        String runId,
        long files,
        long imported,
        long unchanged,
        long failed,
        List<Failure> failures,
        long documents,
        long passages,
        long pages,
        Duration elapsed) {

    public ImportReport {
        failures = List.copyOf(failures);
    }

    /** One failed file. */
    public record Failure(String path, String stage, String reason) {}

    /** Files per second over the whole run. */
    public double filesPerSecond() {
        return elapsed.toMillis() == 0 ? 0 : files * 1000.0 / elapsed.toMillis();
    }

    /**
     * The report as JSON: {@code {"files":N,"imported":N,"unchanged":N,"failed":N,
     * "failures":[{"path":…,"stage":…,"reason":…}]}}.
     */
    public String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("files", files);
        json.put("imported", imported);
        json.put("unchanged", unchanged);
        json.put("failed", failed);
        json.put(
                "failures",
                failures.stream()
                        .map(f -> {
                            Map<String, Object> m = new LinkedHashMap<>();
                            m.put("path", f.path());
                            m.put("stage", f.stage());
                            m.put("reason", f.reason());
                            return m;
                        })
                        .toList());
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json);
        } catch (IOException e) {
            throw new IllegalStateException("A map of strings and numbers is always JSON", e);
        }
    }

    /** Writes {@link #toJson()} to {@code file}. */
    public void writeJson(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, toJson() + "\n");
        } catch (IOException e) {
            throw new ImportException("Could not write the report to " + file + ": " + e.getMessage(), e);
        }
    }
}

package no.govgraph.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Puts a benchmark's Markdown results into a document between two marker comments, so that a run
 * updates docs/BENCHMARKS.md in place and leaves the rest of it alone.
 */
public final class ResultsFile {

    private ResultsFile() {}

    public static String start(String section) {
        return "<!-- bench:" + section + ":start -->";
    }

    public static String end(String section) {
        return "<!-- bench:" + section + ":end -->";
    }

    /**
     * Replaces what stands between the markers of {@code section} in {@code file} with {@code markdown};
     * appends the section with its markers when the file does not have them yet.
     */
    public static void update(Path file, String section, String markdown) {
        try {
            String text = Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
            String start = start(section);
            String end = end(section);
            String block = start + "\n" + markdown.strip() + "\n" + end;
            int s = text.indexOf(start);
            int e = text.indexOf(end);
            String updated;
            if (s >= 0 && e > s) {
                updated = text.substring(0, s) + block + text.substring(e + end.length());
            } else {
                updated = text + (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + "\n" + block + "\n";
            }
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, updated, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the results to " + file, e);
        }
    }
}

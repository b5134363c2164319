package no.govgraph.ingest.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The sample corpus bundled in the import jar: governance documents about real NAV offices in
 * every supported format (rendered at build time by {@link SampleCorpusGenerator}). {@code serve}
 * copies it out and imports it on first start; tests and the evaluation use it too.
 */
public final class SampleCorpus {

    /** The class-path folder that holds the corpus. */
    public static final String RESOURCE_DIR = "sample-corpus";

    /** The file in {@link #RESOURCE_DIR} that lists the corpus's files, one per line. */
    public static final String INDEX = "INDEX";

    private SampleCorpus() {}

    /** The names of the corpus's files, sorted. */
    public static List<String> fileNames() {
        try (InputStream in = open(INDEX)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(l -> !l.isBlank())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the sample corpus index", e);
        }
    }

    /** Opens one file of the corpus. */
    public static InputStream open(String fileName) {
        InputStream in = SampleCorpus.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + "/" + fileName);
        if (in == null) {
            throw new IllegalStateException(
                    "The sample corpus is not on the class path (" + RESOURCE_DIR + "/" + fileName + ")");
        }
        return in;
    }

    /**
     * Copies the corpus into {@code directory} (created if needed; existing files of the same name
     * are replaced).
     *
     * @return the paths of the copied files
     */
    public static List<Path> copyTo(Path directory) {
        List<Path> copied = new ArrayList<>();
        try {
            Files.createDirectories(directory);
            for (String name : fileNames()) {
                Path target = directory.resolve(name);
                try (InputStream in = open(name)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                copied.add(target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the sample corpus to " + directory, e);
        }
        return List.copyOf(copied);
    }
}

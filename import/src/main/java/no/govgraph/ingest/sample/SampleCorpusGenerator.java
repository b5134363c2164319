package no.govgraph.ingest.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Renders the sample corpus from its sources ({@code import/src/main/sample-corpus/*.md}) into
 * every supported format. Runs at build time ({@code process-classes}, exec-maven-plugin) into
 * {@code target/classes/sample-corpus}; the same sources always give the same bytes.
 */
public final class SampleCorpusGenerator {

    private SampleCorpusGenerator() {}

    /** {@code SampleCorpusGenerator SOURCE_DIR OUTPUT_DIR}. */
    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: SampleCorpusGenerator SOURCE_DIR OUTPUT_DIR");
            System.exit(2);
        }
        List<String> written = generate(Path.of(args[0]), Path.of(args[1]));
        System.err.println("Sample corpus: " + written.size() + " files in " + args[1]);
    }

    /**
     * Renders every source of {@code sourceDir} and writes the top-level files (not those only
     * embedded in a mail or a zip) and an {@value SampleCorpus#INDEX} to {@code outputDir}.
     *
     * @return the names of the files written, sorted
     */
    public static List<String> generate(Path sourceDir, Path outputDir) {
        Map<String, byte[]> rendered = render(sources(sourceDir));
        try {
            Files.createDirectories(outputDir);
            // A file renamed or removed in the sources must not linger in the jar.
            try (Stream<Path> old = Files.list(outputDir)) {
                for (Path f : old.toList()) {
                    if (!rendered.containsKey(f.getFileName().toString())) {
                        Files.delete(f);
                    }
                }
            }
            for (var e : rendered.entrySet()) {
                Files.write(outputDir.resolve(e.getKey()), e.getValue());
            }
            Files.writeString(
                    outputDir.resolve(SampleCorpus.INDEX),
                    String.join("\n", rendered.keySet()) + "\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the sample corpus to " + outputDir, e);
        }
        return List.copyOf(rendered.keySet());
    }

    static Map<String, SourceDocument> sources(Path sourceDir) {
        Map<String, SourceDocument> sources = new TreeMap<>();
        try (Stream<Path> files = Files.list(sourceDir)) {
            for (Path p :
                    files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                SourceDocument doc = SourceDocument.read(p);
                if (sources.put(doc.file(), doc) != null) {
                    throw new IllegalArgumentException("Two sample sources render " + doc.file());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + sourceDir, e);
        }
        return sources;
    }

    /** The top-level files by name, sorted; containers get the rendered bytes of what they contain. */
    static Map<String, byte[]> render(Map<String, SourceDocument> sources) {
        Map<String, byte[]> all = new LinkedHashMap<>();
        List<SourceDocument> containers = new ArrayList<>();
        for (SourceDocument doc : sources.values()) {
            if (doc.contains().isEmpty()) {
                all.put(doc.file(), renderOne(doc, Map.of()));
            } else {
                containers.add(doc);
            }
        }
        for (SourceDocument doc : containers) {
            Map<String, byte[]> parts = new LinkedHashMap<>();
            for (String name : doc.contains()) {
                byte[] part = all.get(name);
                if (part == null) {
                    throw new IllegalArgumentException(doc.file() + " contains unknown " + name);
                }
                parts.put(name, part);
            }
            all.put(doc.file(), renderOne(doc, parts));
        }
        Map<String, byte[]> top = new TreeMap<>();
        all.forEach((name, bytes) -> {
            if (!sources.get(name).embedded()) {
                top.put(name, bytes);
            }
        });
        return top;
    }

    /**
     * Renders one document written in the sources' syntax (front matter and body, see the sample
     * sources) into the format its {@code file} names. For generated corpora (the bench module);
     * {@code parts} holds the rendered files a mail or zip contains, by name.
     */
    public static byte[] renderSource(String source, Map<String, byte[]> parts) {
        return renderOne(SourceDocument.parse(source), parts);
    }

    private static byte[] renderOne(SourceDocument doc, Map<String, byte[]> parts) {
        try {
            return switch (doc.format()) {
                case "pdf" -> new PdfRenderer().render(doc);
                case "docx" -> DocxRenderer.render(doc);
                case "doc" -> DocRenderer.render(doc);
                case "odt" -> TextFormats.odt(doc);
                case "rtf" -> TextFormats.rtf(doc).getBytes(StandardCharsets.US_ASCII);
                case "html", "htm" -> TextFormats.html(doc).getBytes(StandardCharsets.UTF_8);
                case "txt" -> TextFormats.text(doc).getBytes(StandardCharsets.UTF_8);
                case "eml" -> Containers.mail(doc, TextFormats.text(doc), parts);
                case "zip" -> Containers.zip(parts, doc.created(), null);
                default -> throw new IllegalArgumentException("No renderer for " + doc.file());
            };
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot render " + doc.file(), e);
        }
    }
}

package no.govgraph.ingest.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * One document of the sample corpus as its author wrote it: YAML front matter (file name, title,
 * author, date, language, mail headers, contained files) and a small Markdown-like body.
 *
 * <p>Body syntax: {@code #} headings; paragraphs separated by blank lines (a line ending in
 * {@code \} keeps its line break); {@code |}-separated table rows (the first row is the header, a
 * {@code |---|} row is ignored); a line {@code ===page===} starts a new page; {@code {-}} inside a
 * word marks where wrapping renderers (PDF, plain text) break it with a hyphen, as PDFs of real
 * reports do.
 */
record SourceDocument(
        String file,
        String title,
        String author,
        LocalDate created,
        String language,
        boolean embedded,
        Map<String, String> mail,
        List<String> contains,
        List<Block> blocks) {

    static final String PAGE_BREAK = "===page===";
    static final String HYPHEN_MARK = "{-}";

    SourceDocument {
        mail = Map.copyOf(mail);
        contains = List.copyOf(contains);
        blocks = List.copyOf(blocks);
    }

    /** The format to render, from the file name's extension. */
    String format() {
        return file.substring(file.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
    }

    /** A part of the body. */
    sealed interface Block {}

    record Heading(int level, String text) implements Block {}

    /** A paragraph; more than one line where the author kept line breaks (addresses, signatures). */
    record Paragraph(List<String> lines) implements Block {
        Paragraph {
            lines = lines.stream()
                    .map(l -> l.endsWith("\\") ? l.substring(0, l.length() - 1).strip() : l)
                    .toList();
        }

        String joined() {
            return String.join(" ", lines);
        }
    }

    record Table(List<List<String>> rows) implements Block {
        Table {
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    record PageBreak() implements Block {}

    /** Text without the hyphenation marks, for renderers that do not wrap. */
    static String plain(String text) {
        return text.replace(HYPHEN_MARK, "");
    }

    static SourceDocument read(Path path) {
        try {
            return parse(Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read sample source " + path, e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Bad sample source " + path + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    static SourceDocument parse(String source) {
        String text = source.replace("\r\n", "\n");
        if (!text.startsWith("---\n")) {
            throw new IllegalArgumentException("no front matter");
        }
        int end = text.indexOf("\n---\n", 4);
        Map<String, Object> meta =
                (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(text.substring(4, end));
        String body = text.substring(end + 5);
        Map<String, String> mail = new java.util.LinkedHashMap<>();
        for (String key : List.of("from", "to", "subject", "date")) {
            if (meta.get(key) != null) {
                mail.put(key, meta.get(key).toString());
            }
        }
        return new SourceDocument(
                (String) meta.get("file"),
                (String) meta.getOrDefault("title", ""),
                (String) meta.getOrDefault("author", ""),
                LocalDate.parse(meta.get("created").toString()),
                (String) meta.getOrDefault("language", "nb"),
                Boolean.TRUE.equals(meta.get("embedded")),
                mail,
                (List<String>) meta.getOrDefault("contains", List.of()),
                blocks(body));
    }

    private static List<Block> blocks(String body) {
        List<Block> blocks = new ArrayList<>();
        List<String> paragraph = new ArrayList<>();
        List<List<String>> table = new ArrayList<>();
        for (String raw : body.split("\n", -1)) {
            String line = raw.strip();
            boolean tableRow = line.startsWith("|");
            if (!tableRow && !table.isEmpty()) {
                blocks.add(new Table(table));
                table = new ArrayList<>();
            }
            if (line.isEmpty() || tableRow || line.startsWith("#") || line.equals(PAGE_BREAK)) {
                if (!paragraph.isEmpty()) {
                    blocks.add(new Paragraph(paragraph));
                    paragraph = new ArrayList<>();
                }
            }
            if (line.isEmpty()) {
                continue;
            }
            if (tableRow) {
                if (!line.matches("\\|[-| :]+\\|?")) {
                    String inner = line.substring(1, line.endsWith("|") ? line.length() - 1 : line.length());
                    table.add(Arrays.stream(inner.split("\\|", -1))
                            .map(String::strip)
                            .toList());
                }
            } else if (line.equals(PAGE_BREAK)) {
                blocks.add(new PageBreak());
            } else if (line.startsWith("#")) {
                int level = 0;
                while (level < line.length() && line.charAt(level) == '#') {
                    level++;
                }
                blocks.add(new Heading(level, line.substring(level).strip()));
            } else if (!paragraph.isEmpty()
                    && paragraph.get(paragraph.size() - 1).endsWith("\\")) {
                String last = paragraph.remove(paragraph.size() - 1);
                paragraph.add(last.substring(0, last.length() - 1).strip());
                paragraph.add(line);
            } else if (!paragraph.isEmpty()) {
                paragraph.set(paragraph.size() - 1, paragraph.get(paragraph.size() - 1) + " " + line);
            } else {
                paragraph.add(line);
            }
        }
        if (!table.isEmpty()) {
            blocks.add(new Table(table));
        }
        if (!paragraph.isEmpty()) {
            blocks.add(new Paragraph(paragraph));
        }
        return blocks;
    }
}

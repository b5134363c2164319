package no.govgraph.bench.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import no.govgraph.bench.corpus.DocumentPlan.Kind;
import no.govgraph.ingest.sample.SampleCorpusGenerator;

/**
 * Generates a corpus of governance documents for the import benchmark: {@code count} files in the
 * sample corpus's formats (PDF, DOCX, ODT, DOC, RTF, HTML, text, e-mail with attachments, zip) and
 * kinds (partnership agreements, management and allocation letters, operational plans, annual
 * reports, interview notes, minutes, e-mails, archives of several of them), 1–40 pages each
 * (skewed towards short ones, as real archives are), some pages with tables, in Norwegian that
 * names real offices and units of the bundled codebook. Rendered with the sample corpus's
 * renderers ({@link SampleCorpusGenerator#renderSource}).
 *
 * <p>Deterministic: file {@code i} depends only on the seed and {@code i}, and the same seed gives
 * the same bytes (the renderers fix every date and id), so corpora of 1,000 and 10,000 files with
 * one seed share their first 1,000 files.
 */
public final class CorpusGenerator {

    /** The folder under the corpus directory that holds the files to import. */
    public static final String FILES = "files";

    /** The corpus directory's list of files, next to (not inside) {@link #FILES}. */
    public static final String MANIFEST = "manifest.tsv";

    private static final String VERSION = "1";

    private final long seed;
    private final Vocabulary vocabulary = Vocabulary.fromCodebook();

    public CorpusGenerator(long seed) {
        this.seed = seed;
    }

    /**
     * One generated file.
     *
     * @param name its file name
     * @param format its extension ({@code pdf}, {@code eml} …)
     * @param kind what it is ({@code samarbeidsavtale}, {@code epost} …, see {@code DocumentPlan.Kind})
     * @param pages pages of the file and everything it contains (an e-mail body is one page)
     * @param documents documents in it: 1, plus attachments and archive entries
     * @param tables tables in it
     * @param size bytes
     */
    public record GeneratedFile(
            String name, String format, String kind, int pages, int documents, int tables, long size) {}

    /** A generated corpus: the folder to import and what is in it. */
    public record Corpus(Path files, long seed, List<GeneratedFile> entries) {
        public Corpus {
            entries = List.copyOf(entries);
        }

        public long pages() {
            return entries.stream().mapToLong(GeneratedFile::pages).sum();
        }

        public long documents() {
            return entries.stream().mapToLong(GeneratedFile::documents).sum();
        }

        public long bytes() {
            return entries.stream().mapToLong(GeneratedFile::size).sum();
        }

        /** Files per format, e.g. {@code pdf 350, docx 180 …}, most first. */
        public String formatMix() {
            Map<String, Long> counts = new LinkedHashMap<>();
            entries.stream()
                    .sorted(Comparator.comparing(GeneratedFile::format))
                    .forEach(e -> counts.merge(e.format(), 1L, Long::sum));
            return String.join(
                    ", ",
                    counts.entrySet().stream()
                            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                            .map(e -> e.getKey() + " " + e.getValue())
                            .toList());
        }
    }

    /** {@code CorpusGenerator COUNT DIR [SEED]}: writes DIR/files and DIR/manifest.tsv. */
    public static void main(String[] args) {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: CorpusGenerator COUNT DIR [SEED]");
            System.exit(2);
        }
        long seed = args.length == 3 ? Long.parseLong(args[2]) : 42;
        Corpus corpus = reuseOrGenerate(Integer.parseInt(args[0]), seed, Path.of(args[1]));
        System.out.println(corpus.entries().size() + " files, " + corpus.documents() + " documents, " + corpus.pages()
                + " pages, " + corpus.bytes() / 1024 + " KB in " + corpus.files());
    }

    /**
     * The corpus of {@code count} files and {@code seed} in {@code dir}: read from its manifest when
     * {@code dir} already holds it, else generated into it (replacing what was there).
     */
    public static Corpus reuseOrGenerate(int count, long seed, Path dir) {
        Path manifest = dir.resolve(MANIFEST);
        try {
            if (Files.isRegularFile(manifest)) {
                List<String> lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
                if (!lines.isEmpty() && lines.get(0).equals(header(count, seed))) {
                    List<GeneratedFile> entries =
                            lines.stream().skip(1).map(CorpusGenerator::parse).toList();
                    if (entries.stream()
                            .allMatch(
                                    e -> Files.isRegularFile(dir.resolve(FILES).resolve(e.name())))) {
                        return new Corpus(dir.resolve(FILES), seed, entries);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + manifest, e);
        }
        return new CorpusGenerator(seed).generate(count, dir);
    }

    /** Generates {@code count} files into {@code dir}/{@value #FILES} and writes the manifest. */
    public Corpus generate(int count, Path dir) {
        Path files = dir.resolve(FILES);
        try {
            deleteTree(files);
            Files.deleteIfExists(dir.resolve(MANIFEST));
            Files.createDirectories(files);
            // Files are independent of each other (one random stream each), so order does not matter.
            List<GeneratedFile> entries = IntStream.range(0, count)
                    .parallel()
                    .mapToObj(i -> {
                        Rendered r = render(i);
                        try {
                            Files.write(files.resolve(r.entry().name()), r.bytes());
                        } catch (IOException e) {
                            throw new UncheckedIOException(
                                    "Cannot write " + r.entry().name(), e);
                        }
                        return r.entry();
                    })
                    .toList();
            List<String> lines = new ArrayList<>();
            lines.add(header(count, seed));
            entries.forEach(e -> lines.add(String.join(
                    "\t",
                    e.name(),
                    e.format(),
                    e.kind(),
                    String.valueOf(e.pages()),
                    String.valueOf(e.documents()),
                    String.valueOf(e.tables()),
                    String.valueOf(e.size()))));
            Files.write(dir.resolve(MANIFEST), lines, StandardCharsets.UTF_8);
            return new Corpus(files, seed, entries);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot generate the corpus in " + dir, e);
        }
    }

    /** One rendered file: its manifest entry and its bytes. */
    record Rendered(GeneratedFile entry, byte[] bytes) {}

    /** File {@code index} of every corpus of this seed. */
    Rendered render(int index) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        Kind kind = Kind.pick(random);
        DocumentPlan plan = new DocumentPlan(vocabulary, random);
        String format = kind.formats.get(random.nextInt(kind.formats.size()));
        String name = String.format(
                Locale.ROOT,
                "%05d-%s-%s-%d.%s",
                index,
                kind.slug,
                DocumentPlan.ascii(plan.office().place()),
                plan.year(),
                format);
        Map<String, byte[]> parts = new LinkedHashMap<>();
        int pages = 0;
        int documents = 1;
        if (kind == Kind.EMAIL) {
            pages = 1;
            // About a third of the mails carry a letter, minutes or notes as an attachment.
            if (random.nextInt(3) == 0) {
                Kind attached = List.of(Kind.MANAGEMENT_LETTER, Kind.MINUTES, Kind.INTERVIEW)
                        .get(random.nextInt(3));
                pages += part(plan, random, attached, "vedlegg-", parts);
                documents++;
            }
        } else if (kind == Kind.ARCHIVE) {
            int entries = 2 + random.nextInt(3);
            for (int e = 0; e < entries; e++) {
                Kind inside = List.of(Kind.AGREEMENT, Kind.MANAGEMENT_LETTER, Kind.PLAN, Kind.REPORT, Kind.MINUTES)
                        .get(random.nextInt(5));
                pages += part(plan, random, inside, (e + 1) + "-", parts);
                documents++;
            }
        } else {
            pages = kind.pages(random);
        }
        // Mails and archives have no pages of their own beyond the mail body.
        String source = plan.source(kind, name, pages, List.copyOf(parts.keySet()));
        byte[] bytes = SampleCorpusGenerator.renderSource(source, parts);
        return new Rendered(
                new GeneratedFile(name, format, kind.slug, pages, documents, plan.tables(), bytes.length), bytes);
    }

    /** Renders a document held by a mail or zip into {@code parts}; returns its pages. */
    private static int part(
            DocumentPlan plan, SplittableRandom random, Kind kind, String prefix, Map<String, byte[]> parts) {
        List<String> formats = kind.formats;
        String format = formats.get(random.nextInt(formats.size()));
        int pages = Math.min(12, kind.pages(random));
        String name =
                prefix + kind.slug + "-" + DocumentPlan.ascii(plan.office().place()) + "." + format;
        parts.put(name, SampleCorpusGenerator.renderSource(plan.source(kind, name, pages, List.of()), Map.of()));
        return pages;
    }

    private static String header(int count, long seed) {
        return "# govgraph generated corpus v" + VERSION + " count=" + count + " seed=" + seed;
    }

    private static GeneratedFile parse(String line) {
        String[] f = line.split("\t");
        return new GeneratedFile(
                f[0],
                f[1],
                f[2],
                Integer.parseInt(f[3]),
                Integer.parseInt(f[4]),
                Integer.parseInt(f[5]),
                Long.parseLong(f[6]));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

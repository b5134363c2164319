package no.govgraph.bench.importing;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import no.govgraph.bench.corpus.CorpusGenerator.Corpus;
import no.govgraph.bench.importing.ImportBenchmark.Options;
import no.govgraph.bench.importing.ImportBenchmark.Raw;
import no.govgraph.bench.importing.ImportBenchmark.Run;

/** The Markdown of the import benchmark's results (the section between the {@code bench:import} markers). */
final class ImportTable {

    private ImportTable() {}

    static String markdown(
            Options options, String machine, double loadAtEnd, Corpus corpus, Raw raw, Raw forked, List<Run> runs) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(
                Locale.ROOT,
                "Machine: %s, load average %.2f at the end. Every measured JVM: -Xmx%s, the JVM's default"
                        + " collector; %d workers on both sides.%n%n",
                machine,
                loadAtEnd,
                options.heap(),
                options.workers()));
        sb.append(String.format(
                Locale.ROOT,
                "Corpus (`CorpusGenerator`, seed %d): %,d files, %,d documents (with attachments and archive"
                        + " entries), %,d pages, %.1f MB; %s.%n%n",
                options.seed(),
                corpus.entries().size(),
                corpus.documents(),
                corpus.pages(),
                corpus.bytes() / 1048576.0,
                corpus.formatMix()));
        sb.append("| side | time s | files/s | documents/s | pages/s | per-file p50 ms | per-file p95 ms"
                + " | process s | CPU s | documents out | failed files |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        int files = corpus.entries().size();
        sb.append(rawRow("(a) raw Tika, " + options.workers() + " threads, no graph", raw, files, corpus));
        sb.append(rawRow(
                "(a′) raw Tika in " + options.workers() + " parse worker processes, no graph", forked, files, corpus));
        Optional<Run> importer = find(runs, "importer", files);
        Optional<Run> server = find(runs, "server", files);
        importer.ifPresent(r -> sb.append(row(
                "(b) `govgraph import`, " + options.workers() + " workers",
                r.seconds(),
                files,
                corpus,
                "—",
                "—",
                r.processSeconds(),
                r.cpuSeconds(),
                r.documents(),
                r.failed())));
        server.ifPresent(r -> sb.append(row(
                "(c) upload job of `serve`",
                r.seconds(),
                files,
                corpus,
                "—",
                "—",
                r.processSeconds(),
                r.cpuSeconds(),
                r.documents(),
                r.failed())));
        sb.append('\n');
        importer.ifPresent(r -> sb.append(String.format(
                Locale.ROOT,
                "**(b)/(a) = %.2f** (goal ≥ 0.8: %s): documents/s of the import run (as the importer reports"
                        + " it, without the JVM's and Neo4j's start) over raw Tika's parse time. End to end"
                        + " (process start to exit on both sides, so the import's includes opening the embedded"
                        + " store): %.2f.",
                raw.seconds() / r.seconds(),
                raw.seconds() / r.seconds() >= 0.8 ? "met" : "**not met**",
                raw.processSeconds() / r.processSeconds())));
        importer.ifPresent(r -> sb.append(String.format(
                Locale.ROOT,
                " **(b)/(a′) = %.2f** (goal ≥ 0.8: %s): against the same parsing in the same worker processes,"
                        + " what the import adds to the out-of-process parse it needs for untrusted files.",
                forked.seconds() / r.seconds(),
                forked.seconds() / r.seconds() >= 0.8 ? "met" : "**not met**")));
        importer.filter(r -> r.cpuSeconds() > 0 && raw.cpuSeconds() > 0 && forked.cpuSeconds() > 0)
                .ifPresent(r -> sb.append(String.format(
                        Locale.ROOT,
                        " By CPU time (each process with its children, start included): (a)/(b) = %.2f,"
                                + " (a′)/(b) = %.2f.",
                        raw.cpuSeconds() / r.cpuSeconds(),
                        forked.cpuSeconds() / r.cpuSeconds())));
        server.ifPresent(r -> sb.append(String.format(
                Locale.ROOT,
                " Upload job/raw: %.2f (the pipeline's own run time in the server).",
                raw.seconds() / r.seconds())));
        sb.append("\n\n");

        sb.append("Heap, from each process's `-Xlog:gc` log (G1): **peak used** = the most heap in use right"
                + " before a collection (heap use only grows between collections); **after GC** = the most"
                + " in use right after one (a young collection leaves the old generation's garbage, so this"
                + " grows until a marking cycle's mixed collections, which G1 starts only when the old"
                + " generation is large); **live** = in use after the last mixed or full collection, with"
                + " when (seconds since the JVM started; — if none): the live data as of then; **live max** ="
                + " the most in use after any full collection: the largest live set seen"
                + String.format(
                        Locale.ROOT,
                        options.histogramSeconds() > 0
                                ? " (the importer and the server get a class histogram, which collects the whole"
                                        + " heap, every %d s of their run)"
                                : "",
                        options.histogramSeconds())
                + ". The server gets one more full collection once its job has finished.\n\n");
        sb.append("| process | files | documents | peak used MB | after GC MB | live MB | live max MB (full GCs)"
                + " | committed MB | GCs |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        sb.append(heapRow("raw Tika (for comparison)", files, raw.documents(), raw.heap()));
        for (Run r : runs) {
            sb.append(heapRow(
                    r.process().equals("server") ? "server (`serve`, upload job)" : "importer (`govgraph import`)",
                    r.corpusFiles(),
                    r.corpusDocuments(),
                    r.heap()));
        }
        for (String process : List.of("importer", "server")) {
            List<Run> of = runs.stream()
                    .filter(r -> r.process().equals(process))
                    .sorted(java.util.Comparator.comparingInt(Run::corpusFiles))
                    .toList();
            if (of.size() >= 2) {
                Run small = of.get(0);
                Run large = of.get(of.size() - 1);
                double peak = (double) large.heap().peakUsedMb() / small.heap().peakUsedMb();
                String live = small.heap().maxLiveMb() > 0 && large.heap().maxLiveMb() > 0
                        ? String.format(
                                Locale.ROOT,
                                "%.2f×",
                                (double) large.heap().maxLiveMb() / small.heap().maxLiveMb())
                        : "—";
                sb.append(String.format(
                        Locale.ROOT,
                        "%n%s, %,d → %,d files (%.0f×): peak used %.2f× (goal < 1.2×: %s), live max %s.",
                        process,
                        small.corpusFiles(),
                        large.corpusFiles(),
                        (double) large.corpusFiles() / small.corpusFiles(),
                        peak,
                        peak < 1.2 ? "met" : "**not met**",
                        live));
            }
        }
        return sb.toString().strip() + "\n";
    }

    private static Optional<Run> find(List<Run> runs, String process, int files) {
        return runs.stream()
                .filter(r -> r.process().equals(process) && r.corpusFiles() == files)
                .findFirst();
    }

    private static String rawRow(String side, Raw raw, int files, Corpus corpus) {
        return row(
                side,
                raw.seconds(),
                files,
                corpus,
                String.format(Locale.ROOT, "%.1f", raw.p50()),
                String.format(Locale.ROOT, "%.1f", raw.p95()),
                raw.processSeconds(),
                raw.cpuSeconds(),
                raw.documents(),
                raw.errors());
    }

    private static String row(
            String side,
            double seconds,
            int files,
            Corpus corpus,
            String p50,
            String p95,
            double processSeconds,
            double cpuSeconds,
            long documentsOut,
            long failed) {
        return String.format(
                Locale.ROOT,
                "| %s | %.1f | %.1f | %.1f | %.1f | %s | %s | %.1f | %s | %,d | %d |%n",
                side,
                seconds,
                files / seconds,
                corpus.documents() / seconds,
                corpus.pages() / seconds,
                p50,
                p95,
                processSeconds,
                cpuSeconds < 0 ? "—" : String.format(Locale.ROOT, "%.1f", cpuSeconds),
                documentsOut,
                failed);
    }

    private static String heapRow(String process, int files, long documents, GcLog heap) {
        return String.format(
                Locale.ROOT,
                "| %s | %,d | %,d | %,d | %,d | %s | %s | %,d | %d |%n",
                process,
                files,
                documents,
                heap.peakUsedMb(),
                heap.maxAfterGcMb(),
                heap.liveMb() < 0
                        ? "—"
                        : String.format(Locale.ROOT, "%,d (at %.0f s)", heap.liveMb(), heap.liveAtSeconds()),
                heap.maxLiveMb() < 0
                        ? "—"
                        : String.format(Locale.ROOT, "%,d (%d)", heap.maxLiveMb(), heap.fullCollections()),
                heap.maxCommittedMb(),
                heap.collections());
    }
}

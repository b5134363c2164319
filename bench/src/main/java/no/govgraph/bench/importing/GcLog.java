package no.govgraph.bench.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The heap figures of a process, read from its {@code -Xlog:gc:file=…} log: every pause line ends
 * in {@code before->after(committed)} (e.g. {@code 251M->38M(512M)}).
 *
 * @param peakUsedMb the most heap in use just before a collection: the peak of used heap (heap use
 *     only grows between collections, so its maxima are right before them)
 * @param maxAfterGcMb the most heap still in use right after any collection; with G1 a young
 *     collection leaves the old generation's garbage in place until a marking cycle and its mixed
 *     collections reclaim it, so this grows with the length of a run and is not the live data
 * @param liveMb the heap in use after the old generation was last cleaned up: after the last mixed
 *     collection of the last marking cycle, or after the last full collection; the best bound of the
 *     live data a GC log gives, but only as of {@code liveAtSeconds}; -1 when the run had no such
 *     collection
 * @param liveAtSeconds when that was, in seconds since the JVM started (-1 if never)
 * @param maxLiveMb the most heap in use after any full collection (a class histogram or
 *     {@code GC.run} forces one): the largest live data seen over the run; -1 when there was none
 * @param fullCollections full collections in the log
 * @param maxCommittedMb the most heap the JVM had reserved from the OS
 * @param collections pauses in the log
 */
public record GcLog(
        long peakUsedMb,
        long maxAfterGcMb,
        long liveMb,
        double liveAtSeconds,
        long maxLiveMb,
        int fullCollections,
        long maxCommittedMb,
        int collections) {

    private static final Pattern UPTIME = Pattern.compile("^\\[([\\d.]+)s]");
    private static final Pattern PAUSE = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

    /** {@code -Xlog} option that writes the log this class reads. */
    public static String option(Path file) {
        return "-Xlog:gc:file=" + file.toAbsolutePath();
    }

    public static GcLog read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the GC log " + file, e);
        }
    }

    static GcLog parse(String log) {
        long before = 0;
        long after = 0;
        long live = -1;
        double liveAt = -1;
        long maxLive = -1;
        int fulls = 0;
        long committed = 0;
        int n = 0;
        for (String line : log.split("\n")) {
            Matcher m = PAUSE.matcher(line);
            if (m.find()) {
                n++;
                long afterThis = mb(m.group(3), m.group(4));
                before = Math.max(before, mb(m.group(1), m.group(2)));
                after = Math.max(after, afterThis);
                committed = Math.max(committed, mb(m.group(5), m.group(6)));
                if (line.contains("(Mixed)") || line.contains("Pause Full")) {
                    live = afterThis;
                    Matcher t = UPTIME.matcher(line);
                    liveAt = t.find() ? Double.parseDouble(t.group(1)) : -1;
                }
                if (line.contains("Pause Full")) {
                    fulls++;
                    maxLive = Math.max(maxLive, afterThis);
                }
            }
        }
        return new GcLog(before, after, live, liveAt, maxLive, fulls, committed, n);
    }

    private static long mb(String value, String unit) {
        long v = Long.parseLong(value);
        return switch (unit) {
            case "K" -> v / 1024;
            case "G" -> v * 1024;
            default -> v;
        };
    }
}

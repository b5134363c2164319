package no.govgraph.bench.importing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of the processes this JVM has started and that have ended: {@code cutime + cstime} of
 * {@code /proc/self/stat}. A child's figure includes its own ended children (an importer's parse
 * workers), so the difference across one run of a benchmarked process is everything that side
 * cost the machine. Linux only; elsewhere the figures are -1.
 */
final class ChildCpu {

    /** {@code getconf CLK_TCK}: 100 on every Linux this runs on. */
    private static final double TICKS_PER_SECOND = 100.0;

    private ChildCpu() {}

    /** CPU seconds of the ended children so far, or -1 when {@code /proc} cannot tell. */
    static double seconds() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // The command name (field 2) may hold spaces: count the fields after its closing parenthesis.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // After the name, field 3 is f[0]; cutime and cstime are fields 16 and 17.
            return (Long.parseLong(f[13]) + Long.parseLong(f[14])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}

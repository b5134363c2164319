package no.govgraph.bench.soak;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the resources of another JVM on Linux: its heap after a full GC (asked for through {@code
 * jcmd}, which ships with the JDK, and read from the process's GC log, since a reading taken after
 * the GC would count what requests allocated in between), its open file descriptors ({@code /proc/PID/fd}) and its threads and resident
 * memory ({@code /proc/PID/status}). A value that cannot be read is -1.
 */
final class ProcessProbe {

    /** {@code GC(4) Pause Full (Diagnostic Command) 203M->71M(244M) 24.152ms}: before, after, committed. */
    private static final Pattern FULL_GC = Pattern.compile("Pause Full \\(.*?(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private static final Pattern STATUS_LINE = Pattern.compile("(?m)^(\\w+):\\s+(\\d+)");

    private final long pid;
    private final Path jcmd;
    private final Path gcLog;

    /** A probe of process {@code pid}, which writes its GC log ({@code -Xlog:gc:file=…}) to {@code gcLog}. */
    ProcessProbe(long pid, Path gcLog) {
        this.pid = pid;
        this.gcLog = gcLog;
        this.jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    }

    /** One reading. */
    record Reading(long heapUsedAfterGcMb, long heapCommittedMb, long fds, long threads, long rssMb) {}

    Reading read() {
        long[] heap = heapAfterGc();
        long[] status = status();
        return new Reading(heap[0], heap[1], fds(), status[0], status[1]);
    }

    /** {used, committed} in MB right after a full GC that jcmd asks the process for. */
    private long[] heapAfterGc() {
        // jcmd returns when the GC is done; the log line is written by then.
        if (run("GC.run") == null) {
            return new long[] {-1, -1};
        }
        try {
            Matcher m = FULL_GC.matcher(Files.readString(gcLog, StandardCharsets.UTF_8));
            long[] last = {-1, -1};
            while (m.find()) {
                last = new long[] {Long.parseLong(m.group(2)), Long.parseLong(m.group(3))};
            }
            return last;
        } catch (IOException e) {
            return new long[] {-1, -1};
        }
    }

    private String run(String command) {
        try {
            Process p = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), command)
                    .redirectErrorStream(true)
                    .start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return null;
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private long fds() {
        try (Stream<Path> fds = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
            return fds.count();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** {threads, resident MB}. */
    private long[] status() {
        long threads = -1;
        long rss = -1;
        try {
            Matcher m = STATUS_LINE.matcher(Files.readString(Path.of("/proc", String.valueOf(pid), "status")));
            while (m.find()) {
                if (m.group(1).equals("Threads")) {
                    threads = Long.parseLong(m.group(2));
                } else if (m.group(1).equals("VmRSS")) {
                    rss = Long.parseLong(m.group(2)) >> 10;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or the process is gone: the reading says -1.
        }
        return new long[] {threads, rss};
    }
}

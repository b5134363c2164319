package no.govgraph.bench.importing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Class histograms of a benchmarked process while it runs ({@code jcmd PID GC.class_histogram}, which
 * collects the whole heap first, so each one also puts the live data into the process's GC log as a
 * {@code Pause Full}). Written to {@code histogram-<seconds>s.txt} in the run's folder, seconds
 * since {@link #watch} was called. The CPU of the {@code jcmd} processes is kept apart so that the
 * benchmarked side is not charged for it.
 */
final class Histograms {

    private final Path dir;
    private final int everySeconds;
    private final List<Path> files = new ArrayList<>();
    private double jcmdCpuSeconds;
    private long started;
    private volatile Thread thread;

    Histograms(Path dir, int everySeconds) {
        this.dir = dir;
        this.everySeconds = everySeconds;
    }

    /** Takes one every {@code everySeconds} (none when 0) until {@link #stop} or the process ends. */
    void watch(Process process) {
        synchronized (this) {
            started = System.nanoTime();
        }
        if (everySeconds <= 0) {
            return;
        }
        thread = new Thread(
                () -> {
                    try {
                        while (true) {
                            Thread.sleep(TimeUnit.SECONDS.toMillis(everySeconds));
                            if (!process.isAlive()) {
                                return;
                            }
                            take(process, null);
                        }
                    } catch (InterruptedException e) {
                        // stopped
                    } catch (Exception e) {
                        // the process ended under jcmd: nothing more to take
                    }
                },
                "histograms-" + process.pid());
        thread.setDaemon(true);
        thread.start();
    }

    /** Not synchronized: the watching thread may be waiting to take one. */
    void stop() throws InterruptedException {
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            t.join(TimeUnit.MINUTES.toMillis(5));
            thread = null;
        }
    }

    /** One histogram now (a full collection), named by the seconds since the start and {@code label}. */
    synchronized void take(Process process, String label) throws Exception {
        double at = (System.nanoTime() - started) / 1e9;
        Path file = dir.resolve(
                String.format(Locale.ROOT, "histogram-%04.0fs%s.txt", at, label == null ? "" : "-" + label));
        double cpu0 = ChildCpu.seconds();
        Process jcmd = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                        String.valueOf(process.pid()),
                        "GC.class_histogram")
                .redirectErrorStream(true)
                .redirectOutput(file.toFile())
                .start();
        if (!jcmd.waitFor(5, TimeUnit.MINUTES)) {
            jcmd.destroyForcibly().waitFor();
        }
        // Only when the benchmarked process is still running, its own CPU cannot be in the difference.
        if (process.isAlive() && cpu0 >= 0) {
            jcmdCpuSeconds += ChildCpu.seconds() - cpu0;
        }
        files.add(file);
    }

    synchronized double jcmdCpuSeconds() {
        return jcmdCpuSeconds;
    }

    synchronized List<Path> files() {
        return List.copyOf(files);
    }
}

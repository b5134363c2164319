package no.govgraph.ingest.run;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Shows an import's progress on stderr: on a terminal a live bar (files done of total, files per
 * second, time left, failures), redrawn in place; otherwise (a log file, a pipe, CI) a plain line
 * every {@code interval}.
 */
public final class ProgressReporter implements ImportListener {

    private static final int BAR_WIDTH = 28;

    private final PrintStream out;
    private final boolean terminal;
    private final Duration interval;
    private final AtomicLong total = new AtomicLong(-1);
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong unchanged = new AtomicLong();
    private volatile long startedNanos = System.nanoTime();
    private ScheduledExecutorService ticker;
    private int lastWidth;

    /**
     * @param out where to draw (stderr: stdout is for the command's output)
     * @param terminal whether {@code out} is a terminal (draw a bar) or not (log lines)
     * @param interval how often to log when not on a terminal
     */
    public ProgressReporter(PrintStream out, boolean terminal, Duration interval) {
        this.out = out;
        this.terminal = terminal;
        this.interval = interval;
    }

    /** A reporter for this process's stderr: a bar when it runs in a terminal, else a line every 10 s. */
    public static ProgressReporter forConsole() {
        return new ProgressReporter(System.err, System.console() != null, Duration.ofSeconds(10));
    }

    @Override
    public synchronized void started(String runId) {
        startedNanos = System.nanoTime();
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "import-progress");
            t.setDaemon(true);
            return t;
        });
        long every = terminal ? 250 : interval.toMillis();
        ticker.scheduleAtFixedRate(this::draw, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void total(long files) {
        total.set(files);
    }

    @Override
    public void fileDone(FileOutcome outcome) {
        done.incrementAndGet();
        if (outcome.status() == FileOutcome.Status.FAILED) {
            failed.incrementAndGet();
        } else if (outcome.status() == FileOutcome.Status.UNCHANGED) {
            unchanged.incrementAndGet();
        }
    }

    @Override
    public synchronized void finished(ImportReport report) {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        if (terminal) {
            out.print("\r" + " ".repeat(lastWidth) + "\r");
        } else {
            out.println("import: " + line());
        }
        out.flush();
    }

    private synchronized void draw() {
        String line = line();
        if (terminal) {
            String padded = line + " ".repeat(Math.max(0, lastWidth - line.length()));
            lastWidth = line.length();
            out.print("\r" + padded);
        } else {
            out.println("import: " + line);
        }
        out.flush();
    }

    /** The progress as one line, e.g. {@code [#####-----] 120/470 files  8.1 files/s  ETA 0:43  2 failed}. */
    String line() {
        long n = done.get();
        long of = total.get();
        double seconds = Math.max(0.001, (System.nanoTime() - startedNanos) / 1e9);
        double rate = n / seconds;
        StringBuilder s = new StringBuilder();
        if (of > 0) {
            int filled = (int) Math.min(BAR_WIDTH, BAR_WIDTH * n / of);
            s.append('[')
                    .append("#".repeat(filled))
                    .append("-".repeat(BAR_WIDTH - filled))
                    .append("] ");
            s.append(n).append('/').append(of).append(" files");
        } else {
            s.append(n).append(" files (counting…)");
        }
        s.append(String.format(Locale.ROOT, "  %.1f files/s", rate));
        if (of > 0 && rate > 0 && n < of) {
            long left = (long) ((of - n) / rate);
            s.append(String.format(Locale.ROOT, "  ETA %d:%02d", left / 60, left % 60));
        }
        if (unchanged.get() > 0) {
            s.append("  ").append(unchanged.get()).append(" unchanged");
        }
        s.append("  ").append(failed.get()).append(" failed");
        return s.toString();
    }
}

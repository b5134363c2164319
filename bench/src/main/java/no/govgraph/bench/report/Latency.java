package no.govgraph.bench.report;

import java.util.Arrays;
import java.util.Locale;

/**
 * Latency percentiles of one measured series (nearest-rank), in milliseconds.
 *
 * @param samples number of measured calls
 */
public record Latency(int samples, double p50, double p95, double p99, double mean, double max) {

    /** The percentiles of {@code nanos} (each one call's duration). */
    public static Latency of(long[] nanos) {
        if (nanos.length == 0) {
            return new Latency(0, 0, 0, 0, 0, 0);
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (long n : sorted) {
            sum += n;
        }
        return new Latency(
                sorted.length,
                ms(rank(sorted, 0.50)),
                ms(rank(sorted, 0.95)),
                ms(rank(sorted, 0.99)),
                sum / sorted.length / 1e6,
                ms(sorted[sorted.length - 1]));
    }

    private static long rank(long[] sorted, double q) {
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** A duration in ms with a precision that suits its size. */
    public static String format(double ms) {
        return ms < 10 ? String.format(Locale.ROOT, "%.2f", ms) : String.format(Locale.ROOT, "%.1f", ms);
    }
}

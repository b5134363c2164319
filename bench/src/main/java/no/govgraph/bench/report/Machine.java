package no.govgraph.bench.report;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** The machine a benchmark ran on, for the results table. */
public final class Machine {

    private Machine() {}

    /** One Markdown line: cores, memory, JDK, heap limit, load average, time. */
    public static String describe() {
        long memory = -1;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            memory = os.getTotalMemorySize() >> 20;
        }
        return String.format(
                Locale.ROOT,
                "%d cores, %.1f GB memory, %s %s (%s), -Xmx %d MB, load average %.2f at the start, %s",
                Runtime.getRuntime().availableProcessors(),
                memory / 1024.0,
                System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                Runtime.getRuntime().maxMemory() >> 20,
                loadAverage(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    public static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}

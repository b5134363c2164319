package no.govgraph.bench.query;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import no.govgraph.bench.report.Latency;

/**
 * Query latency of the govgraph API against the same Cypher straight through the driver, in one
 * run (single client, warm), and the API under concurrent clients. Calls of the two sides alternate
 * so that drift of a shared machine hits both alike; the ratio is what to look at.
 */
public final class QueryBenchmark {

    /**
     * How much to run.
     *
     * @param warmup unmeasured calls per query and side
     * @param iterations measured calls per query and side
     * @param clients concurrent clients of the concurrency run (0 skips it)
     * @param duration how long the concurrency run lasts
     * @param caseBudget the most time one query (both sides) may take: its warm-up stops after a
     *     quarter of it, its measured calls after all of it (but not before 10), so slow queries on big
     *     graphs get fewer samples instead of hours
     */
    public record Options(int warmup, int iterations, int clients, Duration duration, Duration caseBudget) {

        boolean warming(int done, long since) {
            return done < warmup && (done == 0 || System.nanoTime() - since < caseBudget.toNanos() / 4);
        }

        boolean measuring(int done, long since) {
            return done < iterations && (done < 10 || System.nanoTime() - since < caseBudget.toNanos());
        }
    }

    /**
     * One query: its name, the API request, the direct equivalent and the p95 goal of issue 7 in ms
     * (0 for none).
     */
    public record Case(String name, String request, IntSupplier direct, double goalP95) {}

    /** The measured latencies of one query on both sides. */
    public record CaseResult(String name, String request, Latency api, Latency direct, double goalP95, int size) {

        public double ratioP50() {
            return api.p50() / direct.p50();
        }

        public double ratioP95() {
            return api.p95() / direct.p95();
        }

        public double ratioMean() {
            return api.mean() / direct.mean();
        }
    }

    /** The concurrency run: throughput, latency over all requests, errors, heap after. */
    public record Concurrency(
            int clients,
            double seconds,
            long requests,
            long errors,
            String firstError,
            Latency latency,
            long heapUsedAfterMb,
            long heapCommittedMb,
            long heapMaxMb) {

        public double throughput() {
            return requests / seconds;
        }
    }

    /** What the entities of the mix are. */
    public record Targets(
            String office,
            List<String> offices,
            String leaderFrom,
            String leaderTo,
            String outcome,
            String commonTerm,
            String rareTerm) {

        public Targets {
            offices = List.copyOf(offices);
        }
    }

    private final ApiClient api;
    private final DirectQueries direct;
    private final PrintStream log;

    public QueryBenchmark(ApiClient api, DirectQueries direct, PrintStream log) {
        this.api = api;
        this.direct = direct;
        this.log = log;
    }

    /** Targets picked from the graph: a mid-list office, leaders of two distant offices, an outcome. */
    public static Targets targets(DirectQueries direct) {
        long offices = direct.count("Office");
        long leaders = direct.count("Leader");
        List<String> officeIds = new ArrayList<>();
        for (long i = 0; i < Math.min(50, offices); i++) {
            officeIds.add(direct.nthId("Office", i * offices / Math.min(50, offices)));
        }
        String leaderTo = direct.nthId("Leader", leaders - 1);
        // The rare term: the full name of one leader, as a phrase (a few passages and entities).
        return new Targets(
                direct.nthId("Office", offices / 2),
                officeIds,
                direct.nthId("Leader", 0),
                leaderTo,
                direct.nthId("Outcome", 0),
                "kontoret",
                "\"" + direct.leaderName(leaderTo) + "\"");
    }

    /** The queries of issue 7, with their p95 goals. */
    public static List<Case> cases(Targets t, DirectQueries direct) {
        String office = ApiClient.encode(t.office());
        return List.of(
                new Case(
                        "1-hop neighbourhood of an office",
                        "/api/entities/" + office + "/neighbourhood",
                        () -> direct.neighbourhood(t.office(), 1, 100),
                        10),
                new Case(
                        "2-hop neighbourhood, cap 100 nodes",
                        "/api/entities/" + office + "/neighbourhood?depth=2&limit=100",
                        () -> direct.neighbourhood(t.office(), 2, 100),
                        50),
                new Case(
                        "2-hop, cap 100, edges without sources",
                        "/api/entities/" + office + "/neighbourhood?depth=2&limit=100&sources=false",
                        () -> direct.neighbourhood(t.office(), 2, 100, false),
                        50),
                new Case(
                        "shortest path between two leaders",
                        "/api/paths?from=" + ApiClient.encode(t.leaderFrom()) + "&to=" + ApiClient.encode(t.leaderTo()),
                        () -> direct.shortestPath(t.leaderFrom(), t.leaderTo()),
                        100),
                new Case(
                        "full-text search, common term (" + t.commonTerm() + ")",
                        "/api/search?q=" + ApiClient.encode(t.commonTerm()),
                        () -> direct.search(t.commonTerm()),
                        50),
                new Case(
                        "full-text search, rare term (" + t.rareTerm() + ")",
                        "/api/search?q=" + ApiClient.encode(t.rareTerm()),
                        () -> direct.search(t.rareTerm()),
                        50),
                new Case("entity page of an office", "/api/entities/" + office, () -> direct.entity(t.office()), 0),
                new Case(
                        "comparison matrix for one outcome",
                        "/api/compare?outcome=" + ApiClient.encode(t.outcome()),
                        () -> direct.compare(t.outcome()),
                        0));
    }

    /** Measures each case, API and direct alternating, after a warm-up of both. */
    public List<CaseResult> latencies(List<Case> cases, Options options) {
        List<CaseResult> results = new ArrayList<>();
        for (Case c : cases) {
            int size = 0;
            long since = System.nanoTime();
            for (int i = 0; options.warming(i, since); i++) {
                api.getOk(c.request());
                size = c.direct().getAsInt();
            }
            long[] apiNanos = new long[options.iterations()];
            long[] directNanos = new long[options.iterations()];
            since = System.nanoTime();
            int n = 0;
            for (int i = 0; options.measuring(i, since); i++, n++) {
                // Alternate which side goes first, so neither always runs on a cache the other warmed.
                if (i % 2 == 0) {
                    apiNanos[i] = timeApi(c.request());
                    directNanos[i] = timeDirect(c.direct());
                } else {
                    directNanos[i] = timeDirect(c.direct());
                    apiNanos[i] = timeApi(c.request());
                }
            }
            CaseResult r = new CaseResult(
                    c.name(),
                    c.request(),
                    Latency.of(java.util.Arrays.copyOf(apiNanos, n)),
                    Latency.of(java.util.Arrays.copyOf(directNanos, n)),
                    c.goalP95(),
                    size);
            log.printf(
                    Locale.ROOT,
                    "%-45s API p50 %s p95 %s | direct p50 %s p95 %s | ratio p95 %.2f (size %d)%n",
                    c.name(),
                    Latency.format(r.api().p50()),
                    Latency.format(r.api().p95()),
                    Latency.format(r.direct().p50()),
                    Latency.format(r.direct().p95()),
                    r.ratioP95(),
                    size);
            results.add(r);
        }
        return results;
    }

    /** Two direct variants of one query, alternating, after a warm-up of both: {a, b}. */
    public Latency[] variants(IntSupplier a, IntSupplier b, Options options) {
        long since = System.nanoTime();
        for (int i = 0; options.warming(i, since); i++) {
            a.getAsInt();
            b.getAsInt();
        }
        long[] first = new long[options.iterations()];
        long[] second = new long[options.iterations()];
        since = System.nanoTime();
        int n = 0;
        for (int i = 0; options.measuring(i, since); i++, n++) {
            if (i % 2 == 0) {
                first[i] = timeDirect(a);
                second[i] = timeDirect(b);
            } else {
                second[i] = timeDirect(b);
                first[i] = timeDirect(a);
            }
        }
        return new Latency[] {
            Latency.of(java.util.Arrays.copyOf(first, n)), Latency.of(java.util.Arrays.copyOf(second, n))
        };
    }

    private long timeApi(String request) {
        long start = System.nanoTime();
        api.getOk(request);
        return System.nanoTime() - start;
    }

    private static long timeDirect(IntSupplier query) {
        long start = System.nanoTime();
        query.getAsInt();
        return System.nanoTime() - start;
    }

    /**
     * {@code options.clients()} clients, each sending requests back to back for {@code
     * options.duration()}: a third search (common and rare term), a third entity pages and a third
     * 1-hop neighbourhoods, of offices picked at random (seeded).
     */
    public Concurrency concurrency(Targets t, Options options) {
        List<String> mix = new ArrayList<>();
        for (String office : t.offices()) {
            String id = ApiClient.encode(office);
            mix.add("/api/entities/" + id);
            mix.add("/api/entities/" + id + "/neighbourhood");
        }
        List<String> searches = List.of(
                "/api/search?q=" + ApiClient.encode(t.commonTerm()), "/api/search?q=" + ApiClient.encode(t.rareTerm()));
        long deadline = System.nanoTime() + options.duration().toNanos();
        AtomicLong errors = new AtomicLong();
        List<String> firstError = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(options.clients());
        List<Future<long[]>> futures = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < options.clients(); c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                SplittableRandom random = new SplittableRandom(1000 + client);
                long[] nanos = new long[1024];
                int n = 0;
                for (int i = 0; System.nanoTime() < deadline; i++) {
                    String request = i % 3 == 0
                            ? searches.get(random.nextInt(searches.size()))
                            : mix.get(2 * random.nextInt(mix.size() / 2) + (i % 3 == 1 ? 0 : 1));
                    long start = System.nanoTime();
                    try {
                        int status = api.get(request);
                        if (status != 200) {
                            errors.incrementAndGet();
                            firstError.add("HTTP " + status + " on " + request);
                        }
                    } catch (RuntimeException e) {
                        errors.incrementAndGet();
                        firstError.add(e.getMessage());
                    }
                    if (n == nanos.length) {
                        nanos = java.util.Arrays.copyOf(nanos, n * 2);
                    }
                    nanos[n++] = System.nanoTime() - start;
                }
                return java.util.Arrays.copyOf(nanos, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        try {
            for (Future<long[]> f : futures) {
                all.add(f.get());
            }
        } catch (Exception e) {
            throw new IllegalStateException("A benchmark client failed", e);
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long[] merged = all.stream().flatMapToLong(java.util.Arrays::stream).toArray();
        System.gc();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        Concurrency result = new Concurrency(
                options.clients(),
                seconds,
                merged.length,
                errors.get(),
                firstError.isEmpty() ? "" : firstError.get(0),
                Latency.of(merged),
                heap.getUsed() >> 20,
                heap.getCommitted() >> 20,
                heap.getMax() >> 20);
        log.printf(
                Locale.ROOT,
                "%d clients, %.0f s: %d requests, %.1f req/s, p50 %s p99 %s ms, errors %d, heap after GC %d MB%n",
                result.clients(),
                seconds,
                result.requests(),
                result.throughput(),
                Latency.format(result.latency().p50()),
                Latency.format(result.latency().p99()),
                result.errors(),
                result.heapUsedAfterMb());
        return result;
    }
}

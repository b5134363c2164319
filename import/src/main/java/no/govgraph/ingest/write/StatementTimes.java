package no.govgraph.ingest.write;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.neo4j.driver.TransactionContext;

/**
 * How often each of the writer's statements ran, over how many rows, and for how long (client-side:
 * from sending it to having consumed its result, planning included). The importer logs it at DEBUG
 * with its stage times, so the next profile of the writer starts from numbers per statement.
 */
public final class StatementTimes {

    private final Map<String, Tally> tallies = new ConcurrentHashMap<>();

    /**
     * Runs {@code cypher} with {@code batch} as its one parameter, {@code $batch}, and consumes it.
     *
     * <p>One map parameter keeps Neo4j's plan cache key stable: Neo4j keys a cached plan on the
     * statement and on the size class (1, 10, 100, 1,000, …) of every list and string parameter, so
     * {@code UNWIND $rows} over 80 rows and over 5,000 rows were two plans, each compiled on its own.
     */
    void run(TransactionContext tx, String name, String cypher, Map<String, Object> batch, int rows) {
        long started = System.nanoTime();
        tx.run(cypher, Map.of("batch", batch)).consume();
        add(name, rows, System.nanoTime() - started);
    }

    void add(String name, int rows, long nanos) {
        Tally t = tallies.computeIfAbsent(name, k -> new Tally());
        t.calls.increment();
        t.rows.add(rows);
        t.nanos.add(nanos);
    }

    /** {@code name: calls × rows in s; …}, by name. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(tallies)
                .forEach((name, t) -> out.append(String.format(
                        Locale.ROOT,
                        " %s %d× %d rows %.2f s;",
                        name,
                        t.calls.sum(),
                        t.rows.sum(),
                        t.nanos.sum() / 1e9)));
        return out.toString();
    }

    private static final class Tally {
        final LongAdder calls = new LongAdder();
        final LongAdder rows = new LongAdder();
        final LongAdder nanos = new LongAdder();
    }
}

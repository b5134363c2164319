package no.govgraph.backend.support;

import jakarta.inject.Singleton;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionCallback;

/**
 * Runs the statements of one request in one read transaction: sent as a transaction each, every
 * statement also cost a session, a BEGIN and a COMMIT, which together took longer than a 1-hop
 * neighbourhood's store reads at 1M nodes (docs/BENCHMARKS.md).
 */
@Singleton
public final class ReadTransactions {

    private final Driver driver;
    private final SessionConfig reads;

    public ReadTransactions(Driver driver) {
        this.driver = driver;
        // executableQuery's bookmarks: a read here sees what a request just wrote through it, on a
        // cluster too.
        this.reads = SessionConfig.builder()
                .withDefaultAccessMode(AccessMode.READ)
                .withBookmarkManager(driver.executableQueryBookmarkManager())
                .build();
    }

    /** Runs {@code work} in one read transaction (which the driver retries on transient errors). */
    public <T> T read(TransactionCallback<T> work) {
        try (Session session = driver.session(reads)) {
            return session.executeRead(work);
        }
    }
}

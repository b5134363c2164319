package no.govgraph.backend.cypher;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * Bounds on analysts' queries: how long one may run and how many rows it may return.
 *
 * @param timeout the server-side transaction timeout
 * @param maxRows rows returned before the result is cut and flagged {@code truncated}
 */
@ConfigurationProperties("govgraph.cypher")
public record CypherLimits(Duration timeout, int maxRows) {

    public static final CypherLimits DEFAULT = new CypherLimits(Duration.ofSeconds(10), 5000);

    public CypherLimits {
        if (timeout == null) {
            timeout = DEFAULT.timeout();
        }
        if (maxRows <= 0) {
            maxRows = DEFAULT.maxRows();
        }
    }
}

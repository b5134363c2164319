package no.govgraph.backend.audit;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Driver;

/** {@code AuditEvent} nodes. */
@Singleton
class AuditRepository {

    private final Driver driver;

    AuditRepository(Driver driver) {
        this.driver = driver;
    }

    void save(String id, String actor, String action, @Nullable String target, @Nullable String details) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        params.put("actor", actor);
        params.put("action", action);
        params.put("target", target);
        params.put("details", details);
        driver.executableQuery(
                        """
                        CREATE (:AuditEvent {id: $id, at: datetime(), actor: $actor, action: $action,
                                             target: $target, details: $details})
                        """)
                .withParameters(params)
                .execute();
    }

    List<AuditEvent> find(@Nullable String actor, @Nullable String action, long skip, int limit) {
        return driver
                .executableQuery(
                        """
                        MATCH (e:AuditEvent)
                        WHERE ($actor IS NULL OR e.actor = $actor)
                          AND ($action IS NULL OR e.action STARTS WITH $action)
                        RETURN e.id AS id, toString(e.at) AS at, e.actor AS actor, e.action AS action,
                               e.target AS target, e.details AS details
                        ORDER BY e.at DESC, e.id
                        SKIP $skip LIMIT $limit
                        """)
                .withParameters(params(actor, action, skip, limit))
                .execute()
                .records()
                .stream()
                .map(AuditEvent::from)
                .toList();
    }

    long count(@Nullable String actor, @Nullable String action) {
        return driver.executableQuery(
                        """
                        MATCH (e:AuditEvent)
                        WHERE ($actor IS NULL OR e.actor = $actor)
                          AND ($action IS NULL OR e.action STARTS WITH $action)
                        RETURN count(e) AS n
                        """)
                .withParameters(params(actor, action, 0, 0))
                .execute()
                .records()
                .get(0)
                .get("n")
                .asLong();
    }

    private static Map<String, Object> params(@Nullable String actor, @Nullable String action, long skip, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("actor", actor);
        params.put("action", action);
        params.put("skip", skip);
        params.put("limit", limit);
        return params;
    }
}

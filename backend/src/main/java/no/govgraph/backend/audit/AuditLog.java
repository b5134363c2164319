package no.govgraph.backend.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import no.govgraph.backend.support.Page;
import no.govgraph.backend.support.PageRequest;
import org.neo4j.driver.exceptions.Neo4jException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log: who ran which query, imported, curated, removed or changed what, and when. Services
 * record an event after the action succeeded (or was refused, for queries); admins read it.
 */
@Singleton
public class AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

    private final AuditRepository repository;
    private final JsonMapper json;

    AuditLog(AuditRepository repository, JsonMapper json) {
        this.repository = repository;
        this.json = json;
    }

    /**
     * Records an event. A failure to record is logged, not thrown: the action it describes has
     * already happened.
     */
    public void record(String actor, String action, @Nullable String target, Map<String, ?> details) {
        String detailsJson;
        try {
            detailsJson = details.isEmpty() ? null : json.writeValueAsString(details);
        } catch (IOException e) {
            detailsJson = String.valueOf(details);
        }
        try {
            repository.save(UUID.randomUUID().toString(), actor, action, target, detailsJson);
        } catch (Neo4jException e) {
            LOG.error("Could not record audit event {} by {} on {}: {}", action, actor, target, e.getMessage());
        }
    }

    /** Events newest first, optionally only one actor's or actions starting with {@code action}. */
    public Page<AuditEvent> events(@Nullable String actor, @Nullable String action, PageRequest page) {
        String a = blankToNull(actor);
        String b = blankToNull(action);
        return Page.of(repository.find(a, b, page.offset(), page.size()), page, repository.count(a, b));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

package no.govgraph.backend.health;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import no.govgraph.neo4j.migration.SchemaMigrations;
import org.neo4j.driver.Driver;

/**
 * Liveness and readiness: Neo4j answers and the schema migrations are applied. Open to everyone.
 *
 * <p>Monitors poll it often, so it must stay cheap: Neo4j is asked every time, but the migration
 * chain (which Neo4j-Migrations reads by scanning the whole class path) only until it was once
 * found complete, and again a minute later; and it runs off the event loop, as its calls block.
 */
@Controller("/api/health")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class HealthController {

    private static final long SCHEMA_RECHECK_NANOS = 60_000_000_000L;

    private final Driver driver;
    /** When the migrations were last found all applied (System.nanoTime()), or null. */
    private volatile Long schemaCheckedAt;

    public HealthController(Driver driver) {
        this.driver = driver;
    }

    @Get
    public HttpResponse<Health> health() {
        boolean neo4j;
        boolean schema = false;
        try {
            driver.verifyConnectivity();
            neo4j = true;
            Long checked = schemaCheckedAt;
            if (checked != null && System.nanoTime() - checked < SCHEMA_RECHECK_NANOS) {
                schema = true;
            } else {
                schema = new SchemaMigrations(driver).isUpToDate();
                schemaCheckedAt = schema ? Long.valueOf(System.nanoTime()) : null;
            }
        } catch (RuntimeException e) {
            neo4j = false;
        }
        Health health = new Health(neo4j && schema ? "UP" : "DOWN", neo4j, schema);
        return neo4j && schema
                ? HttpResponse.ok(health)
                : HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).body(health);
    }

    /** The answer of the health endpoint. */
    @Serdeable
    public record Health(String status, boolean neo4j, boolean migrationsApplied) {}
}

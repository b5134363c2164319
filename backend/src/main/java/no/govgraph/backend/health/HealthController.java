package no.govgraph.backend.health;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import no.govgraph.neo4j.migration.SchemaMigrations;
import org.neo4j.driver.Driver;

/** Liveness and readiness: Neo4j answers and the schema migrations are applied. Open to everyone. */
@Controller("/api/health")
@Secured(SecurityRule.IS_ANONYMOUS)
public class HealthController {

    private final Driver driver;

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
            schema = new SchemaMigrations(driver).isUpToDate();
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

package no.govgraph.neo4j.migration;

import ac.simons.neo4j.migrations.core.MigrationChain;
import ac.simons.neo4j.migrations.core.MigrationState;
import ac.simons.neo4j.migrations.core.MigrationVersion;
import ac.simons.neo4j.migrations.core.Migrations;
import ac.simons.neo4j.migrations.core.MigrationsConfig;
import ac.simons.neo4j.migrations.core.MigrationsException;
import java.util.Optional;
import no.govgraph.neo4j.GraphException;
import org.neo4j.driver.Driver;

/**
 * The graph schema, applied from the versioned Cypher files in {@code neo4j/migrations} on the
 * classpath (Neo4j-Migrations). Schema changes only ever go into a new file.
 */
public final class SchemaMigrations {

    /** Where the migration files live; other modules add theirs to the same location. */
    public static final String LOCATION = "classpath:neo4j/migrations";

    private final Migrations migrations;

    public SchemaMigrations(Driver driver) {
        this(driver, LOCATION);
    }

    SchemaMigrations(Driver driver, String location) {
        MigrationsConfig config = MigrationsConfig.builder()
                .withLocationsToScan(location)
                .withPackagesToScan()
                // Each module owns a range of versions (neo4j 0001-0009, import 0010-0019, ...), so a
                // graph migrated by a build without some module must still take that module's lower
                // versions later, without re-running or reordering what was applied.
                .withOutOfOrderAllowed(true)
                .build();
        this.migrations = new Migrations(config, driver);
    }

    /** Applies all pending migrations and returns the schema version now in place. */
    public String apply() {
        try {
            Optional<MigrationVersion> version = migrations.apply();
            return version.map(MigrationVersion::getValue).orElse("none");
        } catch (MigrationsException e) {
            throw new GraphException("The graph schema could not be migrated: " + e.getMessage(), e);
        }
    }

    /** Whether every migration on the classpath has been applied to the database. */
    public boolean isUpToDate() {
        try {
            MigrationChain chain = migrations.info();
            return chain.getElements().stream().allMatch(e -> e.getState() == MigrationState.APPLIED);
        } catch (MigrationsException e) {
            throw new GraphException("The graph schema version could not be read: " + e.getMessage(), e);
        }
    }
}

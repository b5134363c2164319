package no.govgraph.neo4j.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import no.govgraph.neo4j.connection.ConnectionSettings;
import no.govgraph.neo4j.connection.GraphConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;

/** Migrations of modules that arrive later, with lower versions than ones applied, are applied too. */
class SchemaMigrationsIT {

    @TempDir
    Path dataDir;

    @TempDir
    Path migrations;

    @Test
    void appliesAModulesLowerVersionAddedAfterAHigherOne() throws Exception {
        Files.writeString(
                migrations.resolve("V0001__First.cypher"),
                "CREATE CONSTRAINT t_first IF NOT EXISTS FOR (n:TFirst) REQUIRE n.id IS UNIQUE;\n");
        Files.writeString(
                migrations.resolve("V0030__Backend.cypher"),
                "CREATE CONSTRAINT t_backend IF NOT EXISTS FOR (n:TBackend) REQUIRE n.id IS UNIQUE;\n");
        ConnectionSettings settings =
                new ConnectionSettings(Optional.empty(), "neo4j", Optional.empty(), dataDir, "127.0.0.1", 0);
        try (GraphConnection graph = GraphConnection.forServer(settings)) {
            Driver driver = graph.driver();
            String location = "file://" + migrations.toAbsolutePath();
            assertThat(new SchemaMigrations(driver, location).apply()).isEqualTo("0030");

            Files.writeString(
                    migrations.resolve("V0010__Import.cypher"),
                    "CREATE CONSTRAINT t_import IF NOT EXISTS FOR (n:TImport) REQUIRE n.id IS UNIQUE;\n");
            SchemaMigrations later = new SchemaMigrations(driver, location);
            assertThat(later.isUpToDate()).isFalse();
            later.apply();

            assertThat(later.isUpToDate()).isTrue();
            assertThat(driver.executableQuery("SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names")
                            .execute()
                            .records()
                            .get(0)
                            .get("names")
                            .asList(v -> v.asString()))
                    .contains("t_first", "t_import", "t_backend");
        }
    }
}

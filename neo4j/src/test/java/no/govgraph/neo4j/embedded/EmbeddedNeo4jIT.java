package no.govgraph.neo4j.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.govgraph.neo4j.GraphException;
import no.govgraph.neo4j.checksum.GraphChecksum;
import no.govgraph.neo4j.connection.ConnectionSettings;
import no.govgraph.neo4j.connection.GraphConnection;
import no.govgraph.neo4j.migration.SchemaMigrations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;

class EmbeddedNeo4jIT {

    @TempDir
    Path dataDir;

    private ConnectionSettings settings(int boltPort) {
        return new ConnectionSettings(Optional.empty(), "neo4j", Optional.empty(), dataDir, "127.0.0.1", boltPort);
    }

    @Test
    void keepsDataAndSchemaAcrossARestartAndReappliesMigrationsCleanly() throws Exception {
        int port = freePort();
        String firstChecksum;
        try (GraphConnection graph = GraphConnection.forServer(settings(port))) {
            assertThat(graph.kind()).isEqualTo(GraphConnection.Kind.EMBEDDED);
            assertThat(graph.uri()).isEqualTo("bolt://127.0.0.1:" + port);
            assertThat(graph.isPasswordNew()).isTrue();
            assertThat(new SchemaMigrations(graph.driver()).apply()).isEqualTo("0002");
            assertThat(new SchemaMigrations(graph.driver()).isUpToDate()).isTrue();
            graph.driver()
                    .executableQuery(
                            "CREATE (:Office {id: 'office:0301', name: 'Nav Frogner', aliases: ['NAV Frogner', 'Frogner NAV-kontor']})")
                    .execute();
            firstChecksum = GraphChecksum.of(graph.driver()).sha256();
            assertThat(Files.readString(dataDir.resolve(GraphConnection.ADDRESS_FILE))
                            .strip())
                    .isEqualTo(graph.uri());
        }
        assertThat(dataDir.resolve(GraphConnection.ADDRESS_FILE)).doesNotExist();

        try (GraphConnection graph = GraphConnection.forServer(settings(port))) {
            assertThat(graph.isPasswordNew()).isFalse();
            assertThat(new SchemaMigrations(graph.driver()).isUpToDate()).isTrue();
            assertThat(new SchemaMigrations(graph.driver()).apply()).isEqualTo("0002");
            Driver driver = graph.driver();
            assertThat(GraphChecksum.of(driver).sha256()).isEqualTo(firstChecksum);
            List<Record> constraints = driver.executableQuery("SHOW CONSTRAINTS YIELD name RETURN name")
                    .execute()
                    .records();
            assertThat(constraints).extracting(r -> r.get("name").asString()).contains("office_id", "document_id");
        }
    }

    @Test
    void fullTextIndexCoversNamesAndAliasLists() {
        try (GraphConnection graph = GraphConnection.forServer(settings(0))) {
            Driver driver = graph.driver();
            new SchemaMigrations(driver).apply();
            driver.executableQuery(
                            "CREATE (:Tool {id: 'tool:bms', name: 'Balansert målstyring', aliases: ['balanced scorecard', 'målekort']})")
                    .execute();
            driver.executableQuery("CALL db.awaitIndexes(60)").execute();
            List<Record> hits = driver.executableQuery(
                            "CALL db.index.fulltext.queryNodes('entity_names', $q) YIELD node RETURN node.id AS id")
                    .withParameters(Map.of("q", "scorecard"))
                    .execute()
                    .records();
            assertThat(hits).extracting(r -> r.get("id").asString()).containsExactly("tool:bms");
        }
    }

    @Test
    void storesTheGeneratedPasswordReadableByTheOwnerOnly() throws Exception {
        try (GraphConnection graph = GraphConnection.forServer(settings(0))) {
            Path file = dataDir.resolve(BoltPassword.FILE_NAME);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
            assertThat(Files.readString(file).strip())
                    .isEqualTo(graph.embedded().orElseThrow().password())
                    .hasSize(24);
        }
    }

    @Test
    void refusesATakenBoltPortWithAClearMessage() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> GraphConnection.forServer(settings(taken.getLocalPort())))
                    .isInstanceOf(GraphException.class)
                    .hasMessageContaining("Bolt port " + taken.getLocalPort())
                    .hasMessageContaining("--bolt-port");
        }
    }

    @Test
    void aSecondProcessUsesTheRunningServerAndALockedStoreIsExplained() throws Exception {
        try (GraphConnection server = GraphConnection.forServer(settings(0))) {
            try (GraphConnection command = GraphConnection.forCommand(settings(0))) {
                assertThat(command.kind()).isEqualTo(GraphConnection.Kind.SHARED_EMBEDDED);
                assertThat(command.uri()).isEqualTo(server.uri());
                assertThat(command.driver()
                                .executableQuery("RETURN 1 AS one")
                                .execute()
                                .records()
                                .get(0)
                                .get("one")
                                .asInt())
                        .isEqualTo(1);
            }
            // Without the address file the command tries to open the store itself and meets the lock.
            Files.delete(dataDir.resolve(GraphConnection.ADDRESS_FILE));
            assertThatThrownBy(() -> GraphConnection.forCommand(settings(0)))
                    .isInstanceOf(GraphException.class)
                    .hasMessageContaining("in use by another govgraph");
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }
}

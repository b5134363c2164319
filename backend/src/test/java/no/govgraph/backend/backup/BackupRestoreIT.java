package no.govgraph.backend.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import no.govgraph.backend.cli.GovgraphCommand;
import no.govgraph.backend.server.GovgraphServer;
import no.govgraph.neo4j.checksum.GraphChecksum;
import no.govgraph.neo4j.connection.ConnectionSettings;
import no.govgraph.neo4j.connection.GraphConnection;
import no.govgraph.neo4j.migration.SchemaMigrations;
import no.govgraph.testsupport.UiSampleGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code govgraph backup} and {@code restore} on the embedded store they exist for (so this test
 * opens that store, not the shared test Neo4j): a data directory with content, users and an upload
 * is backed up, refused while its server runs, restored into a new directory, and opened there with
 * the same graph checksum and the same users able to sign in, which needs the password pepper.
 */
class BackupRestoreIT {

    private static final String ADMIN_PASSWORD = "backup-admin-password";

    @TempDir
    Path dir;

    @Test
    void aRestoredStoreHasTheSameGraphAndItsUsersCanStillSignIn() throws Exception {
        Path original = dir.resolve("data");
        Path archive = dir.resolve("backup.zip");
        Files.createDirectories(original.resolve("uploads/job-1"));
        Files.writeString(original.resolve("uploads/job-1/letter.txt"), "an uploaded original");

        GraphChecksum.Result before;
        try (GraphConnection graph = GraphConnection.forServer(settings(original))) {
            new SchemaMigrations(graph.driver()).apply();
            UiSampleGraph.load(graph.driver());
            try (GovgraphServer server = startServer(graph, original)) {
                assertThat(signIn(server)).isEqualTo(200);
            }
            before = GraphChecksum.of(graph.driver());

            // Neo4j Community has no online backup: while the store is open the command refuses.
            Run refused = govgraph("backup", "--data-dir", original.toString(), "--to", archive.toString());
            assertThat(refused.code()).isEqualTo(1);
            assertThat(refused.err()).contains("in use by a running govgraph").contains("stop 'govgraph serve'");
            assertThat(archive).doesNotExist();
        }
        assertThat(before.nodes()).isPositive();

        Run backup = govgraph("backup", "--data-dir", original.toString(), "--to", archive.toString());
        assertThat(backup.code()).as(backup.err()).isZero();
        assertThat(backup.out()).contains("Backed up " + original);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(archive)))
                .as("the backup holds the keys")
                .isEqualTo("rw-------");
        List<String> entries = new ArrayList<>();
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            zip.stream().map(ZipEntry::getName).forEach(entries::add);
        }
        assertThat(entries.get(0)).isEqualTo(StoreArchive.MANIFEST);
        assertThat(entries)
                .contains("neo4j-password", "password-pepper", "jwt-secret", "uploads/job-1/letter.txt")
                .anyMatch(e -> e.startsWith("neo4j/data/databases/neo4j/"))
                .anyMatch(e -> e.startsWith("neo4j/data/transactions/neo4j/"))
                .anyMatch(e -> e.startsWith("neo4j/data/databases/system/"))
                .noneMatch(e -> e.equals("bolt-address") || e.startsWith("neo4j/logs/"));

        Path restored = dir.resolve("restored");
        Run restore = govgraph("restore", "--data-dir", restored.toString(), "--from", archive.toString());
        assertThat(restore.code()).as(restore.err()).isZero();
        assertThat(Files.readString(restored.resolve("uploads/job-1/letter.txt")))
                .isEqualTo("an uploaded original");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(restored.resolve("password-pepper"))))
                .isEqualTo("rw-------");

        Run again = govgraph("restore", "--data-dir", restored.toString(), "--from", archive.toString());
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("is not empty").contains("--force");

        Files.writeString(restored.resolve("stray.txt"), "replaced by --force");
        Run forced = govgraph("restore", "--data-dir", restored.toString(), "--from", archive.toString(), "--force");
        assertThat(forced.code()).as(forced.err()).isZero();
        assertThat(restored.resolve("stray.txt")).doesNotExist();

        Run notABackup = govgraph(
                "restore",
                "--data-dir",
                dir.resolve("elsewhere").toString(),
                "--from",
                restored.resolve("uploads/job-1/letter.txt").toString());
        assertThat(notABackup.code()).isEqualTo(2);
        assertThat(notABackup.err()).contains("is not a govgraph backup");
        assertThat(dir.resolve("elsewhere")).doesNotExist();

        try (GraphConnection graph = GraphConnection.forServer(settings(restored))) {
            assertThat(GraphChecksum.of(graph.driver())).isEqualTo(before);
            // A restore while the server runs would pull the store from under it.
            Run busy = govgraph("restore", "--data-dir", restored.toString(), "--from", archive.toString(), "--force");
            assertThat(busy.code()).isEqualTo(1);
            assertThat(busy.err()).contains("in use by a running govgraph");
            try (GovgraphServer server = startServer(graph, restored)) {
                assertThat(signIn(server)).isEqualTo(200);
            }
        }
    }

    private static ConnectionSettings settings(Path dataDir) {
        return new ConnectionSettings(Optional.empty(), "neo4j", Optional.empty(), dataDir, "127.0.0.1", 0);
    }

    private static GovgraphServer startServer(GraphConnection graph, Path dataDir) throws Exception {
        return GovgraphServer.start(
                graph,
                "127.0.0.1",
                freePort(),
                Map.of("govgraph.data-dir", dataDir.toString(), "govgraph.security.admin-password", ADMIN_PASSWORD));
    }

    private static int signIn(GovgraphServer server) throws Exception {
        HttpRequest login = HttpRequest.newBuilder(URI.create(server.url()).resolve("/api/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}"))
                .build();
        return HttpClient.newHttpClient()
                .send(login, HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    private record Run(int code, String out, String err) {}

    private static Run govgraph(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = GovgraphCommand.commandLine(Map.of());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}

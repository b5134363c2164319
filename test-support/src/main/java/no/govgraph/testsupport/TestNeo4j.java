package no.govgraph.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import no.govgraph.neo4j.connection.ConnectionSettings;
import no.govgraph.neo4j.embedded.EmbeddedNeo4j;
import no.govgraph.neo4j.embedded.EmbeddedNeo4j.EmbeddedSettings;
import no.govgraph.neo4j.migration.SchemaMigrations;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Neo4jContainer;

/**
 * The one Neo4j that tests of a JVM share: a Testcontainers {@code neo4j:5.26-community} where a
 * Docker engine answers, otherwise Neo4j embedded in a temporary directory on a free port. Either
 * way the tests reach it over Bolt with the Java driver, the real migrations are applied first,
 * and {@link #clear()} empties it between tests. Nothing is mocked.
 */
public final class TestNeo4j {

    private static final Logger LOG = LoggerFactory.getLogger(TestNeo4j.class);
    private static final String IMAGE = "neo4j:5.26-community";
    private static final String PASSWORD = "govgraph-test-password";
    private static TestNeo4j shared;

    private final Driver driver;
    private final String uri;
    private final boolean container;

    private TestNeo4j(Driver driver, String uri, boolean container) {
        this.driver = driver;
        this.uri = uri;
        this.container = container;
    }

    /** The Neo4j of this JVM, started on first use with the migrations applied. */
    public static synchronized TestNeo4j shared() {
        if (shared == null) {
            shared = start();
            new SchemaMigrations(shared.driver).apply();
        }
        return shared;
    }

    private static TestNeo4j start() {
        if (!"false".equals(System.getenv("GOVGRAPH_TEST_DOCKER")) && dockerAvailable()) {
            Neo4jContainer<?> neo4j = new Neo4jContainer<>(IMAGE).withAdminPassword(PASSWORD);
            neo4j.start();
            Driver driver = GraphDatabase.driver(neo4j.getBoltUrl(), AuthTokens.basic("neo4j", PASSWORD));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                driver.close();
                neo4j.stop();
            }));
            LOG.info("Tests use Neo4j in a container at {}", neo4j.getBoltUrl());
            return new TestNeo4j(driver, neo4j.getBoltUrl(), true);
        }
        Path dir = temporaryDirectory();
        EmbeddedNeo4j neo4j =
                EmbeddedNeo4j.start(EmbeddedSettings.of(dir, ConnectionSettings.DEFAULT_BOLT_HOST, 0, PASSWORD));
        Driver driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.basic(neo4j.username(), PASSWORD));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            driver.close();
            neo4j.close();
            deleteRecursively(dir);
        }));
        LOG.info("Tests use embedded Neo4j at {} (no Docker engine here)", neo4j.boltUri());
        return new TestNeo4j(driver, neo4j.boltUri(), false);
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    public Driver driver() {
        return driver;
    }

    /** The Bolt URI, for code under test that opens its own driver (e.g. the CLI with NEO4J_URI). */
    public String uri() {
        return uri;
    }

    public String username() {
        return "neo4j";
    }

    public String password() {
        return PASSWORD;
    }

    /** Whether this is a Testcontainers Neo4j (else embedded). */
    public boolean isContainer() {
        return container;
    }

    /** Deletes every node and relationship but keeps the schema and the migration chain. */
    public void clear() {
        try (Session session = driver.session()) {
            session.run(
                            """
                            MATCH (n) WHERE none(l IN labels(n) WHERE l STARTS WITH '__Neo4jMigration')
                            CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
                            """)
                    .consume();
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("govgraph-test-neo4j");
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create a directory for the test Neo4j", e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A left-over temporary directory is harmless.
        }
    }
}

package no.govgraph.neo4j.connection;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import no.govgraph.neo4j.GraphException;
import no.govgraph.neo4j.embedded.BoltPassword;
import no.govgraph.neo4j.embedded.EmbeddedNeo4j;
import no.govgraph.neo4j.embedded.EmbeddedNeo4j.EmbeddedSettings;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An open connection to govgraph's graph: a Java driver over Bolt, and the embedded Neo4j behind it
 * when this process started one. Closing it closes both.
 */
public final class GraphConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GraphConnection.class);

    /** File in the data directory that names the Bolt address of the process holding the store. */
    public static final String ADDRESS_FILE = "bolt-address";

    /** Where the graph of this connection runs. */
    public enum Kind {
        /** This process started the embedded Neo4j. */
        EMBEDDED,
        /** Another govgraph process holds the embedded store; we reach it over Bolt. */
        SHARED_EMBEDDED,
        /** An external Neo4j server, cluster or Aura from {@code NEO4J_URI}. */
        EXTERNAL
    }

    private final Driver driver;
    private final Optional<EmbeddedNeo4j> embedded;
    private final Kind kind;
    private final String uri;
    private final String username;
    private final Optional<Path> addressFile;
    private final boolean passwordNew;

    private GraphConnection(
            Driver driver,
            Optional<EmbeddedNeo4j> embedded,
            Kind kind,
            String uri,
            String username,
            Optional<Path> addressFile,
            boolean passwordNew) {
        this.driver = driver;
        this.embedded = embedded;
        this.kind = kind;
        this.uri = uri;
        this.username = username;
        this.addressFile = addressFile;
        this.passwordNew = passwordNew;
    }

    /**
     * For {@code serve}: the external Neo4j if configured, otherwise the embedded store, started by
     * this process on the configured Bolt port (a clear error if the port or the store is taken).
     */
    public static GraphConnection forServer(ConnectionSettings settings) {
        if (settings.isExternal()) {
            return external(settings);
        }
        return startEmbedded(settings, settings.boltPort());
    }

    /**
     * For one-off commands ({@code import}, {@code cypher}, {@code status}): the external Neo4j if
     * configured; else the govgraph process that holds the embedded store, over Bolt; else the
     * embedded store opened by this process for the duration of the command (on a free port, so a
     * running Neo4j elsewhere on 7687 does not get in the way).
     */
    public static GraphConnection forCommand(ConnectionSettings settings) {
        if (settings.isExternal()) {
            return external(settings);
        }
        Optional<GraphConnection> running = runningServer(settings);
        return running.orElseGet(() -> startEmbedded(settings, 0));
    }

    private static GraphConnection external(ConnectionSettings settings) {
        String uri = settings.uri().orElseThrow();
        String password = settings.password()
                .orElseThrow(() -> new GraphException(ConnectionSettings.ENV_URI + " is set to " + uri + " but "
                        + ConnectionSettings.ENV_PASSWORD + " is not: set the password of " + settings.username()
                        + " (and " + ConnectionSettings.ENV_USERNAME + " if it is not neo4j)."));
        Driver driver = connect(uri, settings.username(), password, 30);
        LOG.info("Connected to external Neo4j at {}", uri);
        return new GraphConnection(
                driver, Optional.empty(), Kind.EXTERNAL, uri, settings.username(), Optional.empty(), false);
    }

    private static Optional<GraphConnection> runningServer(ConnectionSettings settings) {
        Path file = settings.dataDir().resolve(ADDRESS_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String uri;
        try {
            uri = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return Optional.empty();
        }
        String password = embeddedPassword(settings).password();
        try {
            Driver driver = connect(uri, EmbeddedNeo4j.USERNAME, password, 3);
            LOG.info("Using the govgraph Neo4j at {} (it holds {})", uri, settings.dataDir());
            return Optional.of(new GraphConnection(
                    driver,
                    Optional.empty(),
                    Kind.SHARED_EMBEDDED,
                    uri,
                    EmbeddedNeo4j.USERNAME,
                    Optional.empty(),
                    false));
        } catch (GraphException e) {
            // A stale address from a process that was killed: the store is free to open ourselves.
            LOG.debug("No govgraph Neo4j answers at {}: {}", uri, e.getMessage());
            return Optional.empty();
        }
    }

    private static GraphConnection startEmbedded(ConnectionSettings settings, int port) {
        BoltPassword.Generated password = embeddedPassword(settings);
        EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(
                EmbeddedSettings.of(settings.dataDir(), settings.boltHost(), port, password.password()));
        try {
            Driver driver = connect(neo4j.boltUri(), neo4j.username(), neo4j.password(), 30);
            Path addressFile = settings.dataDir().resolve(ADDRESS_FILE);
            Files.writeString(addressFile, neo4j.boltUri() + "\n", StandardCharsets.UTF_8);
            return new GraphConnection(
                    driver,
                    Optional.of(neo4j),
                    Kind.EMBEDDED,
                    neo4j.boltUri(),
                    neo4j.username(),
                    Optional.of(addressFile),
                    password.isNew());
        } catch (IOException | RuntimeException e) {
            neo4j.close();
            throw e instanceof GraphException g
                    ? g
                    : new GraphException("Embedded Neo4j started but is not reachable over Bolt: " + e.getMessage(), e);
        }
    }

    private static BoltPassword.Generated embeddedPassword(ConnectionSettings settings) {
        return settings.password()
                .map(p -> new BoltPassword.Generated(p, false))
                .orElseGet(() -> BoltPassword.readOrGenerate(settings.dataDir()));
    }

    private static Driver connect(String uri, String username, String password, int timeoutSeconds) {
        Config config = Config.builder()
                .withLogging(Logging.slf4j())
                .withConnectionTimeout(timeoutSeconds, TimeUnit.SECONDS)
                .withMaxConnectionPoolSize(100)
                .withConnectionAcquisitionTimeout(30, TimeUnit.SECONDS)
                .build();
        Driver driver;
        try {
            driver = GraphDatabase.driver(uri, AuthTokens.basic(username, password), config);
        } catch (IllegalArgumentException e) {
            throw new GraphException("'" + uri + "' is not a Neo4j URI (bolt://, neo4j://, neo4j+s:// …)", e);
        }
        try {
            driver.verifyConnectivity();
            return driver;
        } catch (AuthenticationException e) {
            driver.close();
            throw new GraphException(
                    "Neo4j at " + uri + " refused the credentials of user '" + username + "'. Check "
                            + ConnectionSettings.ENV_USERNAME + " and " + ConnectionSettings.ENV_PASSWORD + ".",
                    e);
        } catch (Neo4jException | IllegalStateException e) {
            driver.close();
            throw new GraphException("Neo4j at " + uri + " is not reachable: " + e.getMessage(), e);
        }
    }

    public Driver driver() {
        return driver;
    }

    public Kind kind() {
        return kind;
    }

    /** The Bolt URI that other clients (Neo4j Browser, cypher-shell, drivers) can use. */
    public String uri() {
        return uri;
    }

    public String username() {
        return username;
    }

    public Optional<EmbeddedNeo4j> embedded() {
        return embedded;
    }

    /** Whether the embedded store's password was generated by this start (print it once). */
    public boolean isPasswordNew() {
        return passwordNew;
    }

    /** One line for humans: where the graph is. */
    public String describe() {
        return switch (kind) {
            case EMBEDDED -> "embedded Neo4j, store "
                    + embedded.orElseThrow().dataDir().toAbsolutePath().normalize() + ", Bolt " + uri;
            case SHARED_EMBEDDED -> "the running govgraph's embedded Neo4j at " + uri;
            case EXTERNAL -> "external Neo4j at " + uri;
        };
    }

    @Override
    public void close() {
        try {
            driver.close();
        } finally {
            addressFile.ifPresent(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException e) {
                    LOG.warn("Could not remove {}: {}", f, e.getMessage());
                }
            });
            embedded.ifPresent(EmbeddedNeo4j::close);
        }
    }
}

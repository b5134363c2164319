package no.govgraph.neo4j.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import no.govgraph.neo4j.GraphException;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Neo4j Community running inside the govgraph process, with its store under the data directory
 * and Bolt open on a loopback address, so that the application (through the Java driver), Neo4j
 * Browser, cypher-shell and any driver see the same database.
 *
 * <p>Application code never uses the embedded Java API: it connects over Bolt like it would to
 * an external server. The only embedded call is setting the {@code neo4j} user's password on the
 * system database at start-up, before Bolt is used.
 */
public final class EmbeddedNeo4j implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedNeo4j.class);
    public static final String USERNAME = "neo4j";
    public static final String STORE_DIR_NAME = "neo4j";

    private final DatabaseManagementService service;
    private final EmbeddedSettings settings;
    private final String password;
    private final int boltPort;

    private EmbeddedNeo4j(DatabaseManagementService service, EmbeddedSettings settings, String password, int port) {
        this.service = service;
        this.settings = settings;
        this.password = password;
        this.boltPort = port;
    }

    /**
     * Starts Neo4j on the store in {@code settings.dataDir()}. Fails with a {@link GraphException}
     * that says what to do when the Bolt port is taken or another process holds the store.
     */
    public static EmbeddedNeo4j start(EmbeddedSettings settings) {
        Path storeDir = settings.dataDir().resolve(STORE_DIR_NAME);
        int port = settings.boltPort() == 0 ? freePort(settings.boltHost()) : settings.boltPort();
        ensurePortFree(settings.boltHost(), port);
        try {
            Files.createDirectories(storeDir);
        } catch (IOException e) {
            throw new GraphException("Cannot create the data directory " + storeDir + ": " + e.getMessage(), e);
        }
        String password = settings.password();
        long started = System.nanoTime();
        DatabaseManagementService service;
        try {
            service = new DatabaseManagementServiceBuilder(storeDir)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress(settings.boltHost(), port))
                    .setConfig(BoltConnector.advertised_address, new SocketAddress(settings.boltHost(), port))
                    // The local connector fails on Netty 4.2, which the rest of govgraph needs (STACK.md).
                    .setConfig(BoltConnectorInternalSettings.enable_local_connector, false)
                    // govgraph closes its drivers before stopping Neo4j; the default 5 s waits (twice) only slow a
                    // stop.
                    .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                    .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                    .setConfig(GraphDatabaseSettings.auth_enabled, true)
                    .setConfig(GraphDatabaseSettings.logs_directory, storeDir.resolve("logs"))
                    .setConfig(GraphDatabaseSettings.pagecache_memory, settings.pageCacheBytes())
                    // Bounds every transaction, user queries included, so one query cannot exhaust the heap.
                    .setConfig(
                            GraphDatabaseSettings.memory_transaction_global_max_size, settings.transactionMemoryBytes())
                    .setConfig(GraphDatabaseSettings.memory_transaction_max_size, settings.transactionMemoryBytes())
                    .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                    .setConfig(GraphDatabaseSettings.keep_logical_logs, "2 files")
                    .setConfig(GraphDatabaseSettings.udc_enabled, false)
                    .build();
        } catch (RuntimeException e) {
            throw explainStartFailure(e, settings, port);
        }
        try {
            setPassword(service, password);
        } catch (RuntimeException e) {
            service.shutdown();
            throw new GraphException("Embedded Neo4j started but its password could not be set: " + e.getMessage(), e);
        }
        LOG.info(
                "Embedded Neo4j started in {} ms, store {}, Bolt on {}:{}",
                Duration.ofNanos(System.nanoTime() - started).toMillis(),
                storeDir,
                settings.boltHost(),
                port);
        return new EmbeddedNeo4j(service, settings, password, port);
    }

    private static void setPassword(DatabaseManagementService service, String password) {
        try {
            service.database("system")
                    .executeTransactionally(
                            "ALTER USER neo4j SET PLAINTEXT PASSWORD $password CHANGE NOT REQUIRED",
                            Map.of("password", password));
        } catch (RuntimeException e) {
            // Neo4j refuses to "change" a password to itself: on a restart that means it is already set.
            if (!String.valueOf(e.getMessage()).contains("cannot be the same")) {
                throw e;
            }
        }
    }

    private static GraphException explainStartFailure(RuntimeException e, EmbeddedSettings settings, int port) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String name = t.getClass().getName();
            String message = String.valueOf(t.getMessage());
            if (name.endsWith("FileLockException") || message.contains("locked by another process")) {
                return new GraphException(
                        "The data directory " + settings.dataDir().toAbsolutePath()
                                + " is in use by another govgraph (or Neo4j) process. Stop that process, or use"
                                + " another --data-dir. Commands such as 'import', 'cypher' and 'status' connect"
                                + " to a running 'govgraph serve' over Bolt by themselves.",
                        e);
            }
            if (t instanceof java.net.BindException) {
                return portInUse(settings.boltHost(), port, e);
            }
        }
        return new GraphException("Embedded Neo4j could not start: " + e.getMessage(), e);
    }

    private static void ensurePortFree(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // Like Neo4j's own listener: connections of a previous run in TIME_WAIT must not count as "in use".
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
        } catch (IOException e) {
            throw portInUse(host, port, e);
        }
    }

    private static GraphException portInUse(String host, int port, Exception cause) {
        return new GraphException(
                "Bolt port " + port + " on " + host + " is already in use (is another govgraph or Neo4j running?)."
                        + " Stop it, or choose another port with --bolt-port or GOVGRAPH_BOLT_PORT.",
                cause);
    }

    private static int freePort(String host) {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getByName(host))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new GraphException("Cannot find a free port on " + host + ": " + e.getMessage(), e);
        }
    }

    /** The Bolt URI clients connect to, e.g. {@code bolt://127.0.0.1:7687}. */
    public String boltUri() {
        return "bolt://" + settings.boltHost() + ":" + boltPort;
    }

    public int boltPort() {
        return boltPort;
    }

    public String username() {
        return USERNAME;
    }

    public String password() {
        return password;
    }

    public Path dataDir() {
        return settings.dataDir();
    }

    /** Stops Neo4j; waits for the store to be flushed so no data is lost. */
    @Override
    public void close() {
        long started = System.nanoTime();
        service.shutdown();
        LOG.info(
                "Embedded Neo4j stopped in {} ms",
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    /**
     * How to run the embedded Neo4j.
     *
     * @param dataDir govgraph's data directory; the store lives in its {@code neo4j} subdirectory
     * @param boltHost the address Bolt listens on; loopback unless the user asks otherwise
     * @param boltPort the Bolt port, or 0 for any free port (tests)
     * @param password the {@code neo4j} user's password
     * @param pageCacheBytes Neo4j's page cache size
     * @param transactionMemoryBytes the memory one transaction (and all together) may use
     */
    public record EmbeddedSettings(
            Path dataDir,
            String boltHost,
            int boltPort,
            String password,
            long pageCacheBytes,
            long transactionMemoryBytes) {

        public EmbeddedSettings {
            if (password == null || password.length() < 8) {
                throw new GraphException("The Neo4j password must have at least 8 characters.");
            }
        }

        /** Defaults that suit a laptop: 256 MB page cache, 512 MB for transactions. */
        public static EmbeddedSettings of(Path dataDir, String boltHost, int boltPort, String password) {
            return new EmbeddedSettings(
                    dataDir, boltHost, boltPort, password, ByteUnit.mebiBytes(256), ByteUnit.mebiBytes(512));
        }
    }
}

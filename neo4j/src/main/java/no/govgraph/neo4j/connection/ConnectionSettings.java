package no.govgraph.neo4j.connection;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where govgraph's graph lives and how to reach it, from flags and environment.
 *
 * <p>With no {@code uri}, govgraph runs Neo4j embedded with its store under {@code dataDir}; with a
 * {@code uri} (bolt://, neo4j://, neo4j+s:// …) nothing embedded starts and the same code talks to
 * that server, cluster or Aura.
 *
 * @param uri an external Neo4j, or empty for the embedded default
 * @param username the Neo4j user
 * @param password the Neo4j password; for the embedded store, empty means "generate or read the stored one"
 * @param dataDir govgraph's data directory (embedded store, password file, uploads)
 * @param boltHost the address the embedded Bolt connector listens on
 * @param boltPort the embedded Bolt port
 */
public record ConnectionSettings(
        Optional<String> uri, String username, Optional<String> password, Path dataDir, String boltHost, int boltPort) {

    public static final String ENV_URI = "NEO4J_URI";
    public static final String ENV_USERNAME = "NEO4J_USERNAME";
    public static final String ENV_PASSWORD = "NEO4J_PASSWORD";
    public static final String ENV_DATA_DIR = "GOVGRAPH_DATA_DIR";
    public static final String ENV_BOLT_HOST = "GOVGRAPH_BOLT_HOST";
    public static final String ENV_BOLT_PORT = "GOVGRAPH_BOLT_PORT";

    public static final String DEFAULT_DATA_DIR = "./data";
    public static final String DEFAULT_BOLT_HOST = "127.0.0.1";
    public static final int DEFAULT_BOLT_PORT = 7687;

    public ConnectionSettings {
        uri = uri.filter(u -> !u.isBlank());
        password = password.filter(p -> !p.isEmpty());
        // Neo4j refuses a home like "/x/./data/neo4j"; the default "./data" would give exactly that.
        dataDir = dataDir.toAbsolutePath().normalize();
    }

    /** Settings from the environment alone, with govgraph's defaults. */
    public static ConnectionSettings fromEnvironment(Map<String, String> env) {
        return new ConnectionSettings(
                Optional.ofNullable(env.get(ENV_URI)),
                env.getOrDefault(ENV_USERNAME, "neo4j"),
                Optional.ofNullable(env.get(ENV_PASSWORD)),
                Path.of(env.getOrDefault(ENV_DATA_DIR, DEFAULT_DATA_DIR)),
                env.getOrDefault(ENV_BOLT_HOST, DEFAULT_BOLT_HOST),
                parsePort(env.get(ENV_BOLT_PORT), DEFAULT_BOLT_PORT));
    }

    public boolean isExternal() {
        return uri.isPresent();
    }

    public ConnectionSettings withDataDir(Path dir) {
        return new ConnectionSettings(uri, username, password, dir, boltHost, boltPort);
    }

    public ConnectionSettings withBoltPort(int port) {
        return new ConnectionSettings(uri, username, password, dataDir, boltHost, port);
    }

    private static int parsePort(String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new no.govgraph.neo4j.GraphException(ENV_BOLT_PORT + " must be a port number, not '" + value + "'");
        }
    }
}

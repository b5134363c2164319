package no.govgraph.backend.cli;

import java.nio.file.Path;
import java.util.Map;
import no.govgraph.neo4j.connection.ConnectionSettings;
import picocli.CommandLine.Option;

/** Where the graph is: flags that every command shares, over the environment's defaults. */
public class GraphOptions {

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "Data directory with the embedded Neo4j store (env GOVGRAPH_DATA_DIR, default ./data).")
    Path dataDir;

    @Option(
            names = "--bolt-port",
            paramLabel = "PORT",
            description = "Bolt port of the embedded Neo4j (env GOVGRAPH_BOLT_PORT, default 7687).")
    Integer boltPort;

    /** The settings from the environment, overridden by the flags given. */
    public ConnectionSettings settings(Map<String, String> env) {
        ConnectionSettings settings = ConnectionSettings.fromEnvironment(env);
        if (dataDir != null) {
            settings = settings.withDataDir(dataDir);
        }
        if (boltPort != null) {
            settings = settings.withBoltPort(boltPort);
        }
        return settings;
    }
}

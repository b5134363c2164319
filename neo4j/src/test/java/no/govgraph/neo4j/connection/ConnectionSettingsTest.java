package no.govgraph.neo4j.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The data directory as the embedded Neo4j needs it: absolute and normalized, whatever was given. */
class ConnectionSettingsTest {

    @Test
    void theDefaultAndRelativeDataDirectoriesBecomeNormalizedAbsolutePaths() {
        Path here = Path.of("").toAbsolutePath();

        assertThat(ConnectionSettings.fromEnvironment(Map.of()).dataDir()).isEqualTo(here.resolve("data"));
        assertThat(ConnectionSettings.fromEnvironment(Map.of(ConnectionSettings.ENV_DATA_DIR, "a/../b/./c"))
                        .dataDir())
                .isEqualTo(here.resolve("b").resolve("c"));
        assertThat(new ConnectionSettings(Optional.empty(), "neo4j", Optional.empty(), Path.of("."), "127.0.0.1", 0)
                        .withDataDir(Path.of("./x"))
                        .dataDir())
                .isEqualTo(here.resolve("x"));
    }
}

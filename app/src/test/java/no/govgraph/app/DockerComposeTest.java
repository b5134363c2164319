package no.govgraph.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.govgraph.neo4j.connection.ConnectionSettings;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** docker-compose.yml uses the configuration names the application really reads. */
class DockerComposeTest {

    private static final Set<String> APPLICATION_ENV = Set.of(
            ConnectionSettings.ENV_URI,
            ConnectionSettings.ENV_USERNAME,
            ConnectionSettings.ENV_PASSWORD,
            ConnectionSettings.ENV_DATA_DIR,
            ConnectionSettings.ENV_BOLT_HOST,
            ConnectionSettings.ENV_BOLT_PORT,
            "GOVGRAPH_HOST",
            "GOVGRAPH_PORT",
            "GOVGRAPH_ADMIN_PASSWORD");

    @Test
    @SuppressWarnings("unchecked")
    void govgraphServiceIsConfiguredWithTheApplicationsNames() throws Exception {
        Map<String, Object> compose;
        try (Reader in = Files.newBufferedReader(Path.of("..", "docker-compose.yml"))) {
            compose = new Yaml().load(in);
        }
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        assertThat(services).containsKeys("neo4j", "govgraph");

        Map<String, Object> govgraph = (Map<String, Object>) services.get("govgraph");
        Map<String, Object> env = (Map<String, Object>) govgraph.get("environment");
        assertThat(APPLICATION_ENV).containsAll(env.keySet());
        assertThat(env.get(ConnectionSettings.ENV_URI)).isEqualTo("bolt://neo4j:7687");
        assertThat((List<String>) govgraph.get("ports")).containsExactly("8080:8080");

        Map<String, Object> neo4j = (Map<String, Object>) services.get("neo4j");
        assertThat(neo4j.get("image")).isEqualTo("neo4j:5.26-community");
        assertThat(neo4j).containsKey("healthcheck");
    }
}

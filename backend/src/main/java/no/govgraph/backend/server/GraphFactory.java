package no.govgraph.backend.server;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.Optional;
import no.govgraph.neo4j.connection.ConnectionSettings;
import no.govgraph.neo4j.connection.GraphConnection;
import org.neo4j.driver.Driver;

/**
 * Gives the bean context its graph. {@code govgraph serve} registers the {@link GraphConnection} it
 * opened itself; otherwise (tests, embedding) one is opened from {@code govgraph.neo4j.*}.
 */
@Factory
public class GraphFactory {

    @Singleton
    @Bean(preDestroy = "close")
    @Requires(missingBeans = GraphConnection.class)
    @Requires(property = "govgraph.neo4j.uri")
    GraphConnection graphConnection(
            @Value("${govgraph.neo4j.uri}") String uri,
            @Value("${govgraph.neo4j.username:neo4j}") String username,
            @Value("${govgraph.neo4j.password}") String password) {
        return GraphConnection.forServer(new ConnectionSettings(
                Optional.of(uri),
                username,
                Optional.of(password),
                Path.of(ConnectionSettings.DEFAULT_DATA_DIR),
                ConnectionSettings.DEFAULT_BOLT_HOST,
                ConnectionSettings.DEFAULT_BOLT_PORT));
    }

    @Singleton
    Driver driver(GraphConnection graph) {
        return graph.driver();
    }
}

package no.govgraph.backend.server;

import io.micronaut.context.ApplicationContext;
import java.net.URI;

/**
 * The browser UI, found with {@link java.util.ServiceLoader} so that the backend does not depend on
 * the UI module. It serves the public port and forwards {@code /api/*} to the backend, so users see
 * one origin.
 */
public interface WebFrontend extends AutoCloseable {

    /**
     * Starts the UI.
     *
     * @param context the backend's bean context; views take their services from it
     * @param host the address to listen on
     * @param port the public port
     * @param api where the backend's HTTP API listens (loopback), for forwarding {@code /api/*}
     */
    void start(ApplicationContext context, String host, int port, URI api) throws Exception;

    @Override
    void close() throws Exception;
}

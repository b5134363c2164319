package no.govgraph.backend.server;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import no.govgraph.backend.support.BackendException;
import no.govgraph.backend.support.BackendException.Reason;
import no.govgraph.backend.user.FirstAdmin;
import no.govgraph.neo4j.connection.GraphConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running product: the backend's bean context and HTTP API (Micronaut on Netty) and, when the UI
 * module is on the classpath, the Vaadin UI (Jetty) in front of it on the public port, forwarding
 * {@code /api/*} to the API on a loopback-only port. Without a UI the API takes the public port.
 */
public final class GovgraphServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GovgraphServer.class);

    private final ApplicationContext context;
    private final Optional<WebFrontend> frontend;
    private final String url;

    private GovgraphServer(ApplicationContext context, Optional<WebFrontend> frontend, String url) {
        this.context = context;
        this.frontend = frontend;
        this.url = url;
    }

    /**
     * Starts the backend (and the UI if present) on {@code host:port} over an open graph connection.
     *
     * @param extraProperties configuration that overrides application.yml (tests, flags)
     */
    public static GovgraphServer start(
            GraphConnection graph, String host, int port, Map<String, Object> extraProperties) {
        Optional<WebFrontend> frontend = ServiceLoader.load(WebFrontend.class).findFirst();
        String apiHost = frontend.isPresent() ? "127.0.0.1" : host;
        int apiPort = frontend.isPresent() ? freeLoopbackPort() : port;
        Map<String, Object> properties = new java.util.HashMap<>(extraProperties);
        properties.put("micronaut.server.host", apiHost);
        properties.put("micronaut.server.port", apiPort);
        ApplicationContext context = ApplicationContext.builder()
                .properties(properties)
                .singletons(graph)
                .deduceEnvironment(false)
                .start();
        try {
            context.getBean(EmbeddedServer.class).start();
            if (frontend.isPresent()) {
                frontend.get().start(context, host, port, URI.create("http://127.0.0.1:" + apiPort));
            }
        } catch (Exception e) {
            context.close();
            throw new BackendException(
                    Reason.UNAVAILABLE, "govgraph could not start its web server: " + rootMessage(e), e);
        }
        boolean local = host.equals("0.0.0.0") || host.equals("::") || host.equals("127.0.0.1") || host.equals("::1");
        String shownHost = local ? "localhost" : host;
        String url = "http://" + shownHost + ":" + port;
        LOG.info(
                "govgraph is serving {} (API {})",
                url,
                frontend.isPresent() ? "forwarded to port " + apiPort : "same port");
        return new GovgraphServer(context, frontend, url);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t instanceof java.net.BindException
                ? "the port is already in use (" + t.getMessage() + ")"
                : String.valueOf(t.getMessage());
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new BackendException(Reason.UNAVAILABLE, "No free loopback port for the API: " + e.getMessage(), e);
        }
    }

    public ApplicationContext context() {
        return context;
    }

    /** The address users open in a browser. */
    public String url() {
        return url;
    }

    /** The password generated for the first administrator by this start, if one was (show it once). */
    public Optional<String> generatedAdminPassword() {
        return context.findBean(FirstAdmin.class).flatMap(FirstAdmin::generatedPassword);
    }

    public boolean hasUi() {
        return frontend.isPresent();
    }

    @Override
    public void close() {
        frontend.ifPresent(f -> {
            try {
                f.close();
            } catch (Exception e) {
                LOG.warn("The UI did not stop cleanly: {}", e.getMessage());
            }
        });
        context.close();
    }
}

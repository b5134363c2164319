package no.govgraph.ui.support;

import com.github.mvysny.vaadinboot.VaadinBoot;
import io.micronaut.context.ApplicationContext;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import no.govgraph.backend.server.WebFrontend;

/** The Vaadin UI on Jetty (vaadin-boot), found by the backend through {@link java.util.ServiceLoader}. */
public class VaadinFrontend implements WebFrontend {

    private VaadinBoot boot;

    @Override
    public void start(ApplicationContext context, String host, int port, URI api) throws Exception {
        UiContext.set(context, api);
        // Only a user's own requests keep a session alive, not the heartbeats of an open tab, so idle
        // sessions end after govgraph.ui.session-timeout (SessionTimeout).
        System.setProperty("vaadin.closeIdleSessions", "true");
        boot = new VaadinBoot().listenOn(host).withPort(port).openBrowserInDevMode(false);
        // vaadin-boot prints its own banner to System.out (and a dev-mode hint that does not apply to
        // our production bundle); govgraph prints one banner of its own, and stdout is the CLI's output.
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
        try {
            boot.start();
        } finally {
            System.setOut(stdout);
        }
    }

    @Override
    public void close() {
        if (boot != null) {
            boot.stop("govgraph is stopping");
        }
    }
}

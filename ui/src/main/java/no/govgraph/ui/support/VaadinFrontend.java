package no.govgraph.ui.support;

import com.github.mvysny.vaadinboot.VaadinBoot;
import io.micronaut.context.ApplicationContext;
import java.net.URI;
import no.govgraph.backend.server.WebFrontend;

/** The Vaadin UI on Jetty (vaadin-boot), found by the backend through {@link java.util.ServiceLoader}. */
public class VaadinFrontend implements WebFrontend {

    private VaadinBoot boot;

    @Override
    public void start(ApplicationContext context, String host, int port, URI api) throws Exception {
        UiContext.set(context, api);
        boot = new VaadinBoot().listenOn(host).withPort(port).openBrowserInDevMode(false);
        boot.start();
    }

    @Override
    public void close() {
        if (boot != null) {
            boot.stop("govgraph is stopping");
        }
    }
}

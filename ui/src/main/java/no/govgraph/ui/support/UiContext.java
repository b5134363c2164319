package no.govgraph.ui.support;

import io.micronaut.context.ApplicationContext;
import java.net.URI;
import java.util.Objects;

/**
 * What the servlet container needs from the backend and cannot be handed through a constructor:
 * Vaadin and Jetty create the instantiator and the proxy servlet themselves. Set once per JVM by
 * {@link VaadinFrontend} (or a test) before the UI starts.
 */
public final class UiContext {

    private static volatile ApplicationContext beans;
    private static volatile URI api;

    private UiContext() {}

    public static void set(ApplicationContext context, URI apiBase) {
        beans = Objects.requireNonNull(context);
        api = apiBase;
    }

    /** The backend's bean context, where views get their services. */
    public static ApplicationContext beans() {
        ApplicationContext context = beans;
        if (context == null) {
            throw new IllegalStateException("The UI was started without the backend's bean context");
        }
        return context;
    }

    /** Where the backend's HTTP API listens, for forwarding {@code /api/*}. */
    public static URI api() {
        return api;
    }
}

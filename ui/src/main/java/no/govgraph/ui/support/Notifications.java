package no.govgraph.ui.support;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import no.govgraph.backend.support.BackendException;

/** Tells the user what happened, in words, without stack traces. */
public final class Notifications {

    private Notifications() {}

    public static void error(RuntimeException e) {
        show(message(e), NotificationVariant.LUMO_ERROR, 8000);
    }

    public static void success(String message) {
        show(message, NotificationVariant.LUMO_SUCCESS, 3000);
    }

    public static void info(String message) {
        show(message, NotificationVariant.LUMO_CONTRAST, 4000);
    }

    /** The message a user can act on: the backend's own for its errors, a general one otherwise. */
    public static String message(RuntimeException e) {
        if (e instanceof BackendException b) {
            return b.getMessage();
        }
        return "Something went wrong on the server (" + e.getClass().getSimpleName()
                + "). Try again; if it persists, the server log has the details.";
    }

    private static void show(String message, NotificationVariant variant, int ms) {
        // Notification(String) renders its text as text, never as HTML.
        Notification n = new Notification(message, ms, Notification.Position.BOTTOM_END);
        n.addThemeVariants(variant);
        n.getElement().setAttribute("role", "alert");
        n.open();
    }
}

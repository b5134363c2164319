package no.govgraph.ui.session;

import com.vaadin.flow.server.VaadinSession;
import java.util.Optional;
import no.govgraph.backend.user.Role;
import no.govgraph.backend.user.SignedInUser;

/** The user signed in to this browser session (kept in the Vaadin session, never in the browser). */
public final class CurrentUser {

    private CurrentUser() {}

    public static Optional<SignedInUser> get() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null ? Optional.empty() : Optional.ofNullable(session.getAttribute(SignedInUser.class));
    }

    public static boolean may(Role role) {
        return get().map(u -> u.may(role)).orElse(false);
    }

    static void set(SignedInUser user) {
        VaadinSession.getCurrent().setAttribute(SignedInUser.class, user);
    }
}

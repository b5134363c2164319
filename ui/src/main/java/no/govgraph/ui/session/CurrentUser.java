package no.govgraph.ui.session;

import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import no.govgraph.backend.user.Role;
import no.govgraph.backend.user.SignedInUser;

/**
 * The user signed in to this browser session. It lives in the HTTP session, never in the browser:
 * {@link SignInServlet} puts it there outside Vaadin's requests, and the views read it through the
 * Vaadin session, which wraps the same HTTP session.
 */
public final class CurrentUser {

    private static final String ATTRIBUTE = SignedInUser.class.getName();

    private CurrentUser() {}

    public static Optional<SignedInUser> get() {
        VaadinSession vaadin = VaadinSession.getCurrent();
        WrappedSession session = vaadin == null ? null : vaadin.getSession();
        return session == null ? Optional.empty() : Optional.ofNullable((SignedInUser) session.getAttribute(ATTRIBUTE));
    }

    public static boolean may(Role role) {
        return get().map(u -> u.may(role)).orElse(false);
    }

    static Optional<SignedInUser> in(HttpSession session) {
        return Optional.ofNullable((SignedInUser) session.getAttribute(ATTRIBUTE));
    }

    static void set(HttpSession session, SignedInUser user) {
        session.setAttribute(ATTRIBUTE, user);
    }

    /** For tests that start signed in (the sign-in itself has its own tests). */
    static void set(SignedInUser user) {
        VaadinSession.getCurrent().getSession().setAttribute(ATTRIBUTE, user);
    }
}

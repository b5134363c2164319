package no.govgraph.ui.session;

import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import no.govgraph.backend.user.Role;
import no.govgraph.backend.user.SignedInUser;

/**
 * The user signed in to this browser session, kept in the Vaadin session (never in the browser).
 *
 * <p>{@link SignInServlet} signs in outside Vaadin's requests, so it hands the user over in the HTTP
 * session, and the next Vaadin request of that session moves it into the Vaadin session. It must end
 * up there: Vaadin closes an idle Vaadin session ({@code closeIdleSessions}) without invalidating the
 * HTTP session, and the user has to go with it.
 */
public final class CurrentUser {

    private static final String HANDED_OVER = CurrentUser.class.getName() + ".signedIn";

    private CurrentUser() {}

    public static Optional<SignedInUser> get() {
        VaadinSession vaadin = VaadinSession.getCurrent();
        if (vaadin == null) {
            return Optional.empty();
        }
        SignedInUser user = vaadin.getAttribute(SignedInUser.class);
        return Optional.ofNullable(user != null ? user : takeHandedOver(vaadin));
    }

    public static boolean may(Role role) {
        return get().map(u -> u.may(role)).orElse(false);
    }

    /** Called by the sign-in, outside Vaadin: the next Vaadin request takes the user over. */
    static void handOver(HttpSession session, SignedInUser user) {
        session.setAttribute(HANDED_OVER, user);
    }

    private static SignedInUser takeHandedOver(VaadinSession vaadin) {
        WrappedSession http = vaadin.getSession();
        SignedInUser user = http == null ? null : (SignedInUser) http.getAttribute(HANDED_OVER);
        if (user != null) {
            // Under the Vaadin session's lock, as every caller of get() is: one request takes it.
            http.removeAttribute(HANDED_OVER);
            vaadin.setAttribute(SignedInUser.class, user);
        }
        return user;
    }

    /** For tests that start signed in (the sign-in itself has its own tests). */
    static void set(SignedInUser user) {
        VaadinSession.getCurrent().setAttribute(SignedInUser.class, user);
    }
}

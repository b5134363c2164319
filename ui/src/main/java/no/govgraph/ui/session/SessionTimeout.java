package no.govgraph.ui.session;

import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.time.Duration;
import no.govgraph.ui.support.UiContext;

/**
 * Signs idle users out: every HTTP session lives {@value #PROPERTY} (default {@link #DEFAULT}) after its
 * user's last request; renewing the id at sign-in ({@link SignInServlet}) keeps the session, and so
 * this lifetime.
 * Vaadin's heartbeats do not count as activity ({@code closeIdleSessions}, set by
 * {@link no.govgraph.ui.support.VaadinFrontend}), so an open but unused tab is signed out too.
 */
@WebListener
public class SessionTimeout implements HttpSessionListener {

    /** Configuration key (environment {@code GOVGRAPH_UI_SESSION_TIMEOUT}). */
    public static final String PROPERTY = "govgraph.ui.session-timeout";

    public static final Duration DEFAULT = Duration.ofMinutes(30);

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        event.getSession().setMaxInactiveInterval((int) Math.max(1, timeout().toSeconds()));
    }

    static Duration timeout() {
        return UiContext.beans().getProperty(PROPERTY, Duration.class).orElse(DEFAULT);
    }
}

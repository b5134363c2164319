package no.govgraph.ui.session;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Makes the session cookie HttpOnly: no script in the page (an injected one included) can read the id
 * of a signed-in session. Jetty, vaadin-boot and Vaadin leave the flag off; nothing of ours reads the
 * cookie from JavaScript.
 */
@WebListener
public class SessionCookie implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        event.getServletContext().getSessionCookieConfig().setHttpOnly(true);
    }
}

package no.govgraph.ui.session;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Makes the session cookie HttpOnly: no script in the page (an injected one included) can read the id
 * of a signed-in session. Jetty, vaadin-boot and Vaadin leave the flag off; nothing of ours reads the
 * cookie from JavaScript. SameSite=Lax as well: another site's form posts and scripted requests then
 * come without the session, on top of Vaadin's own token and the sign-in's; a link from another site
 * (a plain navigation) still opens the signed-in view.
 */
@WebListener
public class SessionCookie implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        var cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setHttpOnly(true);
        cookie.setAttribute("SameSite", "Lax");
    }
}

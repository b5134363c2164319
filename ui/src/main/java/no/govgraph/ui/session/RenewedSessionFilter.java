package no.govgraph.ui.session;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the sign-in page from reloading itself while its sign-in is on the way.
 *
 * <p>The page that posted the sign-in form lives on until the browser has the answer, and its Vaadin
 * client goes on sending heartbeats (and UIDL requests, e.g. polls) with the session id from before the
 * sign-in. Once {@link SignInServlet} has renewed the id, Vaadin would answer those "session expired"
 * (a heartbeat gets 403), and the client reloads the page: a navigation that cancels the one carrying
 * the sign-in's answer and its new cookie, so the user is back at an empty form. For a short while
 * after a renewal, requests with the old id are therefore answered so that the client waits instead:
 * a heartbeat gets Vaadin's usual empty 200, a UIDL request 503 (the client retries it later, by then
 * with the new cookie). Nothing is run for them: the old id still opens no session.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true, filterName = "govgraph-renewed-session")
public class RenewedSessionFilter extends HttpFilter {

    /** Far longer than any sign-in answer takes to arrive; the old page is gone by then. */
    static final Duration GRACE = Duration.ofSeconds(60);
    /** Each entry needs a successful sign-in; the bound only keeps a flood of them from growing the map. */
    private static final int MAX_ENTRIES = 10_000;

    private static final Map<String, Long> RENEWED = new ConcurrentHashMap<>();

    /** Remembers that the session with {@code oldId} got a new id just now. */
    static void renewed(String oldId) {
        if (oldId == null) {
            return;
        }
        long now = System.nanoTime();
        RENEWED.values().removeIf(until -> until - now < 0);
        if (RENEWED.size() < MAX_ENTRIES) {
            RENEWED.put(oldId, now + GRACE.toNanos());
        }
    }

    static boolean recentlyRenewed(String id) {
        Long until = id == null ? null : RENEWED.get(id);
        return until != null && until - System.nanoTime() > 0;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String requested = request.getRequestedSessionId();
        if (requested != null && !request.isRequestedSessionIdValid() && recentlyRenewed(requested)) {
            String type = vaadinRequestType(request.getQueryString());
            if ("heartbeat".equals(type)) {
                response.setStatus(HttpServletResponse.SC_OK);
                response.setContentLength(0);
                return;
            }
            if ("uidl".equals(type)) {
                response.setHeader("Retry-After", "1");
                response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Session id renewed at sign-in");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** Vaadin's {@code v-r} query parameter, read from the query only (a request body is not touched). */
    private static String vaadinRequestType(String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("v-r=")) {
                return pair.substring("v-r=".length());
            }
        }
        return null;
    }
}

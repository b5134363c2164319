package no.govgraph.ui.support;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.jetty.ee10.proxy.ProxyServlet;

/**
 * Forwards {@code /api/*} from the public port to the backend's API on its loopback-only port, so
 * the UI and the API share one origin.
 */
@WebServlet(urlPatterns = "/api/*", asyncSupported = true, name = "govgraph-api")
public class ApiProxyServlet extends ProxyServlet {

    @Override
    protected String rewriteTarget(HttpServletRequest request) {
        String query = request.getQueryString();
        return UiContext.api() + request.getRequestURI() + (query == null ? "" : "?" + query);
    }
}

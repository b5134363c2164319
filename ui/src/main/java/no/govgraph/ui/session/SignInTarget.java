package no.govgraph.ui.session;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Where to go after signing in: a view of this application, as a path relative to its root with an
 * optional query ({@code search?q=Frogner}). It comes from the sign-in form's {@code next}
 * parameter, which anybody can set, so only what stays inside the application is accepted: a
 * redirect to another site would let a link to our sign-in page send users on to a look-alike.
 *
 * @param path the view's path and query, relative to the application's root, never empty
 */
public record SignInTarget(String path) {

    public SignInTarget {
        if (parse(path).isEmpty()) {
            throw new IllegalArgumentException("Not a path inside the application: " + path);
        }
    }

    /**
     * The target {@code next} names, or empty when it is missing, leaves the application, or names the
     * sign-in pages themselves (which would only show the form again).
     */
    public static Optional<SignInTarget> of(String next) {
        return parse(next).map(SignInTarget::new);
    }

    private static Optional<String> parse(String next) {
        if (next == null || next.isEmpty() || next.length() > 2000) {
            return Optional.empty();
        }
        // The redirect is "<context>/" + next. A leading '/' or '\' would make it "//host" (browsers
        // read '\' as '/'), and browsers drop tabs and line breaks inside URLs, so "/\t/host" is
        // "//host" too: refuse them anywhere, with every other control and space character.
        char first = next.charAt(0);
        if (first == '/' || first == '\\' || first == '.') {
            return Optional.empty();
        }
        for (int i = 0; i < next.length(); i++) {
            char c = next.charAt(i);
            if (c <= ' ' || c == '\\' || c == 0x7f || c > 0x7e) {
                return Optional.empty();
            }
        }
        URI uri;
        try {
            uri = new URI(next);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        // "javascript:…", "https://…": anything with a scheme or a host is somewhere else.
        if (uri.getScheme() != null || uri.getRawAuthority() != null || uri.getRawPath() == null) {
            return Optional.empty();
        }
        String route = uri.getRawPath();
        if (route.equals(LoginView.ROUTE) || route.equals(SignInServlet.PATH.substring(1))) {
            return Optional.empty();
        }
        return Optional.of(next);
    }
}

package no.govgraph.ui.session;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import no.govgraph.backend.support.BackendException;
import no.govgraph.backend.user.SignedInUser;
import no.govgraph.backend.user.UserService;
import no.govgraph.ui.support.UiContext;

/**
 * Signs in: the login form posts here natively (a plain HTML form POST, not a Vaadin request). On
 * success the session id is renewed and the browser is sent (303) to the view it first asked for; on
 * failure back to the form, which shows why.
 *
 * <p>Why not inside a Vaadin request: renewing the session id while the page's Vaadin client still
 * runs let a heartbeat or UIDL request carrying the old id be answered "session expired", and the
 * client then reloaded the page, throwing away the sign-in's answer with the new cookie
 * (docs/RELIABILITY.md, "Sign-in, sessions and tokens"). Here the answer is a navigation of the whole
 * page, and {@link RenewedSessionFilter} keeps the old page's last requests from reloading it.
 *
 * <p>Login CSRF: another site could post its own credentials here from a victim's browser and have the
 * victim work, unknowingly, in the attacker's account. The form therefore carries a random token kept
 * in the visitor's HTTP session ({@link #token(HttpSession)}, published by {@link LoginView}); a
 * post without the session's token signs nobody in. The token needs no browser feature (Origin and
 * Sec-Fetch-Site are absent from some clients and rewritten by some proxies), and the session cookie
 * stays the only thing a cross-site post could bring along.
 */
@WebServlet(urlPatterns = SignInServlet.PATH, name = "govgraph-signin")
public class SignInServlet extends HttpServlet {

    static final String PATH = "/signin";
    /** The form fields: Vaadin's login form names its inputs so, and takes the token's name from a meta tag. */
    static final String USERNAME = "username";

    static final String PASSWORD = "password";
    static final String TOKEN = "_gg_signin";
    static final String NEXT = "next";
    /** Query flags of the login view after a failed attempt. */
    static final String FAILED = "error";

    static final String EXPIRED = "expired";

    private static final String TOKEN_ATTRIBUTE = SignInServlet.class.getName() + ".token";
    private static final String FAILURE_ATTRIBUTE = SignInServlet.class.getName() + ".failure";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) {
        signIn(request, response);
    }

    void signIn(HttpServletRequest request, HttpServletResponse response) {
        // Never create a session here: a post without one has no token to match.
        HttpSession session = request.getSession(false);
        Optional<SignInTarget> target = SignInTarget.of(request.getParameter(NEXT));
        if (session == null || !tokenMatches(session, request.getParameter(TOKEN))) {
            // A form from another site, or ours after its session ended: nobody is signed in, and the
            // form is shown afresh (with a new token) rather than an error page.
            seeOther(response, request.getContextPath() + "/" + LoginView.ROUTE + "?" + EXPIRED + next(target));
            return;
        }
        SignedInUser user;
        try {
            user = UiContext.beans()
                    .getBean(UserService.class)
                    .authenticate(parameter(request, USERNAME), parameter(request, PASSWORD));
        } catch (BackendException e) {
            // UNAUTHORIZED or TOO_MANY_REQUESTS (the API's lockout, shared by name). The message goes
            // through the session, not the URL: it may quote the user name, and a link could forge it.
            session.setAttribute(FAILURE_ATTRIBUTE, e.getMessage());
            seeOther(response, request.getContextPath() + "/" + LoginView.ROUTE + "?" + FAILED + next(target));
            return;
        }
        // A new session id after sign-in, so a session id planted before it is worthless. The old id is
        // remembered first, so that no request can find it unknown before it is on the list.
        RenewedSessionFilter.renewed(request.getRequestedSessionId());
        request.changeSessionId();
        CurrentUser.handOver(session, user);
        session.removeAttribute(TOKEN_ATTRIBUTE);
        session.removeAttribute(FAILURE_ATTRIBUTE);
        seeOther(
                response,
                request.getContextPath() + "/" + target.map(SignInTarget::path).orElse(""));
    }

    /** The sign-in token of this session, made on first use. */
    static String token(HttpSession session) {
        String token = (String) session.getAttribute(TOKEN_ATTRIBUTE);
        if (token == null) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            session.setAttribute(TOKEN_ATTRIBUTE, token);
        }
        return token;
    }

    /** Why the last sign-in of this session failed, once: the form shows it after the redirect. */
    static Optional<String> takeFailure(HttpSession session) {
        String failure = (String) session.getAttribute(FAILURE_ATTRIBUTE);
        session.removeAttribute(FAILURE_ATTRIBUTE);
        return Optional.ofNullable(failure);
    }

    private static boolean tokenMatches(HttpSession session, String given) {
        String expected = (String) session.getAttribute(TOKEN_ATTRIBUTE);
        return expected != null
                && given != null
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.UTF_8));
    }

    private static String parameter(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value;
    }

    private static String next(Optional<SignInTarget> target) {
        return target.map(t -> "&" + NEXT + "=" + URLEncoder.encode(t.path(), StandardCharsets.UTF_8))
                .orElse("");
    }

    /** 303: the browser follows with a GET, so a reload of the next page never posts the password again. */
    private static void seeOther(HttpServletResponse response, String location) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", location);
        response.setHeader("Cache-Control", "no-store");
    }
}

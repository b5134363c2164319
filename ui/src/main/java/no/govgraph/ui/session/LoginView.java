package no.govgraph.ui.session;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedHttpSession;
import io.micronaut.context.annotation.Prototype;
import jakarta.servlet.http.HttpSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Sign-in with a govgraph user name and password. The form posts natively to {@link SignInServlet}
 * (its {@code action}), which checks them with the backend's {@code UserService}; the view only shows
 * the form, the sign-in token, and why the last attempt failed.
 */
@Route(LoginView.ROUTE)
@PageTitle("Sign in · govgraph")
@Prototype
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    public static final String ROUTE = "login";
    static final String EXPIRED_MESSAGE = "The sign-in form had expired. Please sign in again.";
    private static final String DEFAULT_FAILURE = "Wrong user name or password.";

    private final LoginForm form = new LoginForm();
    private String error;

    public LoginView() {
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
        form.setI18n(i18n("Check the user name and password and try again."));
        form.setForgotPasswordButtonVisible(false);

        H1 title = new H1("govgraph");
        Paragraph hint = new Paragraph("Governance documents as a graph, with the evidence behind every link.");
        add(title, hint, form);
    }

    private static LoginI18n i18n(String message) {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Sign in to govgraph");
        i18n.getForm().setUsername("User name");
        i18n.getErrorMessage().setTitle("Not signed in");
        i18n.getErrorMessage().setMessage(message);
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (CurrentUser.get().isPresent()) {
            event.forwardTo("");
            return;
        }
        // Where to go afterwards: AccessControl's reroute, or the servlet after a failed attempt, passes
        // it as "next"; the servlet checks it.
        Map<String, List<String>> query =
                event.getLocation().getQueryParameters().getParameters();
        String next =
                asciiOnly(query.getOrDefault(SignInServlet.NEXT, List.of("")).get(0));
        if (query.containsKey(SignInServlet.EXPIRED)) {
            showError(EXPIRED_MESSAGE);
        } else if (query.containsKey(SignInServlet.FAILED)) {
            showError(SignInServlet.takeFailure(httpSession()).orElse(DEFAULT_FAILURE));
        }
        // No login listener: with an action the form posts itself and sends nothing through Vaadin, so
        // the password never travels in a UIDL request and the sign-in never runs inside one.
        String action = contextPath() + SignInServlet.PATH;
        form.setAction(
                next.isEmpty()
                        ? action
                        : action + "?" + SignInServlet.NEXT + "=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        // Vaadin's login form puts the token into its post under the name in meta "_csrf_parameter"
        // (the convention of Spring Security, which the component follows). The value is passed as a
        // parameter, never spliced into the script.
        event.getUI()
                .getPage()
                .executeJs(
                        """
                        for (const [name, content] of [['_csrf_parameter', $0], ['_csrf', $1]]) {
                          let meta = document.head.querySelector('meta[name="' + name + '"]');
                          if (!meta) {
                            meta = document.createElement('meta');
                            meta.setAttribute('name', name);
                            document.head.appendChild(meta);
                          }
                          meta.setAttribute('content', content);
                        }
                        """,
                        SignInServlet.TOKEN,
                        SignInServlet.token(httpSession()));
    }

    private void showError(String message) {
        error = message;
        form.setI18n(i18n(message));
        form.setError(true);
    }

    private static HttpSession httpSession() {
        return ((WrappedHttpSession) VaadinSession.getCurrent().getSession()).getHttpSession();
    }

    private static String contextPath() {
        VaadinRequest request = VaadinRequest.getCurrent();
        return request == null ? "" : request.getContextPath();
    }

    /** Vaadin's locations may hold letters such as ø as they are; the target must be plain ASCII. */
    private static String asciiOnly(String path) {
        StringBuilder out = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c <= ' ' || c >= 0x7f) {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
                out.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }

    LoginForm form() {
        return form;
    }

    /** The message the form shows for the last failed attempt, or null. */
    String error() {
        return error;
    }
}

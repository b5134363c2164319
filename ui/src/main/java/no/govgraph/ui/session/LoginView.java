package no.govgraph.ui.session;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import io.micronaut.context.annotation.Prototype;
import no.govgraph.backend.support.BackendException;
import no.govgraph.backend.user.SignedInUser;
import no.govgraph.backend.user.UserService;

/** Sign-in with a govgraph user name and password, checked by the backend's {@link UserService}. */
@Route(LoginView.ROUTE)
@PageTitle("Sign in · govgraph")
@Prototype
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    public static final String ROUTE = "login";
    private static final String TARGET = LoginView.class.getName() + ".target";

    private final UserService users;
    private final LoginForm form = new LoginForm();
    private String error;

    public LoginView(UserService users) {
        this.users = users;
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);

        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Sign in to govgraph");
        i18n.getForm().setUsername("User name");
        i18n.getErrorMessage().setTitle("Not signed in");
        i18n.getErrorMessage().setMessage("Check the user name and password and try again.");
        form.setI18n(i18n);
        form.setForgotPasswordButtonVisible(false);
        form.addLoginListener(e -> signIn(e.getUsername(), e.getPassword()));

        H1 title = new H1("govgraph");
        Paragraph hint = new Paragraph("Governance documents as a graph, with the evidence behind every link.");
        add(title, hint, form);
    }

    void signIn(String username, String password) {
        SignedInUser user;
        try {
            user = users.authenticate(username, password);
        } catch (BackendException e) {
            LoginI18n i18n = LoginI18n.createDefault();
            i18n.getForm().setTitle("Sign in to govgraph");
            i18n.getForm().setUsername("User name");
            i18n.getErrorMessage().setTitle("Not signed in");
            i18n.getErrorMessage().setMessage(e.getMessage());
            form.setI18n(i18n);
            form.setError(true);
            error = e.getMessage();
            return;
        }
        // A new session id after sign-in, so a session id planted before it is worthless.
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request != null) {
            VaadinService.reinitializeSession(request);
        }
        CurrentUser.set(user);
        Location target = (Location) VaadinSession.getCurrent().getAttribute(TARGET);
        VaadinSession.getCurrent().setAttribute(TARGET, null);
        if (target == null || target.getPath().startsWith(ROUTE)) {
            UI.getCurrent().navigate("");
        } else {
            UI.getCurrent().navigate(target.getPath(), target.getQueryParameters());
        }
    }

    /** Where an anonymous visitor wanted to go, to go there after signing in. */
    static void rememberTarget(Location location) {
        VaadinSession.getCurrent().setAttribute(TARGET, location);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (CurrentUser.get().isPresent()) {
            event.forwardTo("");
        }
    }

    LoginForm form() {
        return form;
    }

    /** The message of the last failed sign-in, as the form shows it. */
    String error() {
        return error;
    }
}

package no.govgraph.ui.session;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import no.govgraph.backend.user.Role;
import no.govgraph.ui.home.HomeView;
import no.govgraph.ui.support.Notifications;

/**
 * Guards every navigation: without a signed-in user only the login page opens; a view annotated
 * {@link RequiresRole} opens only for users whose role includes it. The backend enforces the same
 * roles on its API; this keeps the UI's views and actions in line with them.
 */
public class AccessControl implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(AccessControl::check));
    }

    static void check(BeforeEnterEvent event) {
        Class<?> target = event.getNavigationTarget();
        if (target == LoginView.class) {
            return;
        }
        if (CurrentUser.get().isEmpty()) {
            // The login form posts the target along; the address in the browser stays the view's.
            String next = event.getLocation().getPathWithQueryParameters();
            event.rerouteTo(
                    LoginView.class,
                    next.isEmpty() ? QueryParameters.empty() : QueryParameters.of(SignInServlet.NEXT, next));
            return;
        }
        RequiresRole required = target.getAnnotation(RequiresRole.class);
        if (required != null && !CurrentUser.may(required.value())) {
            Notifications.info("The page '" + event.getLocation().getPath() + "' needs the role "
                    + required.value().id() + "; you are signed in as "
                    + CurrentUser.get().map(u -> u.role().id()).orElse("nobody") + ".");
            event.rerouteTo(HomeView.class);
        }
    }

    /** Whether the signed-in user may open {@code view}. */
    public static boolean mayOpen(Class<?> view) {
        RequiresRole required = view.getAnnotation(RequiresRole.class);
        return CurrentUser.get().isPresent() && (required == null || CurrentUser.may(required.value()));
    }

    static Role required(Class<?> view) {
        RequiresRole required = view.getAnnotation(RequiresRole.class);
        return required == null ? Role.READER : required.value();
    }
}

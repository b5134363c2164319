package no.govgraph.ui.session;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import java.util.List;
import no.govgraph.backend.user.Role;
import no.govgraph.backend.user.UserService;
import no.govgraph.ui.cypher.CypherView;
import no.govgraph.ui.home.HomeView;
import no.govgraph.ui.search.SearchView;
import no.govgraph.ui.support.UiTestContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sign-in through the backend's users, and views that follow the roles. */
class SessionIT {

    @BeforeAll
    static void users() {
        UiTestContext.neo4j().clear();
        UserService users = UiTestContext.beans().getBean(UserService.class);
        users.create("rita", "reader-password", "reader", "test");
    }

    @BeforeEach
    void setUp() {
        UiTestContext.setUp();
    }

    @AfterEach
    void tearDown() {
        UiTestContext.tearDown();
    }

    @Test
    void sendsAnonymousVisitorsToTheLoginAndBackAfterSigningIn() {
        UI.getCurrent().navigate("search", QueryParameters.fromString("q=Frogner"));
        LoginView login = _get(LoginView.class);

        login.signIn("rita", "reader-password");

        assertThat(_find(SearchView.class)).hasSize(1);
        assertThat(_get(Span.class, spec -> spec.withId("user-role")).getText()).isEqualTo("reader");
    }

    @Test
    void keepsTheUserOutWithAWrongPasswordAndSaysSo() {
        UI.getCurrent().navigate(HomeView.class);
        LoginView login = _get(LoginView.class);

        login.signIn("rita", "not-the-password");

        assertThat(login.form().isError()).isTrue();
        assertThat(CurrentUser.get()).isEmpty();
        assertThat(_find(HomeView.class)).isEmpty();
    }

    @Test
    void showsAReaderNoCypherAndRefusesItsRoute() {
        TestUsers.signIn("rita", Role.READER);
        UI.getCurrent().navigate(HomeView.class);
        assertThat(_find(SideNavItem.class)).extracting(SideNavItem::getLabel).doesNotContain("Cypher");

        UI.getCurrent().navigate(CypherView.class);

        assertThat(_find(CypherView.class)).isEmpty();
        assertThat(_find(HomeView.class)).hasSize(1);
    }

    @Test
    void letsAnAnalystWriteCypher() {
        TestUsers.signIn("anna", Role.ANALYST);
        UI.getCurrent().navigate(HomeView.class);
        assertThat(_find(SideNavItem.class)).extracting(SideNavItem::getLabel).contains("Cypher");

        UI.getCurrent().navigate(CypherView.class);

        assertThat(_find(CypherView.class)).hasSize(1);
    }

    @Test
    void sendsAnonymousVisitorsOfEveryRouteToTheLogin() {
        List<RouteData> routes = RouteConfiguration.forApplicationScope().getAvailableRoutes();
        assertThat(routes).hasSizeGreaterThanOrEqualTo(11);
        for (RouteData route : routes) {
            String path = route.getTemplate().replaceAll(":[A-Za-z_]+[?*]?(\\([^)]*\\))?", "x");
            UI.getCurrent().navigate(path);
            if (route.getNavigationTarget() == LoginView.class) {
                assertThat(_find(LoginView.class)).as(path).hasSize(1);
                continue;
            }
            assertThat(_find(route.getNavigationTarget())).as("/" + path).isEmpty();
            assertThat(_find(LoginView.class)).as("/" + path).hasSize(1);
            assertThat(CurrentUser.get()).isEmpty();
        }
    }

    @Test
    void locksTheLoginFormAfterRepeatedFailuresEvenForTheRightPassword() {
        UserService users = UiTestContext.beans().getBean(UserService.class);
        users.create("ui-victim", "victim-password", "reader", "test");
        UI.getCurrent().navigate(HomeView.class);
        LoginView login = _get(LoginView.class);
        for (int i = 0; i < 5; i++) {
            login.signIn("ui-victim", "guess-" + i);
            assertThat(login.form().isError()).isTrue();
        }

        login.signIn("ui-victim", "victim-password");

        assertThat(CurrentUser.get()).isEmpty();
        assertThat(_find(HomeView.class)).isEmpty();
        assertThat(login.error()).contains("Too many failed sign-ins");
        // The API refuses the name too: one lock per name, whichever way in.
        assertThatThrownBy(() -> users.authenticate("ui-victim", "victim-password"))
                .hasMessageContaining("Too many failed sign-ins");
    }
}

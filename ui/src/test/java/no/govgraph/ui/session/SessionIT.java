package no.govgraph.ui.session;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.QueryParameters;
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
}

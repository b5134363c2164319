package no.govgraph.ui.session;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.fakeservlet.FakeResponse;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedHttpSession;
import jakarta.servlet.http.HttpSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        assertThat(login.form().getAction()).isEqualTo("/signin?next=search%3Fq%3DFrogner");
        String before = httpSession().getId();

        FakeResponse response = post(Map.of("username", "rita", "password", "reader-password"), login);

        assertThat(response.getStatus()).isEqualTo(303);
        assertThat(response.getHeader("Location")).isEqualTo("/search?q=Frogner");
        // Session fixation: the id the visitor had before signing in no longer names the session.
        assertThat(httpSession().getId()).isNotEqualTo(before);
        assertThat(RenewedSessionFilter.recentlyRenewed(before)).isTrue();
        follow(response);
        assertThat(_find(SearchView.class)).hasSize(1);
        assertThat(_get(Span.class, spec -> spec.withId("user-role")).getText()).isEqualTo("reader");
    }

    @Test
    void keepsTheUserOutWithAWrongPasswordAndSaysSo() {
        UI.getCurrent().navigate(HomeView.class);
        LoginView login = _get(LoginView.class);
        String before = httpSession().getId();

        FakeResponse response = post(Map.of("username", "rita", "password", "not-the-password"), login);

        assertThat(response.getStatus()).isEqualTo(303);
        assertThat(response.getHeader("Location")).isEqualTo("/login?error");
        assertThat(httpSession().getId()).isEqualTo(before);
        follow(response);
        login = _get(LoginView.class);
        assertThat(login.form().isError()).isTrue();
        assertThat(login.error()).isEqualTo("Wrong user name or password.");
        assertThat(CurrentUser.get()).isEmpty();
        assertThat(_find(HomeView.class)).isEmpty();
    }

    @Test
    void signsNobodyInWithoutTheSessionsTokenEvenWithTheRightPassword() {
        UI.getCurrent().navigate("search", QueryParameters.fromString("q=Frogner"));
        LoginView login = _get(LoginView.class);
        String before = httpSession().getId();

        for (Map<String, String> form : List.of(
                Map.of("username", "rita", "password", "reader-password"),
                Map.of("username", "rita", "password", "reader-password", SignInServlet.TOKEN, "forged"),
                Map.of("username", "rita", "password", "reader-password", SignInServlet.TOKEN, ""))) {
            FakeResponse response = postTo(form, login.form().getAction());

            assertThat(response.getStatus()).isEqualTo(303);
            assertThat(response.getHeader("Location")).isEqualTo("/login?expired&next=search%3Fq%3DFrogner");
            assertThat(httpSession().getId()).isEqualTo(before);
            assertThat(CurrentUser.get()).isEmpty();
        }
        follow(postTo(Map.of(), "/signin"));
        assertThat(_get(LoginView.class).error()).isEqualTo(LoginView.EXPIRED_MESSAGE);
    }

    @Test
    void ignoresATargetOutsideTheApplication() {
        UI.getCurrent().navigate(HomeView.class);
        LoginView login = _get(LoginView.class);
        String token = SignInServlet.token(httpSession());

        FakeResponse response = postTo(
                Map.of("username", "rita", "password", "reader-password", SignInServlet.TOKEN, token),
                "/signin?next=" + URLEncoder.encode("//evil.example/login", StandardCharsets.UTF_8));

        assertThat(response.getHeader("Location")).isEqualTo("/");
        assertThat(login.form().getAction()).isEqualTo("/signin");
        follow(response);
        assertThat(_find(HomeView.class)).hasSize(1);
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
        for (int i = 0; i < 5; i++) {
            follow(post(Map.of("username", "ui-victim", "password", "guess-" + i), _get(LoginView.class)));
            assertThat(_get(LoginView.class).form().isError()).isTrue();
        }

        follow(post(Map.of("username", "ui-victim", "password", "victim-password"), _get(LoginView.class)));

        assertThat(CurrentUser.get()).isEmpty();
        assertThat(_find(HomeView.class)).isEmpty();
        assertThat(_get(LoginView.class).error()).contains("Too many failed sign-ins");
        // The API refuses the name too: one lock per name, whichever way in.
        assertThatThrownBy(() -> users.authenticate("ui-victim", "victim-password"))
                .hasMessageContaining("Too many failed sign-ins");
    }

    /** Posts {@code form} with this session's token to the login form's action, as the browser would. */
    private static FakeResponse post(Map<String, String> form, LoginView login) {
        Map<String, String> withToken = new HashMap<>(form);
        withToken.put(SignInServlet.TOKEN, SignInServlet.token(httpSession()));
        return postTo(withToken, login.form().getAction());
    }

    private static FakeResponse postTo(Map<String, String> form, String action) {
        FakeRequest request = new FakeRequest(httpSession());
        form.forEach(request::setParameter);
        // The action's own query (next=…), decoded as the servlet container would.
        int query = action.indexOf('?');
        if (query >= 0) {
            QueryParameters.fromString(action.substring(query + 1))
                    .getParameters()
                    .forEach((name, values) -> request.setParameter(name, values.toArray(String[]::new)));
        }
        FakeResponse response = new FakeResponse();
        new SignInServlet().signIn(request, response);
        return response;
    }

    /** Opens the view the response redirects to, as the browser does after a 303. */
    private static void follow(FakeResponse response) {
        assertThat(response.getStatus()).isEqualTo(303);
        String location = response.getHeader("Location").substring(1);
        int query = location.indexOf('?');
        if (query < 0) {
            UI.getCurrent().navigate(location);
        } else {
            UI.getCurrent()
                    .navigate(location.substring(0, query), QueryParameters.fromString(location.substring(query + 1)));
        }
    }

    private static HttpSession httpSession() {
        return ((WrappedHttpSession) VaadinSession.getCurrent().getSession()).getHttpSession();
    }
}

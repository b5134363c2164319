package no.govgraph.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;
import java.util.Map;
import no.govgraph.backend.user.SignedInUser;
import no.govgraph.ui.compare.CompareView;
import no.govgraph.ui.cypher.CypherView;
import no.govgraph.ui.explore.ExploreView;
import no.govgraph.ui.home.HomeView;
import no.govgraph.ui.importing.ImportView;
import no.govgraph.ui.paths.PathsView;
import no.govgraph.ui.quality.QualityView;
import no.govgraph.ui.search.SearchView;
import no.govgraph.ui.session.AccessControl;
import no.govgraph.ui.session.CurrentUser;
import no.govgraph.ui.session.LoginView;

/**
 * The frame of every page: title, a quick search box, the user menu with the role, and navigation
 * to the views the user's role may open.
 */
@JsModule("@vaadin/vaadin-lumo-styles/badge-global.js")
@CssImport("./styles/govgraph.css")
public class MainLayout extends AppLayout {

    public MainLayout() {
        H1 title = new H1("govgraph");
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        title.addClassName("gg-title");

        TextField quick = new TextField();
        quick.setId("quick-search");
        quick.setPlaceholder("Search");
        quick.setAriaLabel("Search the graph and the documents");
        quick.setPrefixComponent(VaadinIcon.SEARCH.create());
        quick.setClearButtonVisible(true);
        quick.getStyle().set("max-width", "22em").set("flex", "1 1 8em").set("min-width", "6em");
        quick.addKeyPressListener(Key.ENTER, e -> {
            String q = quick.getValue().strip();
            if (!q.isEmpty()) {
                UI.getCurrent().navigate(SearchView.class, QueryParameters.simple(Map.of("q", q)));
            }
        });

        HorizontalLayout bar = new HorizontalLayout(title, quick, userMenu());
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.setWidthFull();
        bar.setSpacing(true);
        bar.getStyle().set("padding-right", "var(--lumo-space-m)").set("min-width", "0");
        bar.expand(quick);
        addToNavbar(new DrawerToggle(), bar);

        SideNav nav = new SideNav();
        nav.getElement().setAttribute("aria-label", "Views");
        item(nav, "Overview", HomeView.class, VaadinIcon.HOME);
        item(nav, "Search", SearchView.class, VaadinIcon.SEARCH);
        item(nav, "Graph explorer", ExploreView.class, VaadinIcon.CLUSTER);
        item(nav, "Path finder", PathsView.class, VaadinIcon.ROAD_BRANCHES);
        item(nav, "Comparison", CompareView.class, VaadinIcon.TABLE);
        item(nav, "Cypher", CypherView.class, VaadinIcon.CODE);
        item(nav, "Data quality", QualityView.class, VaadinIcon.CHECK_SQUARE_O);
        item(nav, "Import", ImportView.class, VaadinIcon.UPLOAD);
        addToDrawer(new Scroller(nav));
        setPrimarySection(Section.DRAWER);
    }

    private static void item(SideNav nav, String label, Class<? extends Component> view, VaadinIcon icon) {
        if (AccessControl.mayOpen(view)) {
            nav.addItem(new SideNavItem(label, view, icon.create()));
        }
    }

    private static Component userMenu() {
        SignedInUser user = CurrentUser.get().orElse(null);
        if (user == null) {
            return new Div();
        }
        MenuBar menu = new MenuBar();
        menu.setId("user-menu");
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        Icon icon = VaadinIcon.USER.create();
        Span role = new Span(user.role().id());
        role.setId("user-role");
        role.getElement().getThemeList().add("badge");
        Span name = new Span(user.username());
        name.addClassName("gg-user-name");
        HorizontalLayout who = new HorizontalLayout(icon, name, role);
        who.setAlignItems(FlexComponent.Alignment.CENTER);
        who.setSpacing(true);
        var root = menu.addItem(who);
        root.getElement()
                .setAttribute(
                        "aria-label",
                        "User menu of " + user.username() + ", role "
                                + user.role().id());
        root.getSubMenu().addItem("Sign out", e -> signOut()).setId("sign-out");
        return menu;
    }

    private static void signOut() {
        UI ui = UI.getCurrent();
        VaadinSession.getCurrent().getSession().invalidate();
        ui.getPage().setLocation(LoginView.ROUTE);
    }
}

package no.govgraph.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import no.govgraph.ui.cypher.CypherView;
import no.govgraph.ui.home.HomeView;

/** The frame of every page: title, navigation drawer, content. */
public class MainLayout extends AppLayout {

    public MainLayout() {
        H1 title = new H1("govgraph");
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        addToNavbar(new DrawerToggle(), title);

        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem("Overview", HomeView.class, VaadinIcon.HOME.create()));
        nav.addItem(new SideNavItem("Cypher", CypherView.class, VaadinIcon.CODE.create()));
        addToDrawer(new Scroller(nav));
        setPrimarySection(Section.DRAWER);
    }
}

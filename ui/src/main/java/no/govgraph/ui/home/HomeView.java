package no.govgraph.ui.home;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import no.govgraph.backend.status.GraphStatus;
import no.govgraph.backend.status.StatusService;
import no.govgraph.ui.MainLayout;

/** The landing page: what the graph holds. */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Overview · govgraph")
@Prototype
public class HomeView extends VerticalLayout {

    public HomeView(StatusService statusService) {
        GraphStatus status = statusService.status();
        add(new H2("Overview"));
        add(new Paragraph("Graph: " + status.neo4j() + " (" + status.version() + ")"));
        status.counts().forEach((label, count) -> {
            Paragraph line = new Paragraph(label + ": " + count);
            line.setId("count-" + label);
            add(line);
        });
    }
}

package no.govgraph.ui.home;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import no.govgraph.backend.status.GraphStatus;
import no.govgraph.backend.status.StatusService;
import no.govgraph.ui.MainLayout;

/** The landing page: what the graph holds, and where to start. */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Overview · govgraph")
@Prototype
public class HomeView extends VerticalLayout {

    public HomeView(StatusService statusService) {
        GraphStatus status = statusService.status();
        add(new H2("Overview"));
        add(new Paragraph("Search for an office, a leader, a tool or any words from the documents; open an entity to"
                + " see its relationships and the quotes behind each; explore the graph from there."));
        FlexLayout counts = new FlexLayout();
        counts.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        counts.getStyle().set("gap", "var(--lumo-space-m)");
        status.counts().forEach((label, count) -> {
            Div card = new Div();
            card.setId("count-" + label);
            card.getStyle()
                    .set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                    .set("border", "1px solid var(--lumo-contrast-10pct)")
                    .set("border-radius", "var(--lumo-border-radius-m)")
                    .set("min-width", "8em");
            Span number = new Span(String.valueOf(count));
            number.getStyle()
                    .set("font-size", "var(--lumo-font-size-xl)")
                    .set("font-weight", "600")
                    .set("display", "block");
            card.add(number, new Span(label));
            counts.add(card);
        });
        add(counts);
        if (status.lastImport() != null) {
            GraphStatus.LastImport last = status.lastImport();
            add(new Paragraph("Last import: " + last.startedAt() + " — " + last.files() + " files, " + last.imported()
                    + " imported, " + last.unchanged() + " unchanged, " + last.failed() + " failed."));
        }
        Paragraph where = new Paragraph("Graph: " + status.neo4j() + " (" + status.version() + ")");
        where.getStyle().set("color", "var(--lumo-secondary-text-color)");
        add(where, new Anchor("search", "Start searching"));
    }
}

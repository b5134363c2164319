package no.govgraph.ui.quality;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import no.govgraph.backend.quality.QualityService;
import no.govgraph.ingest.quality.DataQuality;
import no.govgraph.ui.MainLayout;
import no.govgraph.ui.document.DocumentView;
import no.govgraph.ui.entity.EntityView;
import no.govgraph.ui.support.Routes;

/**
 * The data-quality report: the gaps a researcher should look at before trusting a comparison. Every
 * item links to the entity or document to check or curate.
 */
@Route(value = "quality", layout = MainLayout.class)
@PageTitle("Data quality · govgraph")
@Prototype
public class QualityView extends VerticalLayout {

    private final DataQuality report;

    public QualityView(QualityService quality) {
        report = quality.report(QualityService.DEFAULT_LIMIT);
        add(new H2("Data quality"));
        Paragraph intro = new Paragraph("What the extraction could not establish. At most "
                + QualityService.DEFAULT_LIMIT + " items are listed per section.");
        intro.getStyle().set("color", "var(--lumo-secondary-text-color)");
        add(intro);
        Span unsupported = new Span(
                report.relationshipsWithoutClaim() == 0
                        ? "Every relationship rests on at least one claim with a quote."
                        : report.relationshipsWithoutClaim() + " relationships have no claim behind them.");
        unsupported.setId("quality-unsupported");
        add(unsupported);

        section("documents-without-entities", "Documents without entities", report.documentsWithoutEntities(), g -> {
            g.addComponentColumn(d -> link(DocumentView.class, d.id(), d.fileName()))
                    .setHeader("Document")
                    .setFlexGrow(3);
            g.addColumn(DataQuality.DocumentRef::kind).setHeader("Kind");
        });
        section(
                "offices-without-agreement",
                "Offices without a partnership agreement on file",
                report.officesWithoutAgreement(),
                g -> {
                    g.addComponentColumn(o -> link(EntityView.class, o.id(), o.name()))
                            .setHeader("Office")
                            .setFlexGrow(3);
                    g.addColumn(DataQuality.OfficeRef::unitNumber).setHeader("Unit");
                    g.addColumn(DataQuality.OfficeRef::documents).setHeader("Documents");
                });
        section(
                "leaders-unknown-background",
                "Leaders of unknown background",
                report.leadersWithUnknownBackground(),
                g -> {
                    g.addComponentColumn(l -> link(EntityView.class, l.id(), l.name()))
                            .setKey("leader")
                            .setHeader("Leader")
                            .setFlexGrow(2);
                    g.addColumn(l -> String.join(", ", l.offices()))
                            .setHeader("Leads")
                            .setFlexGrow(2);
                });
        section("figures-without-year", "Figures without a year", report.figuresWithoutYear(), g -> {
            g.addComponentColumn(f -> link(EntityView.class, f.officeId(), f.office()))
                    .setHeader("Office")
                    .setFlexGrow(2);
            g.addComponentColumn(f -> link(EntityView.class, f.outcomeId(), f.outcome()))
                    .setHeader("Outcome")
                    .setFlexGrow(2);
            g.addColumn(f -> f.value() == null ? "" : trim(f.value()) + " " + (f.unit() == null ? "" : f.unit()))
                    .setHeader("Value");
        });
        section("weakly-supported", "Relationships on one low-confidence claim", report.weaklySupported(), g -> {
            g.addComponentColumn(r -> link(EntityView.class, r.subjectId(), r.subject()))
                    .setHeader("From")
                    .setFlexGrow(2);
            g.addColumn(r -> r.type() + (r.period().isEmpty() ? "" : " " + r.period()))
                    .setHeader("Relationship");
            g.addComponentColumn(r -> link(EntityView.class, r.objectId(), r.object()))
                    .setHeader("To")
                    .setFlexGrow(2);
            g.addColumn(r -> String.format(Locale.ROOT, "%.2f", r.bestConfidence()))
                    .setHeader("Confidence");
        });
    }

    /** The report shown, for tests. */
    public DataQuality report() {
        return report;
    }

    private <T> void section(String id, String title, List<T> items, Consumer<Grid<T>> columns) {
        H3 heading = new H3(title + " (" + items.size() + ")");
        heading.setId(id + "-title");
        add(heading);
        if (items.isEmpty()) {
            add(new Span("None."));
            return;
        }
        Grid<T> grid = new Grid<>();
        grid.setId(id);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(items.size() <= 10);
        if (items.size() > 10) {
            grid.setHeight("22em");
        }
        columns.accept(grid);
        grid.setItems(items);
        add(grid);
    }

    private static Component link(Class<? extends Component> view, String id, String text) {
        // Anchor text is set as text: names from documents are never interpreted as HTML.
        return new Anchor(Routes.of(view, id), text == null || text.isBlank() ? id : text);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}

package no.govgraph.ui.compare;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import no.govgraph.backend.compare.CompareService;
import no.govgraph.backend.compare.Comparison;
import no.govgraph.backend.compare.OutcomePeriods;
import no.govgraph.backend.evidence.CurationService;
import no.govgraph.ui.MainLayout;
import no.govgraph.ui.entity.EntityView;
import no.govgraph.ui.evidence.EvidenceLink;
import no.govgraph.ui.evidence.EvidencePanel;
import no.govgraph.ui.support.Notifications;
import no.govgraph.ui.support.Routes;

/**
 * The research question as a page: for an outcome and period, each office's value against the tools
 * it uses (colour-scaled, sortable, every cell opening its evidence), and per tool the outcome with
 * and without it, split by leader background and partnership, with a bar chart per tool.
 */
@Route(value = "compare", layout = MainLayout.class)
@PageTitle("Comparison · govgraph")
@Prototype
public class CompareView extends VerticalLayout {

    private final CompareService compare;
    private final CurationService curation;
    private final ComboBox<OutcomePeriods> outcome = new ComboBox<>("Outcome");
    private final Select<String> period = new Select<>();
    private final VerticalLayout result = new VerticalLayout();
    private Comparison last;

    public CompareView(CompareService compare, CurationService curation) {
        this.compare = compare;
        this.curation = curation;
        setWidthFull();
        outcome.setId("compare-outcome");
        outcome.setItemLabelGenerator(OutcomePeriods::name);
        outcome.setWidth("min(20em, 100%)");
        period.setLabel("Period");
        period.setId("compare-period");
        period.setWidth("9em");
        List<OutcomePeriods> outcomes;
        try {
            outcomes = compare.outcomes();
        } catch (RuntimeException e) {
            outcomes = List.of();
            Notifications.error(e);
        }
        outcome.setItems(outcomes);
        outcome.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                period.setItems(e.getValue().periods());
                period.setValue(
                        e.getValue().periods().isEmpty()
                                ? null
                                : e.getValue().periods().get(0));
            }
        });
        period.addValueChangeListener(e -> show());
        result.setPadding(false);
        result.setId("compare-result");
        HorizontalLayout bar = new HorizontalLayout(outcome, period);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        // On a narrow window the period goes under the outcome instead of past the window's edge.
        bar.getStyle().set("flex-wrap", "wrap");
        add(new H2("Comparison"), bar, result);
        if (!outcomes.isEmpty()) {
            outcome.setValue(outcomes.get(0));
        } else {
            result.add(new Span("No outcome figures in the graph yet."));
        }
    }

    void show() {
        result.removeAll();
        if (outcome.getValue() == null) {
            return;
        }
        try {
            last = compare.compare(outcome.getValue().id(), period.getValue());
        } catch (RuntimeException e) {
            Notifications.error(e);
            return;
        }
        result.add(new H3("Offices × tools: " + last.outcome().name() + " " + last.period()
                + (last.unit() == null ? "" : " (" + last.unit() + ")")));
        result.add(matrix(last));
        result.add(new H3("With and without each tool"));
        result.add(splits("Tool", last.byTool()), chart(last.byTool()));
        result.add(new H3("By the leader's background"));
        result.add(groups(last.byLeaderBackground()));
        result.add(new H3("By partnership"));
        result.add(splits("Partnership", last.byPartnership()));
    }

    private Grid<Comparison.OfficeRow> matrix(Comparison c) {
        Grid<Comparison.OfficeRow> grid = new Grid<>();
        grid.setId("compare-matrix");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_COLUMN_BORDERS);
        grid.setAllRowsVisible(c.offices().size() <= 30);
        grid.setWidthFull();
        double min = c.offices().stream()
                .map(Comparison.OfficeRow::value)
                .filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue)
                .min()
                .orElse(0);
        double max = c.offices().stream()
                .map(Comparison.OfficeRow::value)
                .filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue)
                .max()
                .orElse(1);
        grid.addComponentColumn(r -> new Anchor(Routes.of(EntityView.class, r.id()), r.name()))
                .setHeader("Office")
                .setComparator(Comparator.comparing(Comparison.OfficeRow::name))
                .setFrozen(true)
                .setAutoWidth(true);
        grid.addComponentColumn(r -> valueCell(r, min, max))
                .setHeader(c.outcome().name())
                .setComparator(
                        Comparator.comparing(Comparison.OfficeRow::value, Comparator.nullsFirst(Double::compare)))
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        grid.addColumn(r -> r.target() == null ? "" : number(r.target()))
                .setHeader("Target")
                .setComparator(
                        Comparator.comparing(Comparison.OfficeRow::target, Comparator.nullsFirst(Double::compare)))
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(Comparison.OfficeRow::leaderBackground)
                .setHeader("Leader background")
                .setSortable(true)
                .setComparator(Comparator.comparing(Comparison.OfficeRow::leaderBackground));
        grid.addColumn(r -> String.join(", ", r.partnerKinds()))
                .setHeader("Partners")
                .setAutoWidth(true);
        for (int i = 0; i < c.tools().size(); i++) {
            int index = i;
            grid.addComponentColumn(r -> toolCell(r, index))
                    .setHeader(c.tools().get(i).name())
                    .setComparator(
                            Comparator.comparing(r -> r.tools().get(index).uses()))
                    .setTextAlign(ColumnTextAlign.CENTER)
                    .setAutoWidth(true);
        }
        grid.setItems(c.offices());
        return grid;
    }

    private Component valueCell(Comparison.OfficeRow r, double min, double max) {
        if (r.value() == null) {
            return new Span("–");
        }
        Button b = new Button(number(r.value()), e -> openEvidence(r.evidence()));
        b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        double share = max > min ? (r.value() - min) / (max - min) : 0.5;
        // From pale red (lowest) to green (highest); the number stays readable on either.
        int hue = (int) Math.round(share * 120);
        b.getStyle().set("background", "hsl(" + hue + ", 70%, 85%)").set("color", "var(--lumo-body-text-color)");
        b.setAriaLabel(r.name() + ": " + number(r.value()) + "; open the evidence");
        b.addClassName("compare-value");
        return b;
    }

    private Component toolCell(Comparison.OfficeRow r, int index) {
        Comparison.ToolCell cell = r.tools().get(index);
        if (!cell.uses()) {
            Span no = new Span("–");
            no.getElement().setAttribute("aria-label", "does not use it");
            return no;
        }
        Button b = new Button("✓", e -> openEvidence(cell.evidence()));
        b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        b.setAriaLabel(r.name() + " uses it; open the evidence");
        b.addClassName("compare-tool");
        return b;
    }

    void openEvidence(String link) {
        EvidenceLink.parse(link)
                .ifPresentOrElse(
                        l -> {
                            Dialog dialog = new Dialog();
                            dialog.setHeaderTitle("Evidence");
                            EvidencePanel panel = new EvidencePanel(curation);
                            panel.load(l.type(), l.subject(), l.object(), l.period());
                            panel.setWidth("min(40em, 90vw)");
                            dialog.add(panel);
                            Button close = new Button("Close", e -> dialog.close());
                            dialog.getFooter().add(close);
                            dialog.open();
                        },
                        () -> Notifications.info("No evidence is recorded for this cell."));
    }

    private static Grid<Comparison.Split> splits(String what, List<Comparison.Split> splits) {
        Grid<Comparison.Split> grid = new Grid<>();
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.addColumn(Comparison.Split::label)
                .setHeader(what)
                .setAutoWidth(true)
                .setComparator(Comparator.comparing(Comparison.Split::label));
        grid.addColumn(s -> s.with().n()).setHeader("n with").setTextAlign(ColumnTextAlign.END);
        grid.addColumn(s -> number(s.with().mean())).setHeader("mean with").setTextAlign(ColumnTextAlign.END);
        grid.addColumn(s -> number(s.with().median())).setHeader("median with").setTextAlign(ColumnTextAlign.END);
        grid.addColumn(s -> s.without().n()).setHeader("n without").setTextAlign(ColumnTextAlign.END);
        grid.addColumn(s -> number(s.without().mean()))
                .setHeader("mean without")
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(s -> number(s.without().median()))
                .setHeader("median without")
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(s -> number(s.difference()))
                .setHeader("difference")
                .setTextAlign(ColumnTextAlign.END)
                .setComparator(
                        Comparator.comparing(Comparison.Split::difference, Comparator.nullsFirst(Double::compare)));
        grid.setItems(splits);
        return grid;
    }

    private static Grid<Comparison.Group> groups(List<Comparison.Group> groups) {
        Grid<Comparison.Group> grid = new Grid<>();
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.addColumn(Comparison.Group::key).setHeader("Background");
        grid.addColumn(g -> g.stats().n()).setHeader("n").setTextAlign(ColumnTextAlign.END);
        grid.addColumn(g -> number(g.stats().mean())).setHeader("mean").setTextAlign(ColumnTextAlign.END);
        grid.addColumn(g -> number(g.stats().median())).setHeader("median").setTextAlign(ColumnTextAlign.END);
        grid.addColumn(g -> number(g.stats().min()) + "–" + number(g.stats().max()))
                .setHeader("range");
        grid.setItems(groups);
        return grid;
    }

    /** Mean with and without each tool as paired horizontal bars (plain elements, no chart library). */
    static Component chart(List<Comparison.Split> splits) {
        VerticalLayout chart = new VerticalLayout();
        chart.setPadding(false);
        chart.setSpacing(false);
        chart.setId("compare-chart");
        chart.getElement().setAttribute("role", "img");
        chart.getElement().setAttribute("aria-label", "Mean outcome with and without each tool");
        double max = splits.stream()
                .flatMap(s ->
                        java.util.stream.Stream.of(s.with().mean(), s.without().mean()))
                .filter(Objects::nonNull)
                .mapToDouble(Math::abs)
                .max()
                .orElse(1);
        for (Comparison.Split s : splits) {
            Span label = new Span(s.label());
            label.getStyle().set("font-weight", "600");
            chart.add(
                    label,
                    bar("with", s.with(), max, "var(--lumo-primary-color)"),
                    bar("without", s.without(), max, "var(--lumo-contrast-40pct)"));
        }
        return chart;
    }

    private static Component bar(String what, Comparison.Stats stats, double max, String colour) {
        Div track = new Div();
        track.getStyle()
                .set("flex", "1")
                .set("background", "var(--lumo-contrast-5pct)")
                .set("height", "0.9em");
        Div fill = new Div();
        double share = stats.mean() == null || max == 0 ? 0 : Math.abs(stats.mean()) / max;
        fill.getStyle()
                .set("width", String.format(Locale.ROOT, "%.1f%%", share * 100))
                .set("height", "100%")
                .set("background", colour);
        track.add(fill);
        Span name = new Span(what);
        name.setWidth("5em");
        Span value = new Span(stats.mean() == null ? "no data" : number(stats.mean()) + " (n=" + stats.n() + ")");
        value.setWidth("8em");
        HorizontalLayout row = new HorizontalLayout(name, track, value);
        row.setWidthFull();
        row.setAlignItems(FlexComponent.Alignment.CENTER);
        return row;
    }

    static String number(Double v) {
        if (v == null) {
            return "";
        }
        return v == Math.rint(v) ? String.valueOf(v.longValue()) : String.format(Locale.ROOT, "%.2f", v);
    }

    public Comparison last() {
        return last;
    }
}

package no.govgraph.ui.cypher;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.DownloadHandler;
import io.micronaut.context.annotation.Prototype;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import no.govgraph.backend.cypher.CypherResult;
import no.govgraph.backend.cypher.CypherService;
import no.govgraph.backend.cypher.SavedQueryService;
import no.govgraph.backend.cypher.Schema;
import no.govgraph.backend.cypher.SchemaService;
import no.govgraph.backend.user.Role;
import no.govgraph.ui.MainLayout;
import no.govgraph.ui.components.CypherEditor;
import no.govgraph.ui.components.GraphComponent;
import no.govgraph.ui.session.CurrentUser;
import no.govgraph.ui.session.RequiresRole;
import no.govgraph.ui.support.Background;
import no.govgraph.ui.support.Notifications;

/**
 * The Cypher workbench for analysts: an editor with completion from the graph's schema, parameters,
 * Ctrl/Cmd-Enter to run, the result as a sortable paged table and as a graph, refusals and errors
 * next to the query, the session's history, and CSV/JSON export.
 */
@Route(value = "cypher", layout = MainLayout.class)
@PageTitle("Cypher · govgraph")
@RequiresRole(Role.ANALYST)
@Prototype
public class CypherView extends VerticalLayout {

    static final String EXAMPLE = "MATCH (o:Office)-[r]->(x)\nRETURN o, r, x\nLIMIT 50";

    private final CypherWorkbench workbench;
    private final SchemaService schema;
    private final SavedQueriesBar savedQueries;
    private final CypherEditor editor = new CypherEditor();
    private final ParametersPanel parameters = new ParametersPanel();
    private final Button run = new Button("Run", VaadinIcon.PLAY.create());
    private final ProgressBar running = new ProgressBar();
    private final Div problem = new Div();
    private final Span summary = new Span();
    private final ResultTable table = new ResultTable();
    private final GraphComponent graph = new GraphComponent();
    private final TabSheet results = new TabSheet();
    private final HorizontalLayout exports = new HorizontalLayout();
    private final VerticalLayout historyList = new VerticalLayout();
    private CypherResult last;

    public CypherView(CypherService cypher, SchemaService schema, SavedQueryService saved) {
        this.schema = schema;
        String user = CurrentUser.get().map(u -> u.username()).orElse("anonymous");
        this.workbench =
                new CypherWorkbench((q, p) -> cypher.run(q, p, user), QueryHistory.of(VaadinSession.getCurrent()));
        this.savedQueries = new SavedQueriesBar(saved, editor::getValue, q -> {
            editor.setValue(q.query());
            Map<String, String> values = new java.util.LinkedHashMap<>();
            q.parameters().forEach(name -> values.put(name, ""));
            parameters.setValues(values);
        });
        setSizeFull();
        addClassName("cypher-view");

        editor.setId("cypher-editor");
        editor.setValue(EXAMPLE);
        editor.setHeight("180px");
        editor.addRunListener(e -> runQuery(e.query()));
        editor.addValueChangeListener(e -> parameters.offer(CypherWorkbench.parametersIn(e.getValue())));

        run.setId("run-query");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        run.addClickListener(e -> runQuery(editor.getValue()));
        run.setTooltipText("Run (Ctrl+Enter or Cmd+Enter in the editor)");
        running.setIndeterminate(true);
        running.setVisible(false);
        running.setWidth("8em");
        running.getElement().setAttribute("aria-label", "Running the query");

        problem.setId("query-problem");
        problem.getElement().setAttribute("role", "alert");
        problem.addClassName("query-problem");
        problem.getStyle()
                .set("color", "var(--lumo-error-text-color)")
                .set("background", "var(--lumo-error-color-10pct)")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("border-radius", "var(--lumo-border-radius-m)")
                .set("white-space", "pre-wrap");
        problem.setVisible(false);
        summary.setId("query-summary");

        exports.setVisible(false);

        Details params = new Details("Parameters", parameters);
        params.setOpened(false);

        HorizontalLayout actions = new HorizontalLayout(run, running, summary, exports);
        actions.setAlignItems(FlexComponent.Alignment.CENTER);
        actions.getStyle().set("flex-wrap", "wrap");

        graph.setHeight("460px");
        results.add("Table", table);
        results.add("Graph", graph);
        results.setWidthFull();
        results.setVisible(false);

        historyList.setPadding(false);
        historyList.setSpacing(false);
        historyList.setId("query-history");
        Details history = new Details("History of this session", historyList);

        add(new H2("Cypher"), savedQueries, editor, params, actions, problem, results, history);
        refreshHistory();
        loadSchema();
    }

    private void loadSchema() {
        try {
            Schema s = schema.schema();
            Set<String> keys = new TreeSet<>();
            s.propertyKeys().values().forEach(keys::addAll);
            s.relationshipPropertyKeys().values().forEach(keys::addAll);
            editor.setSchema(s.labels(), s.relationshipTypes(), keys, List.of());
        } catch (RuntimeException e) {
            // Completion then offers the keywords only; the workbench works without the schema.
            editor.setSchema(List.of(), List.of(), List.of(), List.of());
        }
    }

    void runQuery(String query) {
        if (query != null && !query.equals(editor.getValue())) {
            editor.setValue(query);
        }
        String text = editor.getValue();
        Map<String, String> values = parameters.values();
        run.setEnabled(false);
        running.setVisible(true);
        summary.setText("Running…");
        problem.setVisible(false);
        Background.run(
                UI.getCurrent(),
                () -> workbench.run(text, values),
                this::show,
                e -> show(new QueryOutcome.Failed(QueryOutcome.Kind.ERROR, Notifications.message(e))));
    }

    private void show(QueryOutcome outcome) {
        run.setEnabled(true);
        running.setVisible(false);
        refreshHistory();
        if (outcome instanceof QueryOutcome.Ran ran) {
            CypherResult result = ran.result();
            last = result;
            summary.setText(CypherWorkbench.summary(outcome));
            table.show(result.columns(), result.rows());
            results.setVisible(true);
            boolean hasGraph = !result.graph().nodes().isEmpty();
            graph.setGraph(result.graph());
            results.getTabAt(1).setEnabled(hasGraph);
            if (!hasGraph) {
                results.setSelectedIndex(0);
            }
            showExports(result);
        } else {
            QueryOutcome.Failed failed = (QueryOutcome.Failed) outcome;
            summary.setText("");
            problem.setText(failed.kind().title() + ": " + failed.message());
            problem.getElement().setAttribute("data-kind", failed.kind().name().toLowerCase(Locale.ROOT));
            problem.setVisible(true);
        }
    }

    private void showExports(CypherResult result) {
        exports.removeAll();
        Anchor csv = new Anchor(download("govgraph-result.csv", "text/csv", () -> ResultFiles.csv(result)), "CSV");
        Anchor json = new Anchor(
                download("govgraph-result.json", "application/json", () -> ResultFiles.json(result)), "JSON");
        csv.setId("export-csv");
        json.setId("export-json");
        csv.getElement().setAttribute("aria-label", "Download the result as CSV");
        json.getElement().setAttribute("aria-label", "Download the result as JSON");
        exports.add(new Span("Export:"), csv, json);
        exports.setVisible(true);
    }

    private static DownloadHandler download(String name, String type, Supplier<String> body) {
        return event -> {
            byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
            event.setFileName(name);
            event.setContentType(type + "; charset=utf-8");
            event.setContentLength(bytes.length);
            event.getOutputStream().write(bytes);
        };
    }

    private void refreshHistory() {
        historyList.removeAll();
        List<QueryHistory.Entry> entries = workbench.history();
        if (entries.isEmpty()) {
            historyList.add(new Span("No queries yet."));
        }
        for (QueryHistory.Entry entry : entries) {
            Button again = new Button(firstLine(entry.query()), e -> {
                editor.setValue(entry.query());
                parameters.setValues(entry.parameters());
            });
            again.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            again.setTooltipText(entry.query());
            again.setAriaLabel("Load the query: " + entry.query());
            Span meta = new Span(entry.at() + " · " + entry.summary());
            meta.getStyle()
                    .set("color", entry.failed() ? "var(--lumo-error-text-color)" : "var(--lumo-secondary-text-color)");
            FlexLayout line = new FlexLayout(again, meta);
            line.setFlexWrap(FlexLayout.FlexWrap.WRAP);
            line.getStyle().set("gap", "var(--lumo-space-s)");
            historyList.add(line);
        }
    }

    private static String firstLine(String query) {
        String oneLine = query.strip().replaceAll("\\s+", " ");
        return oneLine.length() > 80 ? oneLine.substring(0, 79) + "…" : oneLine;
    }

    CypherResult lastResult() {
        return last;
    }

    CypherEditor editor() {
        return editor;
    }

    ResultTable table() {
        return table;
    }

    GraphComponent graph() {
        return graph;
    }

    Div problem() {
        return problem;
    }
}

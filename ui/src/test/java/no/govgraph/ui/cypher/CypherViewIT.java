package no.govgraph.ui.cypher;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import no.govgraph.backend.user.Role;
import no.govgraph.testsupport.UiSampleGraph;
import no.govgraph.ui.session.TestUsers;
import no.govgraph.ui.support.UiTestContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Cypher workbench on a real (test) Neo4j, without a browser. */
class CypherViewIT {

    private CypherView view;

    @BeforeAll
    static void graph() {
        UiTestContext.neo4j().clear();
        UiSampleGraph.load(UiTestContext.neo4j().driver());
    }

    @BeforeEach
    void open() {
        UiTestContext.setUp();
        TestUsers.signIn("anna", Role.ANALYST);
        UI.getCurrent().navigate(CypherView.class);
        view = _get(CypherView.class);
    }

    @AfterEach
    void close() {
        UiTestContext.tearDown();
    }

    private void run(String query) {
        view.editor().setValue(query);
        _click(_get(Button.class, spec -> spec.withId("run-query")));
        MockVaadin.runUIQueue();
    }

    @Test
    void showsRowsAsATableAndNodesAsAGraph() {
        run("MATCH (o:Office)-[r:USES_TOOL]->(t:Tool) RETURN o, r, t, t.name AS tool ORDER BY tool");

        assertThat(view.problem().isVisible()).isFalse();
        assertThat(view.table().visibleRows()).hasSize(2);
        assertThat(view.table().grid().getColumns())
                .extracting(c -> c.getHeaderText())
                .containsExactly("o", "r", "t", "tool");
        assertThat(view.graph().nodes()).extracting(n -> n.caption()).contains("Nav Frogner", "Nav Moss");
        assertThat(view.graph().edges()).extracting(e -> e.type()).containsOnly("USES_TOOL");
        assertThat(_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("query-summary"))
                        .getText())
                .startsWith("2 rows in");
    }

    @Test
    void refusesAWriteQueryAndSaysWhyNextToTheQuery() {
        run("CREATE (:Office {id: 'office:9999', name: 'Intruder'})");

        assertThat(view.problem().isVisible()).isTrue();
        assertThat(view.problem().getText()).startsWith("Refused").contains("CREATE");
        assertThat(view.problem().getElement().getAttribute("data-kind")).isEqualTo("refused");
        long offices = UiTestContext.neo4j()
                .driver()
                .executableQuery("MATCH (o:Office {id: 'office:9999'}) RETURN count(o) AS n")
                .execute()
                .records()
                .get(0)
                .get("n")
                .asLong();
        assertThat(offices).isZero();
    }

    @Test
    void explainsASyntaxError() {
        run("MATCH (o:Office RETURN o");

        assertThat(view.problem().getText()).startsWith("Not valid Cypher");
        assertThat(view.problem().getElement().getAttribute("data-kind")).isEqualTo("invalid");
    }

    @Test
    void runsWithParametersReadAsJsonOrText() {
        view.editor().setValue("MATCH (o:Office {unitNumber: $unit}) RETURN o.name AS name");
        // The panel offers a row for each $name the query uses.
        ParametersPanel panel = _get(ParametersPanel.class);
        assertThat(panel.values()).containsOnlyKeys("unit");
        panel.setValues(java.util.Map.of("unit", "0301"));
        _click(_get(Button.class, spec -> spec.withId("run-query")));
        MockVaadin.runUIQueue();

        assertThat(view.lastResult().rows()).containsExactly(java.util.List.of("Nav Frogner"));
    }

    @Test
    void keepsTheSessionsQueriesInItsHistory() {
        run("MATCH (t:Tool) RETURN t.name AS name");
        run("DELETE nothing");

        UI.getCurrent().navigate(CypherView.class);
        var history =
                new CypherWorkbench(null, QueryHistory.of(com.vaadin.flow.server.VaadinSession.getCurrent())).history();
        assertThat(history)
                .extracting(QueryHistory.Entry::query)
                .startsWith("DELETE nothing", "MATCH (t:Tool) RETURN t.name AS name");
        assertThat(history.get(0).failed()).isTrue();
        assertThat(history.get(1).summary()).startsWith("2 rows");
    }

    @Test
    void sortsAllRowsNotOnlyThePageAndPages() {
        run("UNWIND range(1, 120) AS i RETURN i ORDER BY i");
        ResultTable table = view.table();
        assertThat(table.visibleRows()).hasSize(ResultTable.PAGE_SIZE);

        var column = table.grid().getColumns().get(0);
        table.grid()
                .sort(java.util.List.of(new com.vaadin.flow.component.grid.GridSortOrder<>(
                        column, com.vaadin.flow.data.provider.SortDirection.DESCENDING)));
        assertThat(table.visibleRows().get(0)).containsExactly(120L);

        _click(_get(table, Button.class, spec -> spec.withAttribute("aria-label", "Next page")));
        assertThat(table.currentPage()).isEqualTo(1);
        assertThat(table.visibleRows().get(0)).containsExactly(70L);
    }

    @Test
    void savesTheQueryForEveryAnalystAndOpensASavedOne() {
        view.editor().setValue("MATCH (o:Office {unitNumber: $unit}) RETURN o.name AS name");
        _click(_get(Button.class, spec -> spec.withId("save-query")));
        com.vaadin.flow.component.dialog.Dialog dialog = _get(com.vaadin.flow.component.dialog.Dialog.class);
        com.github.mvysny.kaributesting.v10.LocatorJ._setValue(
                _get(dialog, com.vaadin.flow.component.textfield.TextField.class, spec -> spec.withLabel("Name")),
                "office-by-unit");
        _click(_find(dialog, Button.class, spec -> spec.withText("Save")).get(0));

        var saved = UiTestContext.beans()
                .getBean(no.govgraph.backend.cypher.SavedQueryService.class)
                .get("office-by-unit");
        assertThat(saved.owner()).isEqualTo("anna");
        assertThat(saved.parameters()).containsExactly("unit");

        UI.getCurrent().navigate(CypherView.class);
        view = _get(CypherView.class);
        view.editor().setValue("RETURN 1");
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.combobox.ComboBox<no.govgraph.backend.cypher.SavedQuery> open =
                _get(com.vaadin.flow.component.combobox.ComboBox.class, spec -> spec.withId("saved-queries"));
        com.github.mvysny.kaributesting.v10.LocatorJ._setValue(open, saved);
        assertThat(view.editor().getValue()).isEqualTo("MATCH (o:Office {unitNumber: $unit}) RETURN o.name AS name");
        assertThat(_get(ParametersPanel.class).values()).containsOnlyKeys("unit");
    }
}

package no.govgraph.ui.browse;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import java.util.stream.Collectors;
import no.govgraph.backend.user.Role;
import no.govgraph.testsupport.UiSampleGraph;
import no.govgraph.ui.components.GraphComponent;
import no.govgraph.ui.document.DocumentView;
import no.govgraph.ui.entity.EntityView;
import no.govgraph.ui.explore.ExploreView;
import no.govgraph.ui.paths.PathsView;
import no.govgraph.ui.search.SearchView;
import no.govgraph.ui.session.TestUsers;
import no.govgraph.ui.support.Routes;
import no.govgraph.ui.support.UiTestContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Search, entity, document, graph explorer and path finder on the UI sample graph, without a browser. */
class BrowseViewsIT {

    @BeforeAll
    static void graph() {
        UiTestContext.neo4j().clear();
        UiSampleGraph.load(UiTestContext.neo4j().driver());
        UiTestContext.neo4j()
                .driver()
                .executableQuery("CALL db.awaitIndexes(60)")
                .execute();
    }

    @BeforeEach
    void setUp() {
        UiTestContext.setUp();
        TestUsers.signIn("rita", Role.READER);
    }

    @AfterEach
    void tearDown() {
        UiTestContext.tearDown();
    }

    private static String text(Component root) {
        return root.getElement().getTextRecursively();
    }

    @Test
    void searchFindsTheOfficeAndPassagesWithMarkedMatches() {
        UI.getCurrent().navigate("search", QueryParameters.fromString("q=Frogner"));
        SearchView view = _get(SearchView.class);

        assertThat(view.lastResult().hits()).extracting(h -> h.title()).contains("Nav Frogner");
        List<Anchor> titles = _find(Anchor.class, spec -> spec.withClasses("search-hit-title"));
        assertThat(titles).extracting(Anchor::getText).contains("Nav Frogner", "Samarbeidsavtale Nav Frogner 2014");
        assertThat(titles.stream()
                        .filter(a -> a.getText().equals("Nav Frogner"))
                        .findFirst()
                        .orElseThrow()
                        .getHref())
                .isEqualTo("entity/office:0301");
        List<Span> marks = _find(Span.class, spec -> spec.withClasses("hl"));
        assertThat(marks).extracting(Span::getText).anyMatch(t -> t.equalsIgnoreCase("Frogner"));
        assertThat(_get(Span.class, spec -> spec.withId("search-count")).getText())
                .startsWith("Matches 1–");
    }

    @Test
    void entityPageGroupsRelationshipsAndOpensTheirEvidence() {
        UI.getCurrent().navigate(Routes.of(EntityView.class, UiSampleGraph.FROGNER));
        EntityView view = _get(EntityView.class);

        assertThat(_get(H2.class, spec -> spec.withId("entity-name")).getText()).isEqualTo("Nav Frogner");
        assertThat(_get(Span.class, spec -> spec.withId("entity-aliases")).getText())
                .contains("NAV Frogner");
        assertThat(view.entity().relationships())
                .extracting(g -> g.type())
                .contains("USES_TOOL", "PARTNERS_WITH", "LEADS", "ACHIEVED");

        Details tool = _find(Details.class, spec -> spec.withClasses("relationship")).stream()
                .filter(d -> "tool:balansert-malstyring".equals(d.getElement().getAttribute("data-other")))
                .findFirst()
                .orElseThrow();
        tool.setOpened(true);

        Div quote = _get(tool, Div.class, spec -> spec.withClasses("claim-quote"));
        assertThat(quote.getText()).contains("Kontoret bruker balansert målstyring.");
        Anchor document = _get(tool, Anchor.class, spec -> spec.withClasses("claim-document"));
        assertThat(document.getText()).isEqualTo("Samarbeidsavtale Nav Frogner 2014");
        assertThat(document.getHref()).startsWith("document/" + UiSampleGraph.AGREEMENT + "#passage-");
        // A reader sees the evidence but cannot curate it.
        assertThat(_find(tool, Button.class, spec -> spec.withText("Accept"))).isEmpty();
    }

    @Test
    void archivistsAcceptAndRejectClaims() {
        TestUsers.signIn("arne", Role.ARCHIVIST);
        UI.getCurrent().navigate(Routes.of(EntityView.class, UiSampleGraph.MOSS));
        Details tool = _find(Details.class, spec -> spec.withClasses("relationship")).stream()
                .filter(d -> "tool:resultattavler".equals(d.getElement().getAttribute("data-other")))
                .findFirst()
                .orElseThrow();
        tool.setOpened(true);

        com.github.mvysny.kaributesting.v10.LocatorJ._click(_get(tool, Button.class, spec -> spec.withText("Accept")));

        assertThat(_get(tool, Span.class, spec -> spec.withClasses("claim-status"))
                        .getText())
                .isEqualTo("accepted");
        String status = UiTestContext.neo4j()
                .driver()
                .executableQuery("MATCH (c:Claim {type: 'USES_TOOL', subjectId: 'office:0104'}) RETURN c.status AS s")
                .execute()
                .records()
                .get(0)
                .get("s")
                .asString();
        assertThat(status).isEqualTo("accepted");
    }

    @Test
    void documentPageShowsPassagesWithMentionsAndPayloadsAsText() {
        UI.getCurrent().navigate(Routes.of(DocumentView.class, UiSampleGraph.XSS_DOCUMENT));
        DocumentView view = _get(DocumentView.class);

        assertThat(_get(H2.class, spec -> spec.withId("document-title")).getText())
                .isEqualTo("<script>alert(1)</script> Notat");
        Div passages = _get(Div.class, spec -> spec.withClasses("passage"));
        assertThat(passages.getElement().getTextRecursively())
                .isEqualTo(
                        "Intervju: <script>alert(1)</script> og <img src=x onerror=alert(1)> ble nevnt av Nav Sarpsborg.");
        // Text, never markup: no element of the page was made from the payload.
        assertThat(passages.getElement().getChildren().flatMap(e -> e.getChildren()))
                .allMatch(e -> e.getTag().equals("span") || e.isTextNode());
        assertThat(_find(Span.class, spec -> spec.withClasses("mention")))
                .extracting(Span::getText)
                .contains("Nav Sarpsborg");
        assertThat(text(view)).contains("Claims read in it (1)");
        assertThat(_get(Anchor.class, spec -> spec.withId("document-download")).getHref())
                .isNotBlank();
    }

    @Test
    void explorerShowsTheNeighbourhoodExpandsNodesAndShowsEdgeEvidence() {
        UI.getCurrent().navigate(Routes.of(ExploreView.class, UiSampleGraph.FROGNER));
        ExploreView view = _get(ExploreView.class);
        GraphComponent graph = _get(GraphComponent.class);

        assertThat(graph.nodes())
                .extracting(n -> n.id())
                .contains(UiSampleGraph.FROGNER, "tool:balansert-malstyring", "outcome:overgang-til-arbeid")
                .doesNotContain(UiSampleGraph.MOSS);
        assertThat(graph.edges()).isNotEmpty().allSatisfy(e -> assertThat(e.properties())
                .doesNotContainKey("sources"));

        ComponentUtil.fireEvent(graph, new GraphComponent.ExpandEvent(graph, true, "outcome:overgang-til-arbeid"));
        assertThat(graph.nodes()).extracting(n -> n.id()).contains(UiSampleGraph.MOSS);

        var edge = graph.edges().stream()
                .filter(e -> e.type().equals("USES_TOOL"))
                .findFirst()
                .orElseThrow();
        ComponentUtil.fireEvent(graph, new GraphComponent.EdgeClickEvent(graph, true, edge.id()));
        assertThat(text(view.side())).contains("Kontoret bruker balansert målstyring.");
    }

    @Test
    void pathFinderDrawsAndListsTheShortestPaths() {
        UI.getCurrent()
                .navigate(
                        "paths",
                        QueryParameters.simple(
                                java.util.Map.of("from", UiSampleGraph.FROGNER, "to", UiSampleGraph.MOSS)));
        PathsView view = _get(PathsView.class);

        assertThat(view.last().paths()).isNotEmpty();
        String lines = _find(Div.class, spec -> spec.withClasses("path")).stream()
                .map(Div::getText)
                .collect(Collectors.joining("\n"));
        assertThat(lines).contains("Nav Frogner —ACHIEVED→ Overgang til arbeid ←ACHIEVED— Nav Moss");
        assertThat(_get(GraphComponent.class).nodes()).hasSizeGreaterThanOrEqualTo(3);
    }
}

package no.govgraph.ui.quality;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import no.govgraph.backend.user.Role;
import no.govgraph.ingest.quality.DataQuality;
import no.govgraph.testsupport.UiSampleGraph;
import no.govgraph.ui.session.TestUsers;
import no.govgraph.ui.support.UiTestContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The data-quality page on the UI sample graph: its findings, linked, and hostile names kept as text. */
class QualityViewIT {

    @BeforeAll
    static void graph() {
        UiTestContext.neo4j().clear();
        UiSampleGraph.load(UiTestContext.neo4j().driver());
    }

    @BeforeEach
    void setUp() {
        UiTestContext.setUp();
        TestUsers.signIn("rita", Role.READER);
        UI.getCurrent().navigate(QualityView.class);
    }

    @AfterEach
    void tearDown() {
        UiTestContext.tearDown();
    }

    @Test
    void listsLeadersOfUnknownBackgroundWithLinksAndTheirNamesAsText() {
        QualityView view = _get(QualityView.class);

        assertThat(view.report().leadersWithUnknownBackground())
                .extracting(l -> l.id())
                .containsExactly(UiSampleGraph.XSS_LEADER);
        assertThat(view.report().relationshipsWithoutClaim()).isZero();
        assertThat(view.getElement().getTextRecursively())
                .contains("Leaders of unknown background (1)", "Every relationship rests on at least one claim");
        @SuppressWarnings("unchecked")
        Grid<DataQuality.LeaderRef> leaders = _get(Grid.class, spec -> spec.withId("leaders-unknown-background"));
        Anchor leader = (Anchor) GridKt._getCellComponent(leaders, 0, "leader");
        assertThat(leader.getHref()).isEqualTo("entity/" + UiSampleGraph.XSS_LEADER);
        assertThat(leader.getText()).isEqualTo("<script>alert(1)</script><img src=x onerror=alert(1)>");
        assertThat(leader.getElement().getChildren())
                .allSatisfy(c -> assertThat(c.isTextNode()).isTrue());
    }
}

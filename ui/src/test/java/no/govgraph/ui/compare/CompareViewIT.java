package no.govgraph.ui.compare;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dialog.Dialog;
import no.govgraph.backend.compare.Comparison;
import no.govgraph.backend.user.Role;
import no.govgraph.testsupport.UiSampleGraph;
import no.govgraph.ui.evidence.EvidencePanel;
import no.govgraph.ui.session.TestUsers;
import no.govgraph.ui.support.UiTestContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The comparison on the UI sample graph: the matrix, the with/without summary and cell evidence. */
class CompareViewIT {

    @BeforeAll
    static void graph() {
        UiTestContext.neo4j().clear();
        UiSampleGraph.load(UiTestContext.neo4j().driver());
    }

    @BeforeEach
    void setUp() {
        UiTestContext.setUp();
        TestUsers.signIn("rita", Role.READER);
        UI.getCurrent().navigate(CompareView.class);
    }

    @AfterEach
    void tearDown() {
        UiTestContext.tearDown();
    }

    @Test
    void comparesOfficesWithAndWithoutEachTool() {
        Comparison c = _get(CompareView.class).last();

        assertThat(c.outcome().name()).isEqualTo("Overgang til arbeid");
        assertThat(c.period()).isEqualTo("2014");
        Comparison.Split bms = c.byTool().stream()
                .filter(s -> s.label().equals("Balansert målstyring"))
                .findFirst()
                .orElseThrow();
        assertThat(bms.with().mean()).isEqualTo(62.0);
        assertThat(bms.without().mean()).isEqualTo(55.0);
        assertThat(_get(CompareView.class).getElement().getTextRecursively()).contains("With and without each tool");
    }

    @Test
    void opensTheEvidenceOfAValueCell() {
        CompareView view = _get(CompareView.class);
        Comparison.OfficeRow frogner = view.last().offices().stream()
                .filter(r -> r.id().equals(UiSampleGraph.FROGNER))
                .findFirst()
                .orElseThrow();

        view.openEvidence(frogner.evidence());

        Dialog dialog = _get(Dialog.class);
        assertThat(_get(dialog, EvidencePanel.class).getElement().getTextRecursively())
                .contains("Nav Frogner oppnådde 62 prosent overgang til arbeid i 2014");
        _click(_find(dialog, com.vaadin.flow.component.button.Button.class, spec -> spec.withText("Close"))
                .get(0));
    }
}

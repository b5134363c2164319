package no.govgraph.ui.importing;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import java.io.File;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import no.govgraph.backend.importjob.ImportPipeline;
import no.govgraph.backend.user.Role;
import no.govgraph.ui.home.HomeView;
import no.govgraph.ui.session.TestUsers;
import no.govgraph.ui.support.UiTestContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The import page: files in, a run with live progress, its report and the history. */
class ImportViewIT {

    @BeforeEach
    void setUp() {
        UiTestContext.setUp();
    }

    @AfterEach
    void tearDown() {
        UiTestContext.tearDown();
    }

    private static File file(String name, String content) throws Exception {
        File f = Files.createTempFile("upload", name).toFile();
        Files.writeString(f.toPath(), content);
        return f;
    }

    @Test
    void importsUploadedFilesAndShowsTheReportWithFailures() throws Exception {
        TestUsers.signIn("arne", Role.ARCHIVIST);
        UI.getCurrent().navigate(ImportView.class);
        ImportView view = _get(ImportView.class);

        view.receive("avtale.txt", file(".txt", "Nav Frogner bruker balansert målstyring."));
        view.receive("skadet.broken", file(".broken", "%PDF-broken"));
        view.updateWaiting();
        view.startImport();
        assertThat(view.currentJob()).isNotNull();

        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (view.currentJob() != null && Instant.now().isBefore(deadline)) {
            view.poll();
            Thread.sleep(100);
        }

        assertThat(view.currentJob()).isNull();
        assertThat(_get(Span.class, spec -> spec.withId("import-counts")).getText())
                .startsWith("Imported 1, unchanged 0, failed 1");
        @SuppressWarnings("unchecked")
        Grid<ImportPipeline.Failure> failures = _get(Grid.class, spec -> spec.withId("import-failures"));
        assertThat(failures.getGenericDataView().getItems().toList())
                .extracting(ImportPipeline.Failure::path, ImportPipeline.Failure::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("skadet.broken", "not a document"));
    }

    @Test
    void isForArchivistsOnly() {
        TestUsers.signIn("anna", Role.ANALYST);
        UI.getCurrent().navigate(ImportView.class);

        assertThat(_find(ImportView.class)).isEmpty();
        assertThat(_find(HomeView.class)).hasSize(1);
    }
}

package no.govgraph.ui.importing;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.shared.Registration;
import io.micronaut.context.annotation.Prototype;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import no.govgraph.backend.importjob.ImportJobService;
import no.govgraph.backend.importjob.ImportJobView;
import no.govgraph.backend.importjob.ImportPipeline;
import no.govgraph.backend.support.PageRequest;
import no.govgraph.backend.user.Role;
import no.govgraph.ui.MainLayout;
import no.govgraph.ui.session.CurrentUser;
import no.govgraph.ui.session.RequiresRole;
import no.govgraph.ui.support.Notifications;

/**
 * Imports for archivists: drop files or a zip, start the import, watch its progress live (the page
 * polls while a run is going on), then read its report with the failures and their reasons; below,
 * the history of runs.
 */
@Route(value = "import", layout = MainLayout.class)
@PageTitle("Import · govgraph")
@RequiresRole(Role.ARCHIVIST)
@Prototype
public class ImportView extends VerticalLayout {

    static final int POLL_MS = 700;

    /** A file received by the upload component, waiting for "Import". */
    record Received(String name, File file) {}

    private final ImportJobService jobs;
    private final List<Received> received = new ArrayList<>();
    private final Upload upload;
    private final Button start = new Button("Import");
    private final Span waiting = new Span();
    private final ProgressBar progress = new ProgressBar();
    private final Span progressText = new Span();
    private final VerticalLayout report = new VerticalLayout();
    private final Grid<ImportJobView> history = new Grid<>();
    private String current;
    private Registration polling;

    public ImportView(ImportJobService jobs) {
        this.jobs = jobs;
        setWidthFull();
        upload = new Upload(UploadHandler.toTempFile((metadata, file) -> receive(metadata.fileName(), file)));
        upload.setId("import-upload");
        upload.setMaxFiles(500);
        upload.setDropLabel(new Span("Drop documents or a zip here"));
        upload.getElement().setAttribute("aria-label", "Files to import");
        upload.addAllFinishedListener(e -> updateWaiting());
        start.setId("import-start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.setEnabled(false);
        start.addClickListener(e -> startImport());
        progress.setVisible(false);
        progress.setId("import-progress");
        progressText.setId("import-progress-text");
        progressText.getElement().setAttribute("aria-live", "polite");
        report.setPadding(false);
        report.setId("import-report");

        history.setId("import-history");
        history.addThemeVariants(GridVariant.LUMO_COMPACT);
        history.setAllRowsVisible(true);
        history.addColumn(ImportJobView::createdAt).setHeader("Uploaded").setAutoWidth(true);
        history.addColumn(ImportJobView::createdBy).setHeader("By");
        history.addColumn(ImportJobView::status).setHeader("Status");
        history.addColumn(j -> String.join(", ", j.files())).setHeader("Files").setFlexGrow(1);
        history.addColumn(j -> j.imported() == null ? "" : String.valueOf(j.imported()))
                .setHeader("Imported");
        history.addColumn(j -> j.unchanged() == null ? "" : String.valueOf(j.unchanged()))
                .setHeader("Unchanged");
        history.addColumn(ImportJobView::failed).setHeader("Failed");
        history.addItemClickListener(e -> showReport(e.getItem()));

        Paragraph help = new Paragraph("PDF, Word, OpenDocument, RTF, HTML, text, e-mail (with attachments) and zip"
                + " archives. A file imported before is recognised by its content and not imported twice.");
        add(
                new H2("Import"),
                help,
                upload,
                waiting,
                start,
                progress,
                progressText,
                report,
                new H3("Earlier runs"),
                history);
        if (!jobs.isAvailable()) {
            upload.setVisible(false);
            start.setVisible(false);
            waiting.setText("Imports are not available in this build.");
        }
        refreshHistory();
    }

    /** A file arrived (from the upload component; tests hand files in here directly). */
    void receive(String name, File file) {
        synchronized (received) {
            received.add(new Received(name, file));
        }
    }

    void updateWaiting() {
        int n;
        synchronized (received) {
            n = received.size();
        }
        waiting.setText(n == 0 ? "" : n + (n == 1 ? " file is" : " files are") + " ready to import.");
        start.setEnabled(n > 0 && current == null);
    }

    void startImport() {
        List<Received> files;
        synchronized (received) {
            files = List.copyOf(received);
            received.clear();
        }
        List<ImportJobService.Upload> uploads = new ArrayList<>();
        for (Received r : files) {
            uploads.add(new ImportJobService.Upload(r.name(), open(r.file())));
        }
        try {
            ImportJobView job =
                    jobs.submit(uploads, CurrentUser.get().orElseThrow().username());
            current = job.id();
            upload.clearFileList();
            start.setEnabled(false);
            waiting.setText("");
            report.removeAll();
            progress.setVisible(true);
            progress.setIndeterminate(true);
            progressText.setText("Queued…");
            startPolling();
        } catch (RuntimeException e) {
            Notifications.error(e);
        } finally {
            files.forEach(r -> r.file().delete());
        }
    }

    private static InputStream open(File file) {
        try {
            return Files.newInputStream(file.toPath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void startPolling() {
        UI ui = UI.getCurrent();
        ui.setPollInterval(POLL_MS);
        if (polling == null) {
            polling = ui.addPollListener(e -> poll());
        }
    }

    private void stopPolling() {
        getUI().ifPresent(ui -> ui.setPollInterval(-1));
        if (polling != null) {
            polling.remove();
            polling = null;
        }
    }

    /** One step of the live progress; public for tests, which have no poll timer. */
    public void poll() {
        if (current == null) {
            stopPolling();
            return;
        }
        ImportJobView job;
        try {
            job = jobs.job(current);
        } catch (RuntimeException e) {
            stopPolling();
            Notifications.error(e);
            return;
        }
        showProgress(job);
        if (job.isOver()) {
            current = null;
            stopPolling();
            progress.setVisible(false);
            showReport(job);
            refreshHistory();
            updateWaiting();
        }
    }

    private void showProgress(ImportJobView job) {
        if (job.total() != null && job.total() > 0) {
            progress.setIndeterminate(false);
            progress.setValue(Math.min(1.0, (double) job.done() / job.total()));
        }
        progressText.setText(job.status() + ": " + job.done() + (job.total() == null ? "" : " of " + job.total())
                + " files" + (job.failed() > 0 ? ", " + job.failed() + " failed" : "")
                + (job.filesPerSecond() == null
                        ? ""
                        : String.format(Locale.ROOT, ", %.1f files/s", job.filesPerSecond())));
    }

    private void showReport(ImportJobView job) {
        report.removeAll();
        report.add(new H3("Run of " + job.createdAt() + ": " + job.status()));
        if (job.error() != null) {
            Span error = new Span(job.error());
            error.getStyle().set("color", "var(--lumo-error-text-color)");
            report.add(error);
        }
        Span counts = new Span("Imported " + value(job.imported()) + ", unchanged " + value(job.unchanged())
                + ", failed " + job.failed() + (job.total() == null ? "" : " of " + job.total() + " files") + ".");
        counts.setId("import-counts");
        report.add(counts);
        if (!job.failures().isEmpty()) {
            Grid<ImportPipeline.Failure> failures = new Grid<>(ImportPipeline.Failure.class, false);
            failures.setId("import-failures");
            failures.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
            failures.setAllRowsVisible(true);
            failures.addColumn(ImportPipeline.Failure::path).setHeader("File").setAutoWidth(true);
            failures.addColumn(ImportPipeline.Failure::stage).setHeader("Stage").setAutoWidth(true);
            failures.addColumn(ImportPipeline.Failure::reason)
                    .setHeader("Reason")
                    .setFlexGrow(1);
            failures.setItems(job.failures());
            report.add(new H3("Failures"), failures);
        }
        if (job.report() != null && !job.report().isEmpty()) {
            VerticalLayout lines = new VerticalLayout();
            lines.setPadding(false);
            lines.setSpacing(false);
            job.report().forEach((key, value) -> lines.add(new Span(key + ": " + value)));
            Details whole = new Details("The whole report (with the data-quality figures)", lines);
            whole.setId("import-whole-report");
            report.add(whole);
        }
    }

    private static String value(Long v) {
        return v == null ? "–" : String.valueOf(v);
    }

    private void refreshHistory() {
        try {
            history.setItems(jobs.jobs(new PageRequest(1, 20)).items());
        } catch (RuntimeException e) {
            Notifications.error(e);
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        stopPolling();
        super.onDetach(event);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        if (current != null) {
            startPolling();
        }
    }

    public String currentJob() {
        return current;
    }
}

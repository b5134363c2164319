package no.govgraph.backend.importjob;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.multipart.CompletedPart;
import io.micronaut.http.server.multipart.MultipartBody;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import no.govgraph.backend.support.BackendException;
import no.govgraph.backend.support.BackendException.Reason;
import no.govgraph.backend.support.Page;
import no.govgraph.backend.support.PageRequest;
import no.govgraph.backend.user.Role;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/** Upload jobs (archivist): upload files or a zip, follow the run, read its report. */
@Controller("/api/imports")
@Secured(Role.ARCHIVIST_NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "import")
public class ImportJobController {

    private final ImportJobService jobs;

    ImportJobController(ImportJobService jobs) {
        this.jobs = jobs;
    }

    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    @Operation(
            summary = "Upload files or a zip and import them in the background (archivist)",
            description = "multipart/form-data with one or more parts named 'files'. Answers 202 with the job;"
                    + " follow it with GET /api/imports/{id}. 413 beyond govgraph.upload.max-size.")
    public HttpResponse<ImportJobView> upload(@Body MultipartBody body, Authentication who) {
        List<CompletedFileUpload> uploads = collect(body);
        try {
            List<ImportJobService.Upload> files = new ArrayList<>();
            for (CompletedFileUpload u : uploads) {
                files.add(new ImportJobService.Upload(u.getFilename(), u.getInputStream()));
            }
            ImportJobView job = jobs.submit(files, who.getName());
            return HttpResponse.accepted(URI.create("/api/imports/" + job.id())).body(job);
        } catch (IOException e) {
            throw new BackendException(Reason.BAD_REQUEST, "The upload could not be read: " + e.getMessage(), e);
        } finally {
            uploads.forEach(ImportJobController::release);
        }
    }

    @Get
    @Operation(summary = "Upload jobs, newest first (archivist)")
    public Page<ImportJobView> list(@QueryValue @Nullable Integer page, @QueryValue @Nullable Integer size) {
        return jobs.jobs(PageRequest.of(page, size));
    }

    @Get("/{id}")
    @Operation(summary = "One job: status, progress (files done/total, rate, failures) and, when finished, its report")
    public ImportJobView job(@PathVariable String id) {
        return jobs.job(id);
    }

    /** Frees an upload's buffer or temporary file; one whose stream was read is freed already. */
    private static void release(CompletedFileUpload upload) {
        try {
            upload.discard();
        } catch (RuntimeException alreadyReleased) {
            // Reading the stream to its end released it.
        }
    }

    /** Waits for every part of the upload (they stream to disk), keeping the files. */
    private static List<CompletedFileUpload> collect(MultipartBody body) {
        CompletableFuture<List<CompletedFileUpload>> done = new CompletableFuture<>();
        List<CompletedFileUpload> files = new ArrayList<>();
        body.subscribe(new Subscriber<CompletedPart>() {
            private Subscription subscription;

            @Override
            public void onSubscribe(Subscription s) {
                subscription = s;
                s.request(1);
            }

            @Override
            public void onNext(CompletedPart part) {
                if (part instanceof CompletedFileUpload file) {
                    files.add(file);
                }
                subscription.request(1);
            }

            @Override
            public void onError(Throwable t) {
                files.forEach(CompletedFileUpload::discard);
                done.completeExceptionally(t);
            }

            @Override
            public void onComplete() {
                done.complete(files);
            }
        });
        try {
            return done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendException(Reason.UNAVAILABLE, "The upload was interrupted.", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new BackendException(
                    Reason.BAD_REQUEST,
                    "The upload could not be read: " + e.getCause().getMessage(),
                    e);
        }
    }
}

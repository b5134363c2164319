package no.govgraph.backend.document;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.types.files.SystemFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import no.govgraph.backend.support.Page;
import no.govgraph.backend.support.PageRequest;
import no.govgraph.backend.user.Role;

/** Documents: list, page, original file, removal. */
@Controller("/api/documents")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "browse")
public class DocumentController {

    private final DocumentService documents;

    DocumentController(DocumentService documents) {
        this.documents = documents;
    }

    @Get
    @Secured(Role.READER_NAME)
    @Operation(summary = "Documents, by title; kind, year and language filter")
    public Page<DocumentSummary> list(
            @QueryValue @Nullable String kind,
            @QueryValue @Nullable String year,
            @QueryValue @Nullable String language,
            @QueryValue @Nullable Integer page,
            @QueryValue @Nullable Integer size) {
        return documents.list(kind, year, language, PageRequest.of(page, size));
    }

    @Get("/{id}")
    @Secured(Role.READER_NAME)
    @Operation(
            summary = "A document: metadata, passages with mentions as ranges, the claims it supports",
            description = "offset and limit page through the passages (default 0 and 200, limit at most 1000).")
    public DocumentDetails document(
            @PathVariable String id, @QueryValue @Nullable Integer offset, @QueryValue @Nullable Integer limit) {
        return documents.document(id, offset, limit);
    }

    @Get("/{id}/file")
    @Secured(Role.READER_NAME)
    @Operation(summary = "The original file, as a download")
    public HttpResponse<SystemFile> file(@PathVariable String id) {
        OriginalFile original = documents.original(id);
        return HttpResponse.ok(new SystemFile(
                        original.path().toFile(), io.micronaut.http.MediaType.of(original.contentType())))
                .header("Content-Disposition", original.contentDisposition())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox");
    }

    @Delete("/{id}")
    @Secured(Role.ARCHIVIST_NAME)
    @Operation(summary = "Remove a document with its passages and claims (archivist)")
    public Map<String, Object> remove(@PathVariable String id, Authentication who) {
        return documents.remove(id, who.getName());
    }
}

package no.govgraph.backend.document;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.govgraph.backend.audit.AuditLog;
import no.govgraph.backend.document.DocumentDetails.PassageView;
import no.govgraph.backend.evidence.ClaimView;
import no.govgraph.backend.support.BackendException;
import no.govgraph.backend.support.Page;
import no.govgraph.backend.support.PageRequest;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

/** Documents: their page, their original file, and their removal by archivists. */
@Singleton
public class DocumentService {

    public static final int DEFAULT_PASSAGES = 200;
    public static final int MAX_PASSAGES = 1000;

    private final DocumentRepository repository;
    private final Driver driver;
    private final AuditLog audit;

    DocumentService(DocumentRepository repository, Driver driver, AuditLog audit) {
        this.repository = repository;
        this.driver = driver;
        this.audit = audit;
    }

    /** The document with its passages from {@code offset} (at most {@code limit}) and its claims. */
    public DocumentDetails document(String id, @Nullable Integer offset, @Nullable Integer limit) {
        int from = offset == null ? 0 : offset;
        int count = limit == null ? DEFAULT_PASSAGES : limit;
        if (from < 0) {
            throw BackendException.badRequest("offset must be 0 or more, not " + from + ".");
        }
        if (count < 1 || count > MAX_PASSAGES) {
            throw BackendException.badRequest("limit must be between 1 and " + MAX_PASSAGES + ", not " + count + ".");
        }
        Map<String, Object> metadata = new LinkedHashMap<>(repository
                .metadata(id)
                .orElseThrow(() -> BackendException.notFound("There is no document with id '" + id
                        + "'; document ids are the SHA-256 of the file (64 hex digits).")));
        long passageCount = (Long) metadata.remove("__passages");
        List<PassageView> passages = new ArrayList<>();
        Set<String> entityIds = new LinkedHashSet<>();
        for (DocumentRepository.PassageRow p : repository.passages(id, from, count)) {
            passages.add(
                    new PassageView(p.id(), p.index(), p.page(), p.text(), MentionFinder.find(p.text(), p.entities())));
            p.entities().forEach(e -> entityIds.add(e.id()));
        }
        List<ClaimView> claims = repository.claims(id);
        claims.forEach(c -> {
            entityIds.add(c.subjectId());
            entityIds.add(c.objectId());
        });
        Map<String, String> names = entityIds.isEmpty() ? Map.of() : repository.entityNames(List.copyOf(entityIds));
        return new DocumentDetails(
                id,
                metadata,
                passageCount,
                from,
                passages,
                claims,
                names,
                repository.containedIn(id),
                repository.contains(id),
                "/api/documents/" + id + "/file");
    }

    public Page<DocumentSummary> list(
            @Nullable String kind, @Nullable String year, @Nullable String language, PageRequest page) {
        List<DocumentSummary> found =
                repository.list(blank(kind), blank(year), blank(language), page.offset(), page.size() + 1);
        boolean more = found.size() > page.size();
        List<DocumentSummary> items = more ? found.subList(0, page.size()) : found;
        return new Page<>(items, page.page(), page.size(), page.offset() + items.size() + (more ? 1 : 0), more);
    }

    /**
     * The document's original file: the first of its recorded paths that still holds the same bytes
     * (its SHA-256 is the document's id).
     */
    public OriginalFile original(String id) {
        Map<String, Object> metadata = repository
                .metadata(id)
                .orElseThrow(() -> BackendException.notFound("There is no document with id '" + id + "'."));
        List<String> paths = repository.paths(id);
        for (String p : paths) {
            Path path;
            try {
                path = Path.of(p);
            } catch (RuntimeException e) {
                continue;
            }
            if (Files.isRegularFile(path) && Files.isReadable(path) && id.equalsIgnoreCase(sha256(path))) {
                Object name = metadata.get("fileName");
                Object type = metadata.get("mediaType");
                return new OriginalFile(
                        path,
                        name == null ? path.getFileName().toString() : name.toString(),
                        type == null ? null : type.toString());
            }
        }
        throw BackendException.notFound(
                paths.isEmpty()
                        ? "The original file of this document was not kept (it has no recorded path)."
                        : "The original file is no longer at any of its recorded paths (" + String.join(", ", paths)
                                + ") or has changed since it was imported; import it again from where it is now.");
    }

    /** Removes a document with its passages and claims; relationships only it supported go too. */
    public Map<String, Object> remove(String id, String user) {
        Map<String, Object> metadata = repository
                .metadata(id)
                .orElseThrow(() -> BackendException.notFound("There is no document with id '" + id + "'."));
        long[] counts;
        try (Session session = driver.session()) {
            counts = session.executeWrite(tx -> {
                List<DocumentRepository.Supported> supported = repository.supported(tx, id);
                long[] deleted = repository.delete(tx, id);
                supported.forEach(s -> repository.recompute(tx, s));
                return new long[] {deleted[0], deleted[1], supported.size()};
            });
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("id", id);
        result.put("title", String.valueOf(metadata.getOrDefault("title", metadata.get("fileName"))));
        result.put("passages", counts[0]);
        result.put("claims", counts[1]);
        result.put("relationshipsRechecked", counts[2]);
        audit.record(user, "document.remove", id, result);
        return result;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String sha256(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                sha.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            return "";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}

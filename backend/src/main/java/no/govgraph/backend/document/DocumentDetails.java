package no.govgraph.backend.document;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;
import no.govgraph.backend.evidence.ClaimView;

/**
 * A document's page: metadata, its text by passage with the mentioned entities marked, and the
 * claims it supports.
 *
 * @param id the document's id (SHA-256 of its bytes)
 * @param metadata its properties (title, fileName, paths, mediaType, kind, language, created …)
 * @param passageCount how many passages it has
 * @param passageOffset the index of the first passage in {@code passages}
 * @param passages its passages from {@code passageOffset}, in order
 * @param claims the claims read in it
 * @param entities names of the entities that {@code passages} and {@code claims} refer to, by id
 * @param containedIn documents this one was found inside (an e-mail, an archive)
 * @param contains documents found inside this one
 * @param download the API path of the original file
 */
@Serdeable
public record DocumentDetails(
        String id,
        Map<String, Object> metadata,
        long passageCount,
        int passageOffset,
        List<PassageView> passages,
        List<ClaimView> claims,
        Map<String, String> entities,
        List<DocumentSummary> containedIn,
        List<DocumentSummary> contains,
        String download) {

    public DocumentDetails {
        passages = List.copyOf(passages);
        claims = List.copyOf(claims);
        containedIn = List.copyOf(containedIn);
        contains = List.copyOf(contains);
    }

    /**
     * One passage with its mentions marked.
     *
     * @param id the passage's id
     * @param index its position, from 0
     * @param page its page, from 1
     * @param text its text (plain text: render it as text)
     * @param mentions where entities are named in it
     */
    @Serdeable
    public record PassageView(String id, int index, @Nullable Integer page, String text, List<Mention> mentions) {

        public PassageView {
            mentions = List.copyOf(mentions);
        }
    }

    /**
     * An entity named in a passage, as a {@code [start, end)} range of its text (UTF-16 code units,
     * like JavaScript string indices). An entity the passage mentions whose name does not occur
     * literally has a range of {@code [0, 0)}.
     *
     * @param start where the name starts
     * @param end where it ends
     * @param entityId the entity
     * @param label its label
     */
    @Serdeable
    public record Mention(int start, int end, String entityId, String label) {}
}

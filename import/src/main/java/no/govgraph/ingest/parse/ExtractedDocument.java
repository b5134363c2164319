package no.govgraph.ingest.parse;

import java.util.List;

/**
 * What the parser read from one document: the file itself or one document embedded in it (an
 * attachment, an archive entry, an object inside an Office file). Fields the file did not have are
 * {@code null}; this record travels as JSON between the parse worker process and the importer.
 *
 * @param idPath where the document sits in its file: {@code ""} for the file itself, {@code /1},
 *     {@code /1/2} … for embedded documents (Tika's embedded id path)
 * @param name the file's name, or the name under which an embedded document sits in its container
 *     (an archive entry's path, an attachment's file name)
 * @param sha256 SHA-256 of the embedded document's bytes; {@code null} for the file itself (the
 *     importer hashes the file)
 * @param size its size in bytes, if known
 * @param mediaType its detected media type without parameters, e.g. {@code application/pdf}
 * @param title its title (for mail: the subject)
 * @param author its author (for mail: the sender)
 * @param created when it was created, ISO-8601 as the file states it
 * @param modified when it was last modified, ISO-8601
 * @param pages its page count, if the format has pages
 * @param truncated whether text was cut at the write limit
 * @param inline whether it is an inline part of its container (an image in a DOCX) rather than an
 *     attachment or archive entry
 * @param warning why parsing this embedded document failed or stopped early, if it did
 * @param blocks its text, in order
 */
public record ExtractedDocument(
        String idPath,
        String name,
        String sha256,
        Long size,
        String mediaType,
        String title,
        String author,
        String created,
        String modified,
        Integer pages,
        boolean truncated,
        boolean inline,
        String warning,
        List<TextBlock> blocks) {

    public ExtractedDocument {
        blocks = blocks == null ? List.of() : List.copyOf(blocks);
    }

    /** Whether this is the file itself rather than a document embedded in it. */
    public boolean isContainer() {
        return idPath.isEmpty();
    }

    /** The id path of the document this one is embedded in ({@code ""} for the file itself). */
    public String parentIdPath() {
        int slash = idPath.lastIndexOf('/');
        return slash <= 0 ? "" : idPath.substring(0, slash);
    }

    /** Characters of text (without block separators). */
    public long textLength() {
        return blocks.stream().mapToLong(b -> b.text().length()).sum();
    }
}

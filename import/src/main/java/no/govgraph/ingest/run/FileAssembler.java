package no.govgraph.ingest.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import no.govgraph.ingest.classify.KindClassifier;
import no.govgraph.ingest.extraction.DocumentText;
import no.govgraph.ingest.extraction.Extraction;
import no.govgraph.ingest.extraction.FactExtractor;
import no.govgraph.ingest.parse.ExtractedDocument;
import no.govgraph.ingest.parse.LanguageGuesser;
import no.govgraph.ingest.passage.Passage;
import no.govgraph.ingest.passage.PassageSplitter;
import no.govgraph.ingest.support.Sha256;
import no.govgraph.ingest.write.DocumentRecord;
import no.govgraph.ingest.write.FileGraph;
import no.govgraph.ingest.write.GraphWriter;

/**
 * Turns one parsed file into the graph it adds: a document per distinct embedded content (ids are
 * SHA-256 of the bytes, so the same attachment twice is one document with two locations),
 * passages, the detected language, the classified kind, and the extractor's findings.
 *
 * <p>Language detection runs here, on the extracted text, rather than in the parse workers: its
 * OpenNLP model takes about 100 MB of heap, once for the importer instead of once per worker.
 *
 * <p>Inline parts without text (the images of a word-processing file) are left out: they are part
 * of their container's layout, not documents. Attachments and archive entries are kept even
 * without text.
 */
final class FileAssembler {

    /** The extractor failed on one of the file's documents. */
    static final class ExtractionFailed extends Exception {
        ExtractionFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Tika's OpenNLP model is shared by all detectors; each thread needs its own detector. */
    private static final ThreadLocal<LanguageGuesser> LANGUAGES = ThreadLocal.withInitial(LanguageGuesser::new);

    private final FactExtractor extractor;
    private final Function<Set<String>, Set<String>> completeAmong;

    /**
     * @param completeAmong which of these document ids the graph already holds complete
     */
    FileAssembler(FactExtractor extractor, Function<Set<String>, Set<String>> completeAmong) {
        this.extractor = extractor;
        this.completeAmong = completeAmong;
    }

    FileGraph assemble(Path path, String fileId, long fileSize, List<ExtractedDocument> parsed)
            throws ExtractionFailed {
        Set<String> parents = new HashSet<>();
        parsed.forEach(d -> parents.add(d.parentIdPath()));

        Map<String, String> idOf = new HashMap<>();
        Map<String, String> locationOf = new HashMap<>();
        Map<String, ExtractedDocument> first = new LinkedHashMap<>();
        Map<String, Set<String>> locations = new LinkedHashMap<>();
        Map<List<String>, Set<String>> contains = new LinkedHashMap<>();
        for (ExtractedDocument d : parsed) {
            if (d.isContainer()) {
                idOf.put("", fileId);
                locationOf.put("", path.toString());
                first.put(fileId, d);
                locations.computeIfAbsent(fileId, k -> new LinkedHashSet<>()).add(path.toString());
                continue;
            }
            String parentPath = d.parentIdPath();
            String parentId = idOf.get(parentPath);
            if (parentId == null) {
                continue; // its container was left out
            }
            if (d.inline() && d.blocks().isEmpty() && !parents.contains(d.idPath())) {
                continue;
            }
            String id = d.sha256() != null ? d.sha256() : Sha256.ofText("embedded:" + fileId + ":" + d.idPath());
            String location = GraphWriter.embeddedLocation(locationOf.get(parentPath), d.name());
            idOf.put(d.idPath(), id);
            locationOf.put(d.idPath(), location);
            first.putIfAbsent(id, d);
            locations.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(location);
            contains.computeIfAbsent(List.of(parentId, id), k -> new LinkedHashSet<>())
                    .add(d.name());
        }

        Set<String> embedded = new HashSet<>(first.keySet());
        embedded.remove(fileId);
        Set<String> known = embedded.isEmpty() ? Set.of() : completeAmong.apply(embedded);

        List<DocumentRecord> documents = new ArrayList<>();
        for (Map.Entry<String, ExtractedDocument> entry : first.entrySet()) {
            String id = entry.getKey();
            ExtractedDocument d = entry.getValue();
            boolean isKnown = known.contains(id);
            documents.add(record(id, d, d.isContainer() ? fileSize : d.size(), locations.get(id), isKnown, path));
        }
        List<FileGraph.Containment> containments = new ArrayList<>();
        contains.forEach((ends, names) ->
                containments.add(new FileGraph.Containment(ends.get(0), ends.get(1), List.copyOf(names))));
        return new FileGraph(path, fileId, documents, containments);
    }

    private DocumentRecord record(
            String id, ExtractedDocument d, Long size, Set<String> locations, boolean known, Path path)
            throws ExtractionFailed {
        String fileName = d.isContainer() ? String.valueOf(path.getFileName()) : lastSegment(d.name());
        List<Passage> passages = known ? List.of() : PassageSplitter.split(d.blocks());
        String opening = passages.isEmpty() ? "" : passages.get(0).text();
        if (passages.size() > 1) {
            opening = opening + "\n" + passages.get(1).text();
        }
        String kind = KindClassifier.classify(d.title(), fileName, d.mediaType(), opening)
                .value();
        String language = known ? null : LANGUAGES.get().guess(d.blocks()).orElse(null);
        Extraction extraction = Extraction.EMPTY;
        if (!known && !passages.isEmpty()) {
            DocumentText text = new DocumentText(
                    id,
                    fileName,
                    Optional.ofNullable(d.title()),
                    kind,
                    Optional.ofNullable(language),
                    passages.stream()
                            .map(p -> new DocumentText.PassageText(p.id(id), p.index(), p.page(), p.text()))
                            .toList());
            try {
                extraction = extractor.extract(text);
            } catch (RuntimeException | StackOverflowError e) {
                throw new ExtractionFailed(
                        "the fact extractor failed on " + fileName + ": "
                                + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                        e);
            }
        }
        return new DocumentRecord(
                id,
                fileName,
                List.copyOf(locations),
                d.mediaType(),
                d.title(),
                d.author(),
                d.created(),
                d.modified(),
                d.pages(),
                size,
                language,
                kind,
                d.truncated(),
                d.warning(),
                known,
                passages,
                extraction);
    }

    private static String lastSegment(String name) {
        String trimmed = name.replaceAll("[/\\\\]+$", "");
        int cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
        String last = cut >= 0 ? trimmed.substring(cut + 1) : trimmed;
        return last.isEmpty() ? name : last;
    }
}

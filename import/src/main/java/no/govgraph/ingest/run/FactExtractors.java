package no.govgraph.ingest.run;

import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import no.govgraph.ingest.codebook.Codebook;
import no.govgraph.ingest.extraction.CodebookFactExtractor;
import no.govgraph.ingest.extraction.Extraction;
import no.govgraph.ingest.extraction.FactExtractor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the production {@link FactExtractor}: the one named in
 * {@code META-INF/services/no.govgraph.ingest.extraction.FactExtractor} on the class path. Without
 * one, documents are imported with their passages but no entities, and the log says so.
 */
public final class FactExtractors {

    private static final Logger LOG = LoggerFactory.getLogger(FactExtractors.class);

    /** Finds nothing: for imports without extraction. */
    public static final FactExtractor NONE = document -> Extraction.EMPTY;

    private FactExtractors() {}

    /**
     * The codebook extractor reading with a researcher's vocabulary file, or {@link #discover()} when
     * there is none. A bad file fails here, before anything is imported.
     */
    public static FactExtractor forVocabulary(Path vocabulary) {
        return vocabulary == null ? discover() : new CodebookFactExtractor(Codebook.load(vocabulary));
    }

    /** The extractor registered as a service, else {@link #NONE} (with a warning). */
    public static FactExtractor discover() {
        List<FactExtractor> found = ServiceLoader.load(FactExtractor.class).stream()
                .map(ServiceLoader.Provider::get)
                .toList();
        if (found.isEmpty()) {
            LOG.warn("No fact extractor is on the class path: documents are imported without entities or facts");
            return NONE;
        }
        if (found.size() > 1) {
            LOG.warn(
                    "{} fact extractors are on the class path; using {}",
                    found.size(),
                    found.get(0).getClass().getName());
        }
        LOG.debug("Fact extractor: {}", found.get(0).getClass().getName());
        return found.get(0);
    }
}

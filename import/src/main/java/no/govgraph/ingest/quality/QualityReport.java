package no.govgraph.ingest.quality;

import no.govgraph.ingest.ImportException;
import no.govgraph.ingest.extraction.CodebookFactExtractor;
import org.neo4j.driver.Driver;
import org.neo4j.driver.exceptions.Neo4jException;

/**
 * The data-quality report: documents with no entities found, offices with no partnership agreement
 * on file, leaders with unknown background, outcome figures without a year, relationships that rest
 * on a single low-confidence claim, and relationships without any claim (which must never happen).
 * Runs after each import and on demand ({@code govgraph quality}, the API).
 */
public final class QualityReport {

    /** How many items each section lists at most (the counts of the last section are exact). */
    public static final int DEFAULT_LIMIT = 200;

    private final QualityRepository repository;
    private final int limit;

    public QualityReport(Driver driver) {
        this(driver, DEFAULT_LIMIT);
    }

    public QualityReport(Driver driver, int limit) {
        this.repository = new QualityRepository(driver);
        this.limit = limit;
    }

    public DataQuality check() {
        try {
            double low = CodebookFactExtractor.LOW_CONFIDENCE;
            return new DataQuality(
                    repository.documentsWithoutEntities(limit),
                    repository.officesWithoutAgreement(limit),
                    repository.leadersWithUnknownBackground(limit),
                    repository.figuresWithoutYear(limit),
                    repository.weaklySupported(low, limit),
                    low,
                    repository.relationshipsWithoutClaimCount(),
                    repository.relationshipsWithoutClaim(limit));
        } catch (Neo4jException e) {
            throw new ImportException("Cannot read the graph for the data-quality report: " + e.getMessage(), e);
        }
    }
}

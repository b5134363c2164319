package no.govgraph.backend.quality;

import jakarta.inject.Singleton;
import no.govgraph.backend.support.BackendException;
import no.govgraph.ingest.quality.DataQuality;
import no.govgraph.ingest.quality.QualityReport;
import org.neo4j.driver.Driver;

/** The extraction's data-quality report, for the API and the UI alike. */
@Singleton
public class QualityService {

    public static final int DEFAULT_LIMIT = QualityReport.DEFAULT_LIMIT;
    public static final int MAX_LIMIT = 1000;

    private final Driver driver;

    QualityService(Driver driver) {
        this.driver = driver;
    }

    /** The report, with at most {@code limit} items in each list. */
    public DataQuality report(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw BackendException.badRequest("limit must be between 1 and " + MAX_LIMIT + ".");
        }
        return new QualityReport(driver, limit).check();
    }
}

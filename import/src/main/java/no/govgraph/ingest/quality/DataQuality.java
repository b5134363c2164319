package no.govgraph.ingest.quality;

import java.util.List;

/**
 * What the data-quality report found: gaps a researcher should look at before trusting the graph.
 *
 * @param documentsWithoutEntities documents in which no office, partner, leader, tool or outcome was found
 * @param officesWithoutAgreement offices (mentioned somewhere) that no partnership agreement on file mentions
 * @param leadersWithUnknownBackground leaders whose state or municipal background no document states
 * @param figuresWithoutYear outcome figures whose period is not known
 * @param weaklySupported relationships that rest on one claim of low confidence
 * @param lowConfidence the confidence under which a claim counts as low
 * @param relationshipsWithoutClaim how many relationships have no claim behind them (must be 0)
 * @param unsupported some of those relationships, to find them
 */
public record DataQuality(
        List<DocumentRef> documentsWithoutEntities,
        List<OfficeRef> officesWithoutAgreement,
        List<LeaderRef> leadersWithUnknownBackground,
        List<FigureRef> figuresWithoutYear,
        List<RelationshipRef> weaklySupported,
        double lowConfidence,
        long relationshipsWithoutClaim,
        List<RelationshipRef> unsupported) {

    public DataQuality {
        documentsWithoutEntities = List.copyOf(documentsWithoutEntities);
        officesWithoutAgreement = List.copyOf(officesWithoutAgreement);
        leadersWithUnknownBackground = List.copyOf(leadersWithUnknownBackground);
        figuresWithoutYear = List.copyOf(figuresWithoutYear);
        weaklySupported = List.copyOf(weaklySupported);
        unsupported = List.copyOf(unsupported);
    }

    /** A document. */
    public record DocumentRef(String id, String fileName, String kind) {}

    /** An office and how many documents mention it. */
    public record OfficeRef(String id, String name, String unitNumber, long documents) {}

    /** A leader and the offices they lead. */
    public record LeaderRef(String id, String name, List<String> offices) {
        public LeaderRef {
            offices = List.copyOf(offices);
        }
    }

    /** An outcome figure of an office. */
    public record FigureRef(
            String officeId, String office, String outcomeId, String outcome, Double value, String unit) {}

    /**
     * A relationship between two entities and the claims behind it.
     *
     * @param type LEADS, PARTNERS_WITH, USES_TOOL or ACHIEVED
     * @param period the period of an ACHIEVED, else empty
     * @param claims how many non-rejected claims support it
     * @param bestConfidence the highest confidence among them (0 if none)
     */
    public record RelationshipRef(
            String type,
            String subjectId,
            String subject,
            String objectId,
            String object,
            String period,
            long claims,
            double bestConfidence) {}
}

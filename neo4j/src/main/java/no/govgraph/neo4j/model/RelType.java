package no.govgraph.neo4j.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The relationship types of govgraph's public data model. */
public enum RelType {
    /** {@code (Document)-[:HAS_PASSAGE]->(Passage)} */
    HAS_PASSAGE(false),
    /** {@code (Document)-[:CONTAINS]->(Document)}: an attachment, an archive entry, an embedded object. */
    CONTAINS(false),
    /** {@code (Leader)-[:LEADS {from, to, sources}]->(Office)} */
    LEADS(true),
    /** {@code (Office)-[:PARTNERS_WITH {since, sources}]->(Partner)} */
    PARTNERS_WITH(true),
    /** {@code (Office)-[:USES_TOOL {sources}]->(Tool)} */
    USES_TOOL(true),
    /** {@code (Office)-[:ACHIEVED {value, unit, period, target, sources}]->(Outcome)} */
    ACHIEVED(true),
    /** {@code (Passage)-[:MENTIONS]->(Office|Partner|Leader|Tool|Outcome)} */
    MENTIONS(false),
    /** {@code (Claim)-[:FROM]->(Passage)}: where the evidence was read. */
    FROM(false),
    /** {@code (Claim)-[:ABOUT]->(entity)}: the subject and object of the relationship a claim supports. */
    ABOUT(false),
    /** {@code (ImportRun)-[:HAD_FAILURE]->(ImportFailure)} */
    HAD_FAILURE(false);

    private final boolean evidenced;

    RelType(boolean evidenced) {
        this.evidenced = evidenced;
    }

    /** Whether relationships of this type are backed by claims and carry {@code sources}. */
    public boolean isEvidenced() {
        return evidenced;
    }

    public static List<RelType> evidenced() {
        return Arrays.stream(values()).filter(RelType::isEvidenced).toList();
    }

    /**
     * The evidenced types as a relationship-pattern alternative ({@code LEADS|PARTNERS_WITH|…}) for
     * query text: naming the types lets Neo4j skip the thousands of MENTIONS and ABOUT relationships
     * of a busy entity instead of reading them and filtering on {@code type(r)}.
     */
    public static String evidencedPattern() {
        return String.join("|", evidenced().stream().map(RelType::name).toList());
    }

    public static Optional<RelType> fromName(String name) {
        return Arrays.stream(values()).filter(t -> t.name().equals(name)).findFirst();
    }
}

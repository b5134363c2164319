package no.govgraph.ingest.quality;

import static org.assertj.core.api.Assertions.assertThat;

import no.govgraph.testsupport.TestNeo4j;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class QualityReportIT {

    private static DataQuality quality;

    /** A small graph with one case of every finding, and cases that must not be found. */
    static final String SEED =
            """
            CREATE (frogner:Office {id: 'office:0312', name: 'Nav Frogner', unitNumber: '0312'}),
                   (baerum:Office {id: 'office:0219', name: 'Nav Bærum', unitNumber: '0219'}),
                   (voss:Office {id: 'office:1235', name: 'Nav Voss', unitNumber: '1235'}),
                   (oslo:Partner {id: 'partner:nav-oslo', name: 'NAV Oslo', kind: 'county'}),
                   (holm:Leader {id: 'leader:0312:kari-holm', name: 'Kari Holm', background: 'state'}),
                   (eriksen:Leader {id: 'leader:0219:trond-eriksen', name: 'Trond Eriksen'}),
                   (lean:Tool {id: 'tool:lean', name: 'Lean'}),
                   (work:Outcome {id: 'outcome:overgang-til-arbeid', name: 'Overgang til arbeid', service: 'state'}),
                   (agreement:Document {id: 'd1', fileName: 'avtale.pdf', kind: 'agreement'}),
                   (report:Document {id: 'd2', fileName: 'rapport.docx', kind: 'report'}),
                   (invitation:Document {id: 'd3', fileName: 'invitasjon.txt', kind: 'other'}),
                   (archive:Document {id: 'd4', fileName: 'arkiv.zip', kind: 'other'}),
                   (p1:Passage {id: 'd1:0', text: 'Avtale om NAV Frogner med NAV Oslo', index: 0, page: 1}),
                   (p2:Passage {id: 'd2:0', text: 'NAV Bærum', index: 0, page: 1}),
                   (p3:Passage {id: 'd3:0', text: 'Lunsj', index: 0, page: 1}),
                   (agreement)-[:HAS_PASSAGE]->(p1), (report)-[:HAS_PASSAGE]->(p2),
                   (invitation)-[:HAS_PASSAGE]->(p3), (archive)-[:CONTAINS]->(invitation),
                   (p1)-[:MENTIONS]->(frogner), (p1)-[:MENTIONS]->(oslo), (p2)-[:MENTIONS]->(baerum),
                   (frogner)-[:PARTNERS_WITH {sources: ['d1']}]->(oslo),
                   (holm)-[:LEADS {sources: ['d1']}]->(frogner),
                   (eriksen)-[:LEADS {sources: ['d2']}]->(baerum),
                   (baerum)-[:ACHIEVED {value: 7.9, unit: '%', period: '', sources: ['d2']}]->(work),
                   (frogner)-[:ACHIEVED {value: 62.4, unit: '%', period: '2019', sources: ['d1', 'd2']}]->(work),
                   (frogner)-[:USES_TOOL {sources: ['d1']}]->(lean),
                   (baerum)-[:USES_TOOL {sources: ['d2']}]->(lean),
                   (:Claim {id: 'c1', type: 'PARTNERS_WITH', subjectId: 'office:0312', objectId: 'partner:nav-oslo',
                            confidence: 0.9, status: 'extracted', documentId: 'd1'}),
                   (:Claim {id: 'c2', type: 'LEADS', subjectId: 'leader:0312:kari-holm', objectId: 'office:0312',
                            confidence: 0.9, status: 'extracted', documentId: 'd1'}),
                   (:Claim {id: 'c3', type: 'LEADS', subjectId: 'leader:0219:trond-eriksen', objectId: 'office:0219',
                            confidence: 0.5, status: 'extracted', documentId: 'd2'}),
                   (:Claim {id: 'c4', type: 'ACHIEVED', subjectId: 'office:0219', objectId: 'outcome:overgang-til-arbeid',
                            period: '', confidence: 0.7, status: 'extracted', documentId: 'd2'}),
                   (:Claim {id: 'c5', type: 'ACHIEVED', subjectId: 'office:0312', objectId: 'outcome:overgang-til-arbeid',
                            period: '2019', confidence: 0.5, status: 'extracted', documentId: 'd1'}),
                   (:Claim {id: 'c6', type: 'ACHIEVED', subjectId: 'office:0312', objectId: 'outcome:overgang-til-arbeid',
                            period: '2019', confidence: 0.5, status: 'accepted', documentId: 'd2'}),
                   (:Claim {id: 'c7', type: 'USES_TOOL', subjectId: 'office:0219', objectId: 'tool:lean',
                            confidence: 0.4, status: 'extracted', documentId: 'd2'}),
                   (:Claim {id: 'c8', type: 'USES_TOOL', subjectId: 'office:0219', objectId: 'tool:lean',
                            confidence: 0.9, status: 'rejected', documentId: 'd2'}),
                   (:Claim {id: 'c9', type: 'ACHIEVED', subjectId: 'office:0312', objectId: 'outcome:overgang-til-arbeid',
                            period: '2018', confidence: 0.9, status: 'extracted', documentId: 'd1'})
            """;

    @BeforeAll
    static void seedAndCheck() {
        TestNeo4j neo4j = TestNeo4j.shared();
        neo4j.clear();
        neo4j.driver().executableQuery(SEED).execute();
        quality = new QualityReport(neo4j.driver()).check();
    }

    @Test
    void listsDocumentsWithNoEntitiesButNotTheirContainers() {
        assertThat(quality.documentsWithoutEntities())
                .extracting(DataQuality.DocumentRef::fileName)
                .containsExactly("invitasjon.txt");
    }

    @Test
    void listsOfficesThatNoAgreementOnFileMentions() {
        assertThat(quality.officesWithoutAgreement())
                .extracting(DataQuality.OfficeRef::id)
                .containsExactly("office:0219");
        assertThat(quality.officesWithoutAgreement().get(0).documents()).isEqualTo(1);
    }

    @Test
    void listsLeadersWithUnknownBackground() {
        assertThat(quality.leadersWithUnknownBackground()).singleElement().satisfies(l -> {
            assertThat(l.id()).isEqualTo("leader:0219:trond-eriksen");
            assertThat(l.offices()).containsExactly("Nav Bærum");
        });
    }

    @Test
    void listsOutcomeFiguresWithoutAYear() {
        assertThat(quality.figuresWithoutYear()).singleElement().satisfies(f -> {
            assertThat(f.officeId()).isEqualTo("office:0219");
            assertThat(f.value()).isEqualTo(7.9);
        });
    }

    @Test
    void listsRelationshipsRestingOnOneLowConfidenceClaimIgnoringRejectedOnes() {
        assertThat(quality.weaklySupported())
                .extracting(r -> r.type() + " " + r.subjectId() + " " + r.objectId())
                .containsExactlyInAnyOrder(
                        "USES_TOOL office:0219 tool:lean", "LEADS leader:0219:trond-eriksen office:0219");
    }

    @Test
    void countsRelationshipsWithoutClaim() {
        assertThat(quality.relationshipsWithoutClaim()).isEqualTo(1);
        assertThat(quality.unsupported()).singleElement().satisfies(r -> {
            assertThat(r.type()).isEqualTo("USES_TOOL");
            assertThat(r.subjectId()).isEqualTo("office:0312");
        });
    }
}

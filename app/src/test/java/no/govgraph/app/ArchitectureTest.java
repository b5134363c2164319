package no.govgraph.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The one-way module arrows of STYLE.md: ui → backend → neo4j, import → neo4j, backend → import;
 * nothing depends on ui; Tika stays inside import; the UI never talks to Neo4j itself.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("no.govgraph");
    }

    @Test
    void nothingDependsOnTheUi() {
        noClasses()
                .that()
                .resideOutsideOfPackage("no.govgraph.ui..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("no.govgraph.ui..")
                .check(classes);
    }

    @Test
    void theUiNeverTalksToNeo4jDirectly() {
        noClasses()
                .that()
                .resideInAPackage("no.govgraph.ui..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.neo4j.driver..", "org.neo4j.graphdb..", "no.govgraph.neo4j..")
                .check(classes);
    }

    @Test
    void onlyTheImportModuleUsesTika() {
        noClasses()
                .that()
                .resideOutsideOfPackage("no.govgraph.ingest..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.apache.tika..")
                .check(classes);
    }

    @Test
    void theGraphLayerDependsOnNoOtherModule() {
        noClasses()
                .that()
                .resideInAPackage("no.govgraph.neo4j..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("no.govgraph.ingest..", "no.govgraph.backend..", "no.govgraph.ui..")
                .check(classes);
    }

    @Test
    void importDoesNotDependOnTheBackend() {
        noClasses()
                .that()
                .resideInAPackage("no.govgraph.ingest..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("no.govgraph.backend..", "no.govgraph.ui..")
                .check(classes);
    }

    @Test
    void applicationCodeNeverUsesTheEmbeddedJavaApi() {
        noClasses()
                .that()
                .resideOutsideOfPackage("no.govgraph.neo4j.embedded..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.neo4j.graphdb..", "org.neo4j.dbms..", "org.neo4j.configuration..")
                .check(classes);
    }
}

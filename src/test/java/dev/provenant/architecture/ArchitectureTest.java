package dev.provenant.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The lines STYLE.md draws, held by the build: who may touch the database, and features stay apart. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.provenant");

    @Test
    void onlyTheNeo4jPackageAndRepositoriesUseTheDriver() {
        noClasses().that().resideOutsideOfPackage("dev.provenant.neo4j..")
                .and().haveSimpleNameNotEndingWith("Repository")
                .should().dependOnClassesThat().resideInAPackage("org.neo4j.driver..")
                .because("queries go through repositories and their Cypher files")
                .check(CLASSES);
    }

    @Test
    void onlyTheNeo4jPackageEmbedsTheDatabase() {
        noClasses().that().resideOutsideOfPackage("dev.provenant.neo4j..")
                .should().dependOnClassesThat().resideInAnyPackage("org.neo4j.graphdb..", "org.neo4j.dbms..",
                        "org.neo4j.configuration..")
                .check(CLASSES);
    }

    @Test
    void resourcesDoNotBuildCypher() {
        noClasses().that().haveSimpleNameEndingWith("Resource")
                .should().dependOnClassesThat().haveSimpleName("CypherCatalog")
                .check(CLASSES);
    }
}

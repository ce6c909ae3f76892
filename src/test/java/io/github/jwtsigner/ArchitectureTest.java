package io.github.jwtsigner;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Rules of the shape the build enforces; more come with the redesign (one API package, no package cycle).
 * Each names the classes that break it.
 */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.github.jwtsigner");

    @Test
    void theServletApiIsUsedOnlyByTheFilterAndItsPlumbing() {
        noClasses().that().resideOutsideOfPackages("io.github.jwtsigner", "io.github.jwtsigner.servlet..")
                .should().dependOnClassesThat().resideInAPackage("jakarta.servlet..")
                .because("everything that can be tested without a servlet container lives outside the servlet"
                        + " plumbing")
                .check(MAIN);
    }

    @Test
    void theServletFreeCoreDoesNotReachIntoTheServletPlumbing() {
        noClasses().that().resideOutsideOfPackages("io.github.jwtsigner", "io.github.jwtsigner.servlet..")
                .should().dependOnClassesThat().resideInAPackage("io.github.jwtsigner.servlet..")
                .because("the signing core is JSON in, JSON out, with no servlet in sight")
                .check(MAIN);
    }
}

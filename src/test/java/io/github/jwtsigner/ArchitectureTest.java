package io.github.jwtsigner;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.members;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The shape the build enforces: one API package, implementation under {@code internal}, no package cycle, the
 * servlet API only where the plumbing is. Each rule names the classes that break it.
 */
class ArchitectureTest {
    private static final String API = "io.github.jwtsigner";
    private static final String INTERNAL = "io.github.jwtsigner.internal..";

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(API);

    @Test
    void everyPublicTypeIsApiOrInternal() {
        classes().that().arePublic().and().resideOutsideOfPackage(API)
                .should().resideInAPackage(INTERNAL)
                .because("the root package is the API; everything else is implementation under internal")
                .check(MAIN);
    }

    @Test
    void theApiDoesNotShowInternalTypes() {
        members().that().arePublic().and().areDeclaredInClassesThat().resideInAPackage(API)
                .and().areDeclaredInClassesThat().arePublic()
                .should(notShowInternalTypes())
                .because("a user must never need an internal type to call the API")
                .check(MAIN);
    }

    @Test
    void internalPackagesHaveNoCycle() {
        slices().matching("io.github.jwtsigner.internal.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void nothingInternalReachesBackUpToTheFilter() {
        noClasses().that().resideInAPackage(INTERNAL)
                .should().dependOnClassesThat().belongToAnyOf(JwtSignerFilter.class, JwksServlet.class,
                        JwtValidatorFilter.class)
                .because("the filter and the JWKS servlet are the entry points: arrows go from them into internal,"
                        + " never back")
                .check(MAIN);
    }

    @Test
    void theApiValueTypesReachIntoInternalOnlyForTheKeysToSignGrammar() {
        noClasses().that().resideInAPackage(API).and().doNotBelongToAnyOf(JwtSignerFilter.class, JwksServlet.class,
                        JwtValidatorFilter.class)
                .should().dependOnClassesThat(DescribedPredicate.describe("internal, other than JsonPointer",
                        (JavaClass c) -> c.getPackageName().startsWith("io.github.jwtsigner.internal")
                                && !c.getName().startsWith("io.github.jwtsigner.internal.json.JsonPointer")))
                .because("the settings, key sources and exceptions sit below everything internal; only the"
                        + " keys_to_sign syntax is checked with the parser the signer uses")
                .check(MAIN);
    }

    @Test
    void theServletApiIsUsedOnlyByTheApiAndTheServletPlumbing() {
        noClasses().that().resideOutsideOfPackages(API, "io.github.jwtsigner.internal.servlet..")
                .should().dependOnClassesThat().resideInAPackage("jakarta.servlet..")
                .because("everything that can be tested without a servlet container lives outside the servlet"
                        + " plumbing")
                .check(MAIN);
    }

    @Test
    void theServletFreeCoreDoesNotReachIntoTheServletPlumbing() {
        noClasses().that().resideOutsideOfPackages(API, "io.github.jwtsigner.internal.servlet..")
                .should().dependOnClassesThat().resideInAPackage("io.github.jwtsigner.internal.servlet..")
                .because("the signing core is JSON in, JSON out, with no servlet in sight")
                .check(MAIN);
    }

    @Test
    void onlyTheMicrometerPackageNamesMicrometerAndOnlyMeterRegistriesOpensIt() {
        noClasses().that().resideOutsideOfPackage("io.github.jwtsigner.internal.ops.micrometer..")
                .should().dependOnClassesThat().resideInAPackage("io.micrometer..")
                .because("Micrometer is optional: the filters must load and start without it")
                .check(MAIN);
        noClasses().that().resideOutsideOfPackage("io.github.jwtsigner.internal.ops.micrometer..")
                .and().doNotHaveFullyQualifiedName("io.github.jwtsigner.internal.ops.MeterRegistries")
                .should().dependOnClassesThat().resideInAPackage("io.github.jwtsigner.internal.ops.micrometer..")
                .because("MeterRegistries loads the Micrometer meters only when a registry was given")
                .check(MAIN);
    }

    @Test
    void noMainSourceFileIsLongerThanFourHundredLines() throws IOException {
        List<String> longFiles = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                long lines = Files.readAllLines(f).size();
                if (lines > 400) {
                    longFiles.add(f + " has " + lines + " lines");
                }
            }
        }
        assertEquals(List.of(), longFiles, "split by concern, as the rest of the code is");
    }

    /** Public API members whose parameter, return or field type is internal. */
    private static ArchCondition<JavaMember> notShowInternalTypes() {
        DescribedPredicate<JavaClass> internal = new DescribedPredicate<>("an internal type") {
            @Override
            public boolean test(JavaClass c) {
                return c.getPackageName().startsWith("io.github.jwtsigner.internal");
            }
        };
        return new ArchCondition<>("not show internal types") {
            @Override
            public void check(JavaMember member, ConditionEvents events) {
                if (!member.getModifiers().contains(JavaModifier.PUBLIC)) {
                    return;
                }
                Set<JavaClass> shown = new LinkedHashSet<>();
                if (member instanceof JavaField f) {
                    shown.addAll(f.getType().getAllInvolvedRawTypes());
                } else if (member instanceof JavaCodeUnit u) {
                    shown.addAll(u.getReturnType().getAllInvolvedRawTypes());
                    u.getParameterTypes().forEach(t -> shown.addAll(t.getAllInvolvedRawTypes()));
                }
                for (JavaClass c : shown) {
                    if (internal.test(c)) {
                        events.add(SimpleConditionEvent.violated(member,
                                member.getFullName() + " shows " + c.getName()));
                    }
                }
            }
        };
    }
}

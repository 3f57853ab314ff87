package dev.returnsync.checks;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The boundaries between the modules, on the main classes of every module of the build (this module's test
 * classpath holds them all, examples and benchmarks included). A module is where a class was loaded from (its
 * {@code target/classes} folder or its jar), not its package, so that a class put in another module's package is
 * still caught.
 * <ul>
 *   <li>an {@code internal} package is used only inside its own module;</li>
 *   <li>the dependency direction: {@code spi} uses no other module, {@code core} only {@code spi}, and nothing uses
 *       {@code examples} or {@code benchmarks} but themselves.</li>
 * </ul>
 */
@Timeout(120)
class ModuleBoundariesTest {
    private static final String BASE = "dev.returnsync";

    /**
     * Classes allowed to use another module's internals, each with its reason. {@code EngineStageBenchmark} times
     * the engine's stages one by one (validation, fingerprint, fold cache, outbox plan), which only the internal
     * classes expose; it lives in {@code benchmarks}, which is never deployed, so no user depends on it, and it
     * changes with the internals it measures.
     */
    static final Set<String> MAY_USE_INTERNALS = Set.of("dev.returnsync.benchmarks.EngineStageBenchmark");

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BASE);

    @Test
    void theChecksSeeEveryModuleOfTheBuild() {
        Set<String> seen = new TreeSet<>();
        CLASSES.forEach(c -> seen.add(Modules.of(c)));
        Set<String> missing = new TreeSet<>();
        for (Pom module : Reactor.read(ProjectRoot.get())) {
            Path dir = module.file().getParent();
            String folder = dir.getFileName().toString();
            if (Files.isDirectory(dir.resolve("src/main/java")) && !seen.contains(folder)) {
                missing.add(folder);
            }
        }
        assertEquals(Set.of(), missing, "modules whose classes the checks do not see: project-checks/pom.xml"
                + " must depend on every module with main classes (seen: " + seen + ")");
    }

    @Test
    void internalPackagesAreUsedOnlyInsideTheirModule() {
        internalsStayInTheirModule(MAY_USE_INTERNALS).check(CLASSES);
    }

    @Test
    void theInternalsRuleCatchesAUseFromAnotherModule() {
        AssertionError caught = assertThrows(AssertionError.class,
                () -> internalsStayInTheirModule(Set.of()).check(CLASSES));
        assertTrue(caught.getMessage().contains("EngineStageBenchmark")
                && caught.getMessage().contains("internal to core"), caught.getMessage());
    }

    @Test
    void theSpiUsesNoOtherModule() {
        noClasses().that().resideInAPackage(BASE + ".spi..")
                .should().dependOnClassesThat(resideInAPackage(BASE + "..")
                        .and(resideOutsideOfPackages(BASE + ".spi..")))
                .check(CLASSES);
    }

    @Test
    void coreUsesOnlyTheSpi() {
        noClasses().that().resideInAPackage(BASE + ".core..")
                .should().dependOnClassesThat(resideInAPackage(BASE + "..")
                        .and(resideOutsideOfPackages(BASE + ".core..", BASE + ".spi..")))
                .check(CLASSES);
    }

    @Test
    void nothingUsesTheExamplesOrTheBenchmarks() {
        for (String module : new String[] {".examples..", ".benchmarks.."}) {
            noClasses().that().resideOutsideOfPackage(BASE + module)
                    .should().dependOnClassesThat().resideInAPackage(BASE + module)
                    .check(CLASSES);
        }
    }

    private static ArchRule internalsStayInTheirModule(Set<String> exempt) {
        return classes().that().resideInAPackage(BASE + "..")
                .should(new ArchCondition<>("use no internal package of another module") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        if (exempt.contains(origin.getName()) || exempt.contains(Modules.topLevel(origin))) {
                            return;
                        }
                        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                            JavaClass target = dependency.getTargetClass().getBaseComponentType();
                            if (isInternal(target) && !Modules.of(target).equals(Modules.of(origin))) {
                                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()
                                        + " (in module " + Modules.of(origin) + "; the target is internal to "
                                        + Modules.of(target) + ")"));
                            }
                        }
                    }
                });
    }

    private static boolean isInternal(JavaClass type) {
        return type.getPackageName().startsWith(BASE + ".")
                && Arrays.asList(type.getPackageName().split("\\.")).contains("internal");
    }
}

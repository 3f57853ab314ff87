package dev.returnsync.checks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The BOM against the build: every published module (a jar module of the reactor that does not set
 * {@code maven.deploy.skip}) is in {@code returnsync-bom}, at the project's version; the BOM has no parent, so a
 * host that imports it gets returnsync's versions and nothing else. Entries for modules the reactor does not
 * (yet) build are allowed: a BOM is only dependency management. Beside it, what every published jar must carry:
 * an {@code Automatic-Module-Name} of its own, sources and javadoc jars, and no dependency on a module that is
 * never deployed; and the spi, which adapter authors compile against, depends on the JDK alone.
 */
@Timeout(30)
class PublishedModulesTest {
    private static final String GROUP = "dev.returnsync";
    private static final Pattern MODULE_NAME = Pattern.compile("dev\\.returnsync(\\.[a-z][a-z0-9]*)+");

    private final Path root = ProjectRoot.get();
    private final List<Pom> reactor = Reactor.read(root);
    private final Pom bom = Pom.read(root.resolve("bom/pom.xml"));

    @Test
    void everyPublishedModuleIsInTheBom() {
        assertEquals(Set.of(), missingFromBom(published(reactor), bom),
                "published modules missing from bom/pom.xml's dependencyManagement");
    }

    @Test
    void theCheckNamesAPublishedModuleTheBomLacks() {
        Pom lacking = new Pom(bom.file(), bom.artifactId(), bom.version(), "pom", false, Map.of(), List.of(),
                List.of(), bom.managed().stream().filter(d -> !d.artifactId().equals("returnsync-core")).toList());
        assertEquals(Set.of("returnsync-core"), missingFromBom(published(reactor), lacking));
    }

    @Test
    void theReactorIsReadWithItsPublishedAndNeverDeployedModules() {
        Set<String> published = published(reactor);
        assertTrue(published.containsAll(Set.of("returnsync-spi", "returnsync-core", "returnsync-testkit")),
                published.toString());
        Set<String> all = reactor.stream().map(Pom::artifactId).collect(Collectors.toSet());
        assertTrue(all.containsAll(Set.of("returnsync-parent", "returnsync-bom", "returnsync-examples",
                "returnsync-benchmarks", "returnsync-project-checks")), all.toString());
        assertFalse(published.stream().anyMatch(Set.of("returnsync-parent", "returnsync-bom", "returnsync-examples",
                "returnsync-benchmarks", "returnsync-project-checks")::contains), published.toString());
    }

    @Test
    void theBomIsAtTheProjectsVersionAndHasNoParent() {
        Pom parent = reactor.get(0);
        assertEquals(parent.version(), bom.version(), "bom/pom.xml's version");
        assertFalse(bom.hasParent(), "bom/pom.xml must have no parent: an import would bring the parent's"
                + " dependencyManagement to the host");
        for (Pom.Dependency entry : bom.managed()) {
            assertEquals(GROUP, entry.groupId(), entry.artifactId());
            assertEquals("${project.version}", entry.version(), entry.artifactId());
        }
        for (Pom module : reactor) {
            assertEquals(parent.version(), module.version(), module.file().toString());
        }
    }

    @Test
    void everyPublishedJarNamesItsOwnAutomaticModule() {
        Set<String> names = new TreeSet<>();
        for (Pom module : reactor) {
            if (module.published()) {
                String name = module.properties().get("automatic.module.name");
                assertTrue(name != null && MODULE_NAME.matcher(name).matches(), module.file()
                        + ": <automatic.module.name> must be set to a dev.returnsync module name, is " + name);
                assertTrue(names.add(name), module.file() + ": automatic.module.name " + name + " is used twice");
            }
        }
    }

    @Test
    void everyPublishedJarShipsItsSourcesAndJavadoc() {
        for (Pom module : reactor) {
            if (module.published()) {
                for (String skip : List.of("maven.source.skip", "maven.javadoc.skip")) {
                    assertFalse("true".equals(module.properties().get(skip)), module.file() + " sets " + skip
                            + ": a published jar ships its sources and javadoc jars");
                }
            }
        }
    }

    @Test
    void noPublishedModuleDependsOnAModuleThatIsNeverDeployed() {
        Set<String> neverDeployed = reactor.stream().filter(p -> !p.published() && !p.packaging().equals("pom"))
                .map(Pom::artifactId).collect(Collectors.toSet());
        assertTrue(neverDeployed.containsAll(Set.of("returnsync-examples", "returnsync-benchmarks")),
                neverDeployed.toString());
        for (Pom module : reactor) {
            if (module.published()) {
                List<String> wrong = module.dependencies().stream()
                        .filter(d -> GROUP.equals(d.groupId()) && neverDeployed.contains(d.artifactId())
                                && !"test".equals(d.scope()))
                        .map(Pom.Dependency::artifactId).toList();
                assertEquals(List.of(), wrong, module.file() + " depends on modules that are never deployed");
            }
        }
    }

    @Test
    void theSpiDeclaresNoDependencyButForItsTests() {
        Pom spi = reactor.stream().filter(p -> p.artifactId().equals("returnsync-spi")).findFirst().orElseThrow();
        assertEquals(List.of(), spi.dependencies().stream().filter(d -> !"test".equals(d.scope()))
                .map(d -> d.groupId() + ":" + d.artifactId()).toList(), "spi/pom.xml: the spi needs the JDK only");
    }

    private static Set<String> published(List<Pom> reactor) {
        return reactor.stream().filter(Pom::published).map(Pom::artifactId).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> missingFromBom(Set<String> published, Pom bom) {
        Set<String> listed = bom.managed().stream().filter(d -> GROUP.equals(d.groupId()))
                .map(Pom.Dependency::artifactId).collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>(published);
        missing.removeAll(listed);
        return missing;
    }
}

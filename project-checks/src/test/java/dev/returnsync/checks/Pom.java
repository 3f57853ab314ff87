package dev.returnsync.checks;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the checks read from one {@code pom.xml}, as written (not the effective model): its coordinates, its
 * own properties, its modules, its dependencies and its managed dependencies.
 *
 * @param file         the pom file
 * @param artifactId   the artifact id
 * @param version      the version, or the parent's when the pom has none
 * @param packaging    the packaging ({@code jar} when not given)
 * @param hasParent    whether it names a parent
 * @param properties   its own {@code <properties>}
 * @param modules      its {@code <modules>}, as folder names relative to it
 * @param dependencies its {@code <dependencies>}
 * @param managed      its {@code <dependencyManagement>} entries
 */
record Pom(Path file, String artifactId, String version, String packaging, boolean hasParent,
           Map<String, String> properties, List<String> modules, List<Dependency> dependencies,
           List<Dependency> managed) {

    /** A dependency as written: its version and scope are {@code null} when not given. */
    record Dependency(String groupId, String artifactId, String version, String scope) {
    }

    /** Whether a build of this module deploys an artifact: a jar, not marked {@code maven.deploy.skip}. */
    boolean published() {
        return !packaging.equals("pom") && !"true".equals(properties.get("maven.deploy.skip"));
    }

    static Pom read(Path file) {
        Element project;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Document document = factory.newDocumentBuilder().parse(file.toFile());
            project = document.getDocumentElement();
        } catch (IOException | SAXException | ParserConfigurationException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
        Optional<Element> parent = child(project, "parent");
        String version = text(project, "version")
                .or(() -> parent.flatMap(p -> text(p, "version")))
                .orElseThrow(() -> new IllegalStateException(file + " has no version"));
        Map<String, String> properties = new LinkedHashMap<>();
        child(project, "properties").ifPresent(p -> children(p).forEach(e -> properties.put(e.getTagName(),
                e.getTextContent().trim())));
        List<String> modules = child(project, "modules").map(m -> children(m).stream()
                .map(e -> e.getTextContent().trim()).toList()).orElse(List.of());
        return new Pom(file, text(project, "artifactId").orElseThrow(), version,
                text(project, "packaging").orElse("jar"), parent.isPresent(), properties, modules,
                dependencies(child(project, "dependencies")),
                dependencies(child(project, "dependencyManagement").flatMap(m -> child(m, "dependencies"))));
    }

    private static List<Dependency> dependencies(Optional<Element> list) {
        return list.map(l -> children(l).stream().map(d -> new Dependency(text(d, "groupId").orElse(null),
                text(d, "artifactId").orElse(null), text(d, "version").orElse(null),
                text(d, "scope").orElse(null))).toList()).orElse(List.of());
    }

    private static Optional<String> text(Element element, String name) {
        return child(element, name).map(e -> e.getTextContent().trim());
    }

    private static Optional<Element> child(Element element, String name) {
        return children(element).stream().filter(e -> e.getTagName().equals(name)).findFirst();
    }

    private static List<Element> children(Element element) {
        List<Element> children = new ArrayList<>();
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e) {
                children.add(e);
            }
        }
        return children;
    }
}

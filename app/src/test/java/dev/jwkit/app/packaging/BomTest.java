package dev.jwkit.app.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The jwkit-bom lists exactly the published artifacts of the reactor, pins nothing else, and carries the
 * reactor's coordinates and metadata (it has no parent, so nothing keeps them in step but this test).
 */
class BomTest {

  /** Reactor modules that are not published: test-only helpers, the JMH suite, and the BOM itself. */
  private static final Set<String> NOT_PUBLISHED = Set.of("jwkit-bom", "jwkit-build-support", "jwkit-benchmarks");

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  private final Element root = parse(ROOT.resolve("pom.xml"));
  private final Element bom = parse(ROOT.resolve("bom/pom.xml"));

  @Test
  void listsEveryPublishedModuleOfTheReactorAndNothingElse() {
    List<String> published = new ArrayList<>();
    for (Element module : children(child(root, "modules"), "module")) {
      String artifactId = text(child(parse(ROOT.resolve(module.getTextContent().trim()).resolve("pom.xml")), "artifactId"));
      if (!NOT_PUBLISHED.contains(artifactId)) {
        published.add(artifactId);
      }
    }
    assertThat(published).contains("jwkit-jose-core", "jwkit-app");

    List<String> listed = new ArrayList<>();
    for (Element dependency : managedDependencies(bom)) {
      assertThat(text(child(dependency, "groupId"))).isEqualTo("dev.jwkit");
      assertThat(text(child(dependency, "version"))).isEqualTo("${project.version}");
      listed.add(text(child(dependency, "artifactId")));
    }
    assertThat(listed).containsExactlyInAnyOrderElementsOf(published);
  }

  @Test
  void hasNoParentSoItPinsNoThirdPartyLibrary() {
    assertThat(child(bom, "parent")).isNull();
    assertThat(text(child(bom, "packaging"))).isEqualTo("pom");
    assertThat(child(bom, "dependencies")).isNull();
  }

  @Test
  void carriesTheReactorsCoordinatesAndMetadata() {
    for (String element : List.of("groupId", "version", "url", "inceptionYear")) {
      assertThat(text(child(bom, element))).as(element).isEqualTo(text(child(root, element)));
    }
    for (String element : List.of("licenses", "developers", "scm")) {
      assertThat(child(bom, element).getTextContent().replaceAll("\\s+", " ").trim()).as(element)
          .isEqualTo(child(root, element).getTextContent().replaceAll("\\s+", " ").trim());
    }
    assertThat(text(child(child(bom, "properties"), "project.build.outputTimestamp")))
        .isEqualTo(text(child(child(root, "properties"), "project.build.outputTimestamp")));
  }

  private static List<Element> managedDependencies(Element pom) {
    return children(child(child(pom, "dependencyManagement"), "dependencies"), "dependency");
  }

  private static Element parse(Path pom) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Document document = factory.newDocumentBuilder().parse(pom.toFile());
      return document.getDocumentElement();
    } catch (Exception e) {
      throw new IllegalStateException("cannot read " + pom, e);
    }
  }

  private static Element child(Element parent, String name) {
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element && ((Element) node).getTagName().equals(name)) {
        return (Element) node;
      }
    }
    return null;
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element && ((Element) node).getTagName().equals(name)) {
        found.add((Element) node);
      }
    }
    return found;
  }

  private static String text(Element element) {
    return element == null ? null : element.getTextContent().trim();
  }
}

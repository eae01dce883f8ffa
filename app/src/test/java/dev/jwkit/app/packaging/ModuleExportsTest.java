package dev.jwkit.app.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every library module has a module-info whose exports follow the rule: the packages with public types
 * are exported, and no {@code internal} package is. Catches drift when packages move.
 */
class ModuleExportsTest {

  private final Map<String, ModuleReference> modules = JwkitModules.explicitModules();

  @Test
  void everyLibraryModuleIsAnExplicitModule() {
    assertThat(modules.keySet()).containsAll(JwkitModules.LIBRARY_MODULES);
  }

  @Test
  void exportsArePublicApiPackagesAndNoInternalOne() {
    List<String> problems = new ArrayList<>();
    for (String name : JwkitModules.LIBRARY_MODULES) {
      ModuleDescriptor descriptor = modules.get(name).descriptor();
      Set<String> withPublicTypes = packagesWithPublicTypes(modules.get(name));
      for (String pkg : new TreeSet<>(descriptor.packages())) {
        boolean exported = JwkitModules.exportsUnqualified(descriptor, pkg);
        if (JwkitModules.isInternal(pkg) && exported) {
          problems.add(name + " exports internal package " + pkg);
        } else if (!JwkitModules.isInternal(pkg) && withPublicTypes.contains(pkg) && !exported) {
          problems.add(name + " does not export " + pkg + ", which has public types");
        } else if (!JwkitModules.isInternal(pkg) && !withPublicTypes.contains(pkg) && exported) {
          problems.add(name + " exports " + pkg + ", which has no public type");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void theRuleSeesInternalPackagesAndPublicTypes() {
    // guards the check above against passing vacuously
    ModuleReference jose = modules.get("dev.jwkit.jose");
    assertThat(jose.descriptor().packages()).anyMatch(JwkitModules::isInternal);
    assertThat(packagesWithPublicTypes(jose)).contains("dev.jwkit.jose.jwt", "dev.jwkit.jose.internal.crypto");
    assertThat(JwkitModules.isInternal("dev.jwkit.jose.internal.crypto")).isTrue();
    assertThat(JwkitModules.isInternal("dev.jwkit.jose.internalized")).isFalse();
  }

  /** Packages of the module holding at least one public top-level class, interface, record or enum. */
  private static Set<String> packagesWithPublicTypes(ModuleReference module) {
    try (ModuleReader reader = module.open()) {
      List<String> classes = reader.list()
          .filter(n -> n.endsWith(".class") && !n.contains("$") && !n.endsWith("module-info.class")
              && !n.endsWith("package-info.class") && !n.startsWith("META-INF/"))
          .collect(Collectors.toList());
      Set<String> packages = new TreeSet<>();
      for (String entry : classes) {
        String className = entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
        Class<?> type = Class.forName(className, false, ModuleExportsTest.class.getClassLoader());
        if (Modifier.isPublic(type.getModifiers())) {
          packages.add(type.getPackageName());
        }
      }
      return packages;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}

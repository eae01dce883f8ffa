package dev.jwkit.app.packaging;

import java.io.File;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The explicit modules on this test's class path (jwkit's library modules and the named modules they read),
 * found as the launcher would find them on a module path.
 */
final class JwkitModules {

  /** The library modules; app is the shaded distribution and stays on the class path. */
  static final Set<String> LIBRARY_MODULES = Set.of(
      "dev.jwkit.jose", "dev.jwkit.jwks", "dev.jwkit.adapters.http", "dev.jwkit.adapters.vault",
      "dev.jwkit.adapters.file", "dev.jwkit.adapters.jdbc");

  private JwkitModules() {}

  /** The test class path as Surefire gives it (its booter jar hides the real one from java.class.path). */
  static List<Path> testClassPath() {
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<Path> entries = new ArrayList<>();
    for (String entry : cp.split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        entries.add(Path.of(entry));
      }
    }
    return entries;
  }

  /** Every class-path entry that is an explicit module (has a module descriptor), by module name. */
  static Map<String, ModuleReference> explicitModules() {
    Map<String, ModuleReference> modules = new LinkedHashMap<>();
    for (Path entry : testClassPath()) {
      boolean jar = entry.toString().endsWith(".jar") && Files.isRegularFile(entry);
      boolean exploded = Files.isRegularFile(entry.resolve("module-info.class"));
      if (!jar && !exploded) {
        continue;
      }
      Optional<ModuleReference> found = ModuleFinder.of(entry).findAll().stream().findFirst();
      found.filter(ref -> !ref.descriptor().isAutomatic())
          .ifPresent(ref -> modules.putIfAbsent(ref.descriptor().name(), ref));
    }
    return modules;
  }

  /** The module path for a consumer: the explicit modules' locations. */
  static String modulePath() {
    List<String> paths = new ArrayList<>();
    for (ModuleReference ref : explicitModules().values()) {
      ref.location().ifPresent(uri -> paths.add(Path.of(uri).toString()));
    }
    return String.join(File.pathSeparator, paths);
  }

  static boolean isInternal(String pkg) {
    return pkg.equals("internal") || pkg.contains(".internal.") || pkg.endsWith(".internal")
        || pkg.startsWith("internal.");
  }

  static boolean exportsUnqualified(ModuleDescriptor descriptor, String pkg) {
    return descriptor.exports().stream().anyMatch(e -> e.source().equals(pkg) && !e.isQualified());
  }
}

package io.github.lambdamw.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The project's documentation as a reader finds it: README.md, docs/*.md and every module's
 * README.md, by path relative to the repository root (the tests run in cli/, one level down).
 */
final class ProjectDocs {
  static final Path ROOT = Path.of("..");

  private ProjectDocs() {}

  /** Each document's text by its path from the root, in a stable order. */
  static TreeMap<String, String> all() {
    List<Path> files = new ArrayList<>(List.of(ROOT.resolve("README.md")));
    files.addAll(list(ROOT.resolve("docs"), ".md"));
    for (Path dir : List.of(ROOT, ROOT.resolve("examples"))) {
      for (Path module : list(dir, null)) {
        if (Files.isRegularFile(module.resolve("README.md"))
            && Files.isRegularFile(module.resolve("pom.xml"))) {
          files.add(module.resolve("README.md"));
        }
      }
    }
    TreeMap<String, String> docs = new TreeMap<>();
    for (Path file : files) {
      docs.put(ROOT.relativize(file).toString(), read(file));
    }
    return docs;
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> list(Path dir, String suffix) {
    try (Stream<Path> paths = Files.list(dir)) {
      return paths
          .filter(p -> suffix == null ? Files.isDirectory(p) : p.toString().endsWith(suffix))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

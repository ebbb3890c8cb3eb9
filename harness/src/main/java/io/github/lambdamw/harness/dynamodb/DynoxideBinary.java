package io.github.lambdamw.harness.dynamodb;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the dynoxide executable that {@code npm ci} puts in {@code node_modules} (package.json pins
 * {@code @dynoxide/linux-x64}).
 */
final class DynoxideBinary {

  static final String PROPERTY = "lmw.dynoxide";
  static final String RELATIVE = "node_modules/@dynoxide/linux-x64/dynoxide";

  private DynoxideBinary() {}

  /** The system property {@code lmw.dynoxide}, else the first {@value #RELATIVE} walking up. */
  static Path locate() {
    String configured = System.getProperty(PROPERTY);
    if (configured != null) {
      Path path = Path.of(configured);
      if (!Files.isExecutable(path)) {
        throw new IllegalStateException(PROPERTY + "=" + configured + " is not an executable file");
      }
      return path;
    }
    Path start = Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(RELATIVE);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "dynoxide not found: no "
            + RELATIVE
            + " in "
            + start
            + " or any folder above it. Run `npm ci` in the repository root (package.json pins"
            + " @dynoxide/linux-x64), or point -D"
            + PROPERTY
            + " at the binary.");
  }
}

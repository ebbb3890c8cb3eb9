package io.github.lambdamw.harness.function;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JDK or JRE to start functions with, and its feature version (17, 21, 25 …) read from its {@code
 * release} file, since some flags depend on it.
 */
public record JavaHome(Path path, int featureVersion) {

  /** Temurin 25 on this project's build machines. */
  public static final Path TEMURIN_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

  /** OpenJDK 17 on this project's build machines. */
  public static final Path OPENJDK_17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");

  private static final Pattern VERSION = Pattern.compile("JAVA_VERSION=\"(1\\.)?(\\d+)");

  /** Reads the feature version of the Java installed at {@code path}. */
  public static JavaHome of(Path path) {
    Path java = path.resolve("bin/java");
    if (!Files.isExecutable(java)) {
      throw new IllegalArgumentException("no executable " + java);
    }
    try {
      Matcher matcher = VERSION.matcher(Files.readString(path.resolve("release")));
      if (!matcher.find()) {
        throw new IllegalArgumentException("no JAVA_VERSION in " + path.resolve("release"));
      }
      return new JavaHome(path, Integer.parseInt(matcher.group(2)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the release file of " + path, e);
    }
  }

  /** The Java that runs this code. */
  public static JavaHome current() {
    return of(Path.of(System.getProperty("java.home")));
  }

  public Path javaExecutable() {
    return path.resolve("bin/java");
  }
}

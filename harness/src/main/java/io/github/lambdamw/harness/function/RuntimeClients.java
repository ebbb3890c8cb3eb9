package io.github.lambdamw.harness.function;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds the runtime interface client releases the harness build copied into {@code
 * harness/target/ric/<version>/} (see harness/pom.xml; one execution per version).
 *
 * <p>The folder is the system property {@code lmw.ric.dir} (set by the harness's surefire
 * configuration), else the first {@code target/ric} or {@code harness/target/ric} found walking up
 * from the working directory.
 */
public final class RuntimeClients {

  /**
   * The RIC the java17 and java21 managed runtimes shipped (parent pom {@code ric.legacy.version}).
   */
  public static final String LEGACY = System.getProperty("lmw.ric.legacy.version", "2.4.1");

  /** The newest RIC on Maven Central (parent pom {@code ric.current.version}). */
  public static final String CURRENT = System.getProperty("lmw.ric.current.version", "2.10.1");

  private static final String RIC_JAR_PREFIX = "aws-lambda-java-runtime-interface-client-";

  private RuntimeClients() {}

  /**
   * The prepared release {@code version}.
   *
   * @throws IllegalStateException when the build did not prepare that version
   */
  public static RuntimeClient locate(String version) {
    Path root = root();
    Path dir = root.resolve(version);
    Path ricJar = dir.resolve(RIC_JAR_PREFIX + version + ".jar");
    if (!Files.isRegularFile(ricJar)) {
      throw new IllegalStateException(
          "RIC "
              + version
              + " was not prepared: "
              + ricJar
              + " is missing. Add an execution for it to harness/pom.xml (maven-dependency-plugin,"
              + " copy) and build the harness module (./mvnw -pl harness -am verify). Prepared: "
              + prepared(root));
    }
    List<Path> classPath;
    try (Stream<Path> files = Files.list(dir)) {
      classPath = files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new RuntimeClient(version, classPath, jniLibrary(ricJar, dir.resolve("jni")));
  }

  /** The versions prepared by the build. */
  public static List<String> prepared() {
    return prepared(root());
  }

  private static List<String> prepared(Path root) {
    try (Stream<Path> dirs = Files.list(root)) {
      return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private static Path root() {
    String configured = System.getProperty("lmw.ric.dir");
    if (configured != null) {
      return Path.of(configured);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      for (Path candidate : List.of(dir.resolve("target/ric"), dir.resolve("harness/target/ric"))) {
        if (Files.isDirectory(candidate)) {
          return candidate;
        }
      }
    }
    throw new IllegalStateException(
        "No prepared runtime interface clients: set -Dlmw.ric.dir or build the harness module"
            + " (./mvnw -pl harness -am verify), which copies them into harness/target/ric/.");
  }

  /** Unpacks the RIC's native library for this machine once, next to its jars. */
  private static Path jniLibrary(Path ricJar, Path jniDir) {
    String name = "libaws-lambda-jni.linux-" + architecture() + ".so";
    Path target = jniDir.resolve(name);
    if (Files.isRegularFile(target)) {
      return target;
    }
    try (ZipFile zip = new ZipFile(ricJar.toFile())) {
      ZipEntry entry = zip.getEntry("jni/" + name);
      if (entry == null) {
        // 2.3.1 and 2.3.2 ship <arch>/aws-lambda-runtime-interface-client.glibc.so and ignore the
        // JNI property: they copy the library to /tmp themselves. Unpacked anyway, for a uniform
        // command line.
        String arch = architecture().equals("x86_64") ? "x86_64" : "aarch64";
        entry = zip.getEntry(arch + "/aws-lambda-runtime-interface-client.glibc.so");
      }
      if (entry == null) {
        throw new IllegalStateException(ricJar + " has no jni/" + name);
      }
      Files.createDirectories(jniDir);
      // Written aside and moved into place, so concurrent test JVMs never load half a file.
      Path temporary = Files.createTempFile(jniDir, name, ".part");
      try (InputStream in = zip.getInputStream(entry)) {
        Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
      }
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack the native library of " + ricJar, e);
    }
  }

  private static String architecture() {
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    return switch (arch) {
      case "amd64", "x86_64" -> "x86_64";
      case "aarch64", "arm64" -> "aarch_64";
      default -> throw new IllegalStateException("the RIC ships no native library for " + arch);
    };
  }
}

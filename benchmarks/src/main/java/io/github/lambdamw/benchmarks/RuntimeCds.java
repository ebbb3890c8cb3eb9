package io.github.lambdamw.benchmarks;

import io.github.lambdamw.harness.function.JavaHome;
import io.github.lambdamw.harness.function.LambdaFunction;
import io.github.lambdamw.harness.function.RuntimeClients;
import io.github.lambdamw.harness.runtimeapi.LocalLambda;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * An AppCDS archive of the runtime's classes, as Lambda maps one into every Java function ({@code
 * -Xshare:on -XX:SharedArchiveFile=/var/lang/lib/server/runtime.jsa}, DESIGN.md §2), which the
 * harness's launch command lacks. Made the way a runtime image would make it: the classes the JDK
 * and the runtime client load while the unguarded sample function answers one event (not the
 * realistic function's: Lambda's archive knows nothing of a function's own libraries), dumped into
 * a static archive over the runtime client's class path. Every variant then starts with it, the
 * unguarded baseline and the guarded runs alike.
 */
final class RuntimeCds {
  private RuntimeCds() {}

  /** Makes {@code dir/jdk<feature>/runtime.jsa} afresh for {@code javaHome}; returns its path. */
  static Path create(LocalAws aws, Path javaHome, Path dir) throws Exception {
    JavaHome java = JavaHome.of(javaHome);
    Path home = Files.createDirectories(dir.resolve("jdk" + java.featureVersion()));
    Path classList = home.resolve("classes.lst");
    Path archive = home.resolve("runtime.jsa");
    Files.deleteIfExists(classList);
    Files.deleteIfExists(archive);
    try (LocalLambda lambda = aws.newLambda()) {
      var first = lambda.invokeAsync(LocalAws.EVENT);
      try (LambdaFunction function =
          aws.function(lambda, Variant.NONE, javaHome, 2, home.resolve("class-list-run.log"))
              .withJvmFlag("-XX:DumpLoadedClassList=" + classList)
              .start()) {
        LocalAws.check(Variant.NONE, first.get(60, TimeUnit.SECONDS), function);
        // A normal exit (SIGTERM), so that the JVM closes the list; close() would kill it.
        ProcessHandle.of(function.pid()).ifPresent(ProcessHandle::destroy);
        function.awaitExit(Duration.ofSeconds(10));
      }
    }
    String classPath =
        RuntimeClients.locate(LocalAws.RIC).classPath().stream()
            .map(Path::toString)
            .collect(Collectors.joining(File.pathSeparator));
    List<String> command =
        new ArrayList<>(
            List.of(
                java.javaExecutable().toString(),
                "-Xshare:dump",
                "-XX:SharedClassListFile=" + classList,
                "-XX:SharedArchiveFile=" + archive,
                "-XX:+UseSerialGC",
                "-Djava.net.preferIPv4Stack=true",
                "-classpath",
                classPath));
    Process dump = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (dump.waitFor() != 0 || !Files.isRegularFile(archive)) {
      throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
    }
    System.err.printf(
        "CDS: %d classes listed, archive %s (%d bytes)%n",
        lines(classList), archive, Files.size(archive));
    return archive;
  }

  /**
   * Starts the function with {@code archive}: {@code -Xshare:on}, as Lambda does, so that a
   * function that cannot map it fails instead of silently running without it.
   */
  static void use(LambdaFunction.Builder builder, Path archive) {
    builder.withJvmFlag("-Xshare:on").withJvmFlag("-XX:SharedArchiveFile=" + archive);
  }

  private static long lines(Path file) throws IOException {
    try (var lines = Files.lines(file)) {
      return lines.filter(l -> !l.startsWith("#")).count();
    }
  }
}

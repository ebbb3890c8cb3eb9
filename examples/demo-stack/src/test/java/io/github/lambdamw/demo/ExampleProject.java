package io.github.lambdamw.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A copy of a stand-alone example project under target/, built and run the way its user would: the
 * Maven running this build, with a local repository of its own chained to this build's one (Maven
 * 3.9's {@code maven.repo.local.tail}), under the given JDK, with {@code CDK_OUTDIR} pointing at a
 * cloud assembly folder.
 */
final class ExampleProject {

  private final Path dir;
  private final Path cloudAssembly;
  private final Path logs;
  private final String javaHome;

  private ExampleProject(Path dir, Path cloudAssembly, Path logs, String javaHome) {
    this.dir = dir;
    this.cloudAssembly = cloudAssembly;
    this.logs = logs;
    this.javaHome = javaHome;
  }

  /**
   * A fresh copy of {@code source} (its build output left out) in {@code target}, and an empty
   * assembly folder.
   */
  static ExampleProject copy(Path source, Path target, String javaHome) throws IOException {
    Path dir = target.resolve(source.getFileName());
    Path cloudAssembly = target.resolve(source.getFileName() + ".out");
    deleteRecursively(dir);
    deleteRecursively(cloudAssembly);
    try (Stream<Path> paths = Files.walk(source)) {
      for (Path from : paths.toList()) {
        Path relative = source.relativize(from);
        if (isBuildOutput(relative)) {
          continue;
        }
        Path to = dir.resolve(relative.toString());
        if (Files.isDirectory(from)) {
          Files.createDirectories(to);
        } else {
          Files.copy(from, to);
        }
      }
    }
    return new ExampleProject(dir, cloudAssembly, target, javaHome);
  }

  Path dir() {
    return dir;
  }

  Path cloudAssembly() {
    return cloudAssembly;
  }

  /** Runs Maven with {@code arguments} in the project's folder. */
  void maven(String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(mavenExecutable().toString()));
    command.addAll(List.of(arguments));
    run(dir, command);
  }

  /**
   * Runs {@code shellCommand} (a cdk.json "app") in {@code folder} of the project, as the CDK CLI
   * does.
   */
  void shell(String folder, String shellCommand) throws IOException, InterruptedException {
    run(dir.resolve(folder), List.of("sh", "-c", shellCommand));
  }

  private void run(Path where, List<String> command) throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(where.toFile()).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(name -> name.startsWith("AWS_"));
    env.remove("MAVEN_OPTS"); // a -Dmaven.repo.local there would win over the one below
    env.put("JAVA_HOME", javaHome);
    String path = env.getOrDefault("PATH", "");
    env.put("PATH", mavenExecutable().getParent() + ":" + Path.of(javaHome, "bin") + ":" + path);
    // Not offline: on a fresh machine (CI) the reactor has not necessarily fetched every plugin the
    // example's own
    // lifecycle needs; what it lacks comes from Maven Central into the example's repository, as for
    // any user.
    env.put(
        "MAVEN_ARGS",
        "-Dmaven.repo.local="
            + System.getProperty("example.repo")
            + " -Dmaven.repo.local.tail="
            + System.getProperty("build.repo"));
    env.put("CDK_OUTDIR", cloudAssembly.toString());
    // aws-cdk-lib's asset cache goes under $HOME/.cdk: keep it in the build folder; jsii's package
    // cache stays.
    env.put("HOME", logs.resolve("cdk-home/app-home").toString());
    env.putIfAbsent(
        "JSII_RUNTIME_PACKAGE_CACHE_ROOT",
        Path.of(System.getProperty("user.home"), ".cache/aws/jsii/package-cache").toString());
    Path log = Files.createTempFile(logs, "example-", ".log");
    builder.redirectOutput(log.toFile());
    Process process = builder.start();
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError(
          command + " did not finish within 10 minutes:\n" + Files.readString(log));
    }
    assertThat(process.exitValue())
        .as("%s in %s:%n%s", command, where, Files.readString(log, StandardCharsets.UTF_8))
        .isZero();
  }

  private static Path mavenExecutable() {
    Path mvn = Path.of(System.getProperty("build.maven.home", ""), "bin", "mvn");
    assertThat(mvn).as("the Maven running this build (maven.home)").isExecutable();
    return mvn;
  }

  private static boolean isBuildOutput(Path relative) {
    for (Path part : relative) {
      if (part.toString().equals("target") || part.toString().equals("cdk.out")) {
        return true;
      }
    }
    return false;
  }

  static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(path)) {
      for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(each);
      }
    }
  }
}

package io.github.lambdamw.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.lambdamw.demo.internal.AssetPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the pinned CDK CLI through {@code examples/demo-stack/synth.sh}, as CI does: offline, with
 * every {@code AWS_*} variable removed, with the real sample jar and the layer zip and replay jar
 * lambda-mw-cdk carries. Skipped when {@code npm ci} has not been run, except on CI ({@code
 * CI=true}), where that fails.
 */
class CdkCliSynthIT {

  private static final Path DEMO =
      Path.of(System.getProperty("demo.dir", ".")).toAbsolutePath().normalize();
  private static final Path ROOT = DEMO.getParent().getParent();
  private static final Path TARGET =
      Path.of(System.getProperty("demo.target", "target")).toAbsolutePath();

  @TempDir Path dir;

  @BeforeAll
  static void cliIsInstalled() {
    boolean installed = Files.isExecutable(ROOT.resolve("node_modules/.bin/cdk"));
    if (!"true".equals(System.getenv("CI"))) {
      assumeTrue(installed, "node_modules/.bin/cdk is missing: run npm ci at the repository root");
    }
    assertThat(installed).as("the pinned CDK CLI (npm ci at the repository root)").isTrue();
  }

  private record Run(int exitCode, String output) {}

  /**
   * The sample jar the app deploys by default: the reactor builds it before this module (a
   * dependency of it), so the CLI synthesizes exactly what {@code npx cdk deploy} would upload.
   */
  @BeforeAll
  static void theSampleJarIsBuilt() {
    assertThat(DEMO.resolve(AssetPaths.defaultSampleFunctionJar()))
        .as("built by ./mvnw -pl examples/demo-stack -am package")
        .isRegularFile();
  }

  /** Runs synth.sh with the default (real) assets. */
  private Run synth(Path outdir, String... context) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("sh", DEMO.resolve("synth.sh").toString()));
    for (String entry : context) {
      command.addAll(List.of("-c", entry));
    }
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(DEMO.toFile()).redirectErrorStream(true);
    builder.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().put("CDK_HOME", TARGET.resolve("cdk-home").toString());
    builder.environment().put("CDK_OUTDIR", outdir.toString());
    Path log = dir.resolve("synth.log");
    builder.redirectOutput(log.toFile());
    Process process = builder.start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError(
          "cdk synth did not finish within 5 minutes:\n" + Files.readString(log));
    }
    return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  @Test
  void thePinnedCliSynthesizesTheDemoTemplateWithoutCredentials() throws Exception {
    Path outdir = TARGET.resolve("it-cdk.out");
    deleteRecursively(outdir); // a previous run's assets would hide a missing one
    Run run = synth(outdir);

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output())
        .as("cdk.json carries the pinned aws-cdk-lib's recommended feature flags")
        .doesNotContain("feature flags are not configured");
    Path template = outdir.resolve("MaintenanceWindowDemo.template.json");
    assertThat(template).isNotEmptyFile();
    assertThat(Files.readString(template))
        .contains(
            "AWS::Lambda::LayerVersion",
            "Custom::MaintenanceWindowParameter",
            "AWS::DynamoDB::Table",
            "AWS::Events::Rule")
        .contains("/opt/maintenance-window/wrapper")
        .contains("io.github.lambdamw.sample.ScheduledJobHandler::handleRequest")
        .contains("io.github.lambdamw.replay.ReplayFunctionHandler::handleRequest", "rate(1 hour)");
    try (Stream<Path> files = Files.list(outdir)) {
      assertThat(files.map(file -> file.getFileName().toString()))
          .as("the staged assets: layer zip, sample jar, replay jar")
          .anyMatch(name -> name.startsWith("asset.") && name.endsWith(".zip"))
          .filteredOn(name -> name.startsWith("asset.") && name.endsWith(".jar"))
          .hasSize(2);
    }
    assertThat(Files.readString(outdir.resolve("validation-report.json")))
        .contains("\"pluginReports\": []");
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(path)) {
      for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(each);
      }
    }
  }

  @Test
  void aBadContextValueFailsTheCliSynthNamingIt() throws Exception {
    Run run = synth(dir.resolve("cdk.out"), "runtime=java11");

    assertThat(run.exitCode()).as(run.output()).isNotZero();
    assertThat(run.output()).contains("runtime='java11'");
  }
}

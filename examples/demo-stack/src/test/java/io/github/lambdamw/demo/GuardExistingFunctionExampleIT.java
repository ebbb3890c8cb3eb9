package io.github.lambdamw.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Builds examples/guard-existing-function as a stranger's project, offline, against lambda-mw-cdk installed in a
 * local repository (the pom installs it there before this test), then runs the app exactly as {@code cdk.json} says
 * with {@code CDK_OUTDIR} set, as the CDK CLI does, and reads the cloud assembly back. Under JDK 17 when one is
 * installed: the library and the example must build and synthesize on the oldest Java their users run.
 */
class GuardExistingFunctionExampleIT {

  private static final Path TARGET = Path.of(System.getProperty("demo.target", "target")).toAbsolutePath();
  private static final Path EXAMPLE_SOURCE =
      Path.of(System.getProperty("example.dir", "../guard-existing-function")).toAbsolutePath().normalize();
  private static final Path EXAMPLE = TARGET.resolve("guard-existing-function");
  private static final Path OUT = TARGET.resolve("guard-existing-function.out");
  private static final Path JDK17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Map<String, JsonNode> templates;
  private static String javaHome;

  @BeforeAll
  static void buildAndSynthesizeTheExample() throws Exception {
    copyWithoutBuildOutput(EXAMPLE_SOURCE, EXAMPLE);
    deleteRecursively(OUT);
    javaHome = Files.isExecutable(JDK17.resolve("bin/java")) ? JDK17.toString() : System.getProperty("java.home");

    run(EXAMPLE, List.of(maven().toString(), "-B", "package"));
    JsonNode cdkJson = JSON.readTree(EXAMPLE.resolve("cdk/cdk.json").toFile());
    run(EXAMPLE.resolve("cdk"), List.of("sh", "-c", cdkJson.path("app").asText()));

    templates =
        Map.of(
            "Orders", JSON.readTree(OUT.resolve("Orders.template.json").toFile()),
            "NightlyJobs", JSON.readTree(OUT.resolve("NightlyJobs.template.json").toFile()));
  }

  @Test
  void guardAddsTheLayerWhoseZipCameOutOfTheInstalledLibrary() throws IOException {
    JsonNode function = function(templates.get("Orders"), "PriceOrder");
    String layerId = function.at("/Properties/Layers/0/Ref").asText();

    assertThat(templates.get("Orders").at("/Resources/" + layerId + "/Type").asText())
        .isEqualTo("AWS::Lambda::LayerVersion");
    List<Path> zips;
    try (Stream<Path> files = Files.list(OUT)) {
      zips = files.filter(f -> f.getFileName().toString().matches("asset\\..*\\.zip")).toList();
    }
    List<List<String>> contents = new ArrayList<>();
    for (Path zip : zips) {
      contents.add(entriesOf(zip));
    }
    assertThat(contents)
        .as("the staged zip assets: one is the layer")
        .anyMatch(names -> names.containsAll(List.of("maintenance-window/wrapper", "maintenance-window/agent.jar")));
  }

  @Test
  void guardSetsTheWrapperAndTheAgentsVariables() {
    JsonNode template = templates.get("Orders");
    JsonNode variables = function(template, "PriceOrder").at("/Properties/Environment/Variables");

    assertThat(variables.path("AWS_LAMBDA_EXEC_WRAPPER").asText()).isEqualTo("/opt/maintenance-window/wrapper");
    assertThat(variables.path("MAINTENANCE_WINDOW_REFRESH_SECONDS").asText()).isEqualTo("60");
    assertThat(nameOf(template, variables.path("MAINTENANCE_WINDOW_PARAMETER"))).isEqualTo("orders-maintenance-window");
    assertThat(resourceType(template, variables.path("MAINTENANCE_WINDOW_TABLE"))).isEqualTo("AWS::DynamoDB::Table");
  }

  @Test
  void guardGrantsExactlyTheParameterReadAndTheTableWrite() {
    JsonNode template = templates.get("Orders");
    List<JsonNode> statements = statementsOfRole(template, function(template, "PriceOrder"));

    assertThat(actionsOf(statements)).containsExactlyInAnyOrder("ssm:GetParameter", "dynamodb:PutItem");
    for (JsonNode statement : statements) {
      String resource = statement.path("Resource").toString();
      if (actionsOf(List.of(statement)).contains("ssm:GetParameter")) {
        assertThat(resource).contains(":parameter/");
        assertThat(resource).containsAnyOf("orders-maintenance-window", "{\"Ref\":\"MaintenanceWindowParameter");
      } else {
        assertThat(resourceType(template, statement.at("/Resource/Fn::GetAtt/0")))
            .isEqualTo("AWS::DynamoDB::Table");
      }
    }
  }

  @Test
  void theParameterIsCreatedClosed() {
    JsonNode template = templates.get("Orders");
    String parameter = resourcesMentioning(template, "orders-maintenance-window").toString();

    assertThat(parameter).as("a resource creating the window parameter").contains("windows");
  }

  @Test
  void theAspectGuardsEveryJavaFunctionOfItsStackAndLeavesTheNodeOneAlone() {
    JsonNode template = templates.get("NightlyJobs");
    for (String id : List.of("NightlyReport", "RepriceOpenOrders")) {
      JsonNode function = function(template, id);
      JsonNode variables = function.at("/Properties/Environment/Variables");
      assertThat(variables.path("AWS_LAMBDA_EXEC_WRAPPER").asText()).isEqualTo("/opt/maintenance-window/wrapper");
      assertThat(nameOf(template, variables.path("MAINTENANCE_WINDOW_PARAMETER")))
          .isEqualTo("nightly-jobs-maintenance-window");
      assertThat(function.at("/Properties/Layers").size()).isEqualTo(1);
      assertThat(actionsOf(statementsOfRole(template, function)))
          .containsExactlyInAnyOrder("ssm:GetParameter", "dynamodb:PutItem");
    }
    JsonNode node = function(template, "Heartbeat");
    assertThat(node.at("/Properties/Layers").isMissingNode()).isTrue();
    assertThat(node.at("/Properties/Environment").isMissingNode()).isTrue();
  }

  // --- the example's build ---

  private static Path maven() {
    Path home = Path.of(System.getProperty("build.maven.home", ""));
    Path mvn = home.resolve("bin/mvn");
    assertThat(mvn).as("the Maven running this build (maven.home)").isExecutable();
    return mvn;
  }

  private static void run(Path dir, List<String> command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(name -> name.startsWith("AWS_"));
    env.remove("MAVEN_OPTS"); // a -Dmaven.repo.local there would win over the one below
    env.put("JAVA_HOME", javaHome);
    env.put("PATH", maven().getParent() + ":" + Path.of(javaHome, "bin") + ":" + env.getOrDefault("PATH", ""));
    // Offline; the library from the repository the pom installed it into; everything else read-only from the
    // repository of this build (Maven 3.9's chained local repository).
    env.put(
        "MAVEN_ARGS",
        "-o -Dmaven.repo.local="
            + System.getProperty("example.repo")
            + " -Dmaven.repo.local.tail="
            + System.getProperty("build.repo"));
    env.put("CDK_OUTDIR", OUT.toString());
    env.put("HOME", TARGET.resolve("cdk-home/app-home").toString());
    env.putIfAbsent(
        "JSII_RUNTIME_PACKAGE_CACHE_ROOT",
        Path.of(System.getProperty("user.home"), ".cache/aws/jsii/package-cache").toString());
    Path log = Files.createTempFile(TARGET, "example-", ".log");
    builder.redirectOutput(log.toFile());
    Process process = builder.start();
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError(command + " did not finish within 10 minutes:\n" + Files.readString(log));
    }
    assertThat(process.exitValue()).as("%s in %s:%n%s", command, dir, Files.readString(log, StandardCharsets.UTF_8))
        .isZero();
  }

  private static void copyWithoutBuildOutput(Path from, Path to) throws IOException {
    deleteRecursively(to);
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path source : paths.toList()) {
        Path relative = from.relativize(source);
        boolean buildOutput = false;
        for (Path part : relative) {
          buildOutput |= part.toString().equals("target") || part.toString().equals("cdk.out");
        }
        if (buildOutput) {
          continue;
        }
        Path target = to.resolve(relative.toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
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

  // --- reading the templates ---

  /** The function whose construct id is {@code id} (its logical id is the id and a hash). */
  private static JsonNode function(JsonNode template, String id) {
    List<JsonNode> found = new ArrayList<>();
    template.path("Resources").fields().forEachRemaining(entry -> {
      if (entry.getValue().path("Type").asText().equals("AWS::Lambda::Function")
          && entry.getKey().matches(id + "[0-9A-F]{8}")) {
        found.add(entry.getValue());
      }
    });
    assertThat(found).as("function %s", id).hasSize(1);
    return found.get(0);
  }

  /** A literal, or the Name of the resource a {"Ref": id} points at. */
  private static String nameOf(JsonNode template, JsonNode value) {
    if (value.isTextual()) {
      return value.asText();
    }
    return template.at("/Resources/" + value.path("Ref").asText() + "/Properties/Name").asText();
  }

  private static String resourceType(JsonNode template, JsonNode reference) {
    String id = reference.isTextual() ? reference.asText() : reference.path("Ref").asText();
    return template.at("/Resources/" + id + "/Type").asText();
  }

  private static List<JsonNode> statementsOfRole(JsonNode template, JsonNode function) {
    String roleId = function.at("/Properties/Role/Fn::GetAtt/0").asText();
    List<JsonNode> statements = new ArrayList<>();
    template.path("Resources").forEach(r -> {
      if (r.path("Type").asText().equals("AWS::IAM::Policy")
          && r.at("/Properties/Roles").toString().contains("\"" + roleId + "\"")) {
        r.at("/Properties/PolicyDocument/Statement").forEach(statements::add);
      }
    });
    return statements;
  }

  /** The actions of the statements, one string or a list each. */
  private static List<String> actionsOf(List<JsonNode> statements) {
    List<String> actions = new ArrayList<>();
    for (JsonNode statement : statements) {
      JsonNode action = statement.path("Action");
      if (action.isArray()) {
        action.forEach(a -> actions.add(a.asText()));
      } else {
        actions.add(action.asText());
      }
    }
    return actions;
  }

  /** The resources other than functions and policies whose definition names {@code text}. */
  private static List<JsonNode> resourcesMentioning(JsonNode template, String text) {
    Set<String> skipped = new HashSet<>(List.of("AWS::Lambda::Function", "AWS::IAM::Policy"));
    List<JsonNode> found = new ArrayList<>();
    template.path("Resources").forEach(r -> {
      if (!skipped.contains(r.path("Type").asText()) && r.toString().contains(text)) {
        found.add(r);
      }
    });
    assertThat(found).as("a resource naming %s", text).isNotEmpty();
    return found;
  }

  private static List<String> entriesOf(Path archive) throws IOException {
    List<String> names = new ArrayList<>();
    try (ZipFile zip = new ZipFile(archive.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        names.add(entries.nextElement().getName());
      }
    }
    return names;
  }
}

package io.github.lambdamw.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Builds examples/guard-existing-function as a stranger's project against lambda-mw-cdk installed
 * in a local repository (the pom installs it there before this test), then runs the app exactly as
 * {@code cdk.json} says with {@code CDK_OUTDIR} set, as the CDK CLI does, and reads the cloud
 * assembly back. Under JDK 17 when one is installed: the library and the example must build and
 * synthesize on the oldest Java their users run.
 */
class GuardExistingFunctionExampleIT {

  private static final Path TARGET =
      Path.of(System.getProperty("demo.target", "target")).toAbsolutePath();
  private static final Path SOURCE =
      Path.of(System.getProperty("example.dir", "../guard-existing-function"))
          .toAbsolutePath()
          .normalize();
  private static final Path JDK17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");
  private static final List<String> AGENT_ACTIONS = List.of("ssm:GetParameter", "dynamodb:PutItem");

  private static ExampleProject example;
  private static CfnTemplate orders;
  private static CfnTemplate nightlyJobs;

  @BeforeAll
  static void buildAndSynthesizeTheExample() throws Exception {
    String javaHome =
        Files.isExecutable(JDK17.resolve("bin/java"))
            ? JDK17.toString()
            : System.getProperty("java.home");
    example = ExampleProject.copy(SOURCE, TARGET, javaHome);

    example.maven("-B", "package");
    JsonNode cdkJson = new ObjectMapper().readTree(example.dir().resolve("cdk/cdk.json").toFile());
    example.shell("cdk", cdkJson.path("app").asText());

    orders = CfnTemplate.read(example.cloudAssembly().resolve("Orders.template.json"));
    nightlyJobs = CfnTemplate.read(example.cloudAssembly().resolve("NightlyJobs.template.json"));
  }

  @Test
  void guardAddsTheLayerWhoseZipCameOutOfTheInstalledLibrary() throws IOException {
    JsonNode function = orders.function("PriceOrder");

    assertThat(orders.typeOf(function.at("/Properties/Layers/0")))
        .isEqualTo("AWS::Lambda::LayerVersion");
    List<List<String>> stagedZips = new ArrayList<>();
    try (Stream<Path> files = Files.list(example.cloudAssembly())) {
      for (Path zip :
          files.filter(f -> f.getFileName().toString().matches("asset\\..*\\.zip")).toList()) {
        stagedZips.add(entriesOf(zip));
      }
    }
    assertThat(stagedZips)
        .as("the staged zip assets: one is the layer")
        .anyMatch(
            names ->
                names.containsAll(
                    List.of("maintenance-window/wrapper", "maintenance-window/agent.jar")));
  }

  @Test
  void guardSetsTheWrapperAndTheAgentsVariables() {
    JsonNode variables = orders.function("PriceOrder").at("/Properties/Environment/Variables");

    assertThat(variables.path("AWS_LAMBDA_EXEC_WRAPPER").asText())
        .isEqualTo("/opt/maintenance-window/wrapper");
    assertThat(variables.path("MAINTENANCE_WINDOW_REFRESH_SECONDS").asText()).isEqualTo("60");
    assertThat(orders.nameOf(variables.path("MAINTENANCE_WINDOW_PARAMETER")))
        .isEqualTo("orders-maintenance-window");
    assertThat(orders.typeOf(variables.path("MAINTENANCE_WINDOW_TABLE")))
        .isEqualTo("AWS::DynamoDB::Table");
  }

  @Test
  void guardGrantsExactlyTheParameterReadAndTheTableWrite() {
    List<JsonNode> statements = orders.statementsOfRole(orders.function("PriceOrder"));

    assertThat(CfnTemplate.actionsOf(statements))
        .containsExactlyInAnyOrderElementsOf(AGENT_ACTIONS);
    for (JsonNode statement : statements) {
      if (CfnTemplate.actionsOf(List.of(statement)).contains("ssm:GetParameter")) {
        assertThat(statement.path("Resource").toString())
            .contains(":parameter/")
            .containsAnyOf("orders-maintenance-window", "{\"Ref\":\"MaintenanceWindowParameter");
      } else {
        assertThat(orders.typeOf(statement.at("/Resource/Fn::GetAtt/0")))
            .isEqualTo("AWS::DynamoDB::Table");
      }
    }
  }

  @Test
  void theParameterIsCreatedClosed() {
    assertThat(orders.resourcesMentioning("orders-maintenance-window").toString())
        .as("a resource creating the window parameter")
        .contains("windows");
  }

  @Test
  void theStackOutputsWhatMwStackReads() {
    assertThat(orders.outputKeys())
        .as("the README's `mw --stack Orders` reads these")
        .anyMatch(key -> key.startsWith("LambdaMwTable"))
        .anyMatch(key -> key.startsWith("LambdaMwParameter"));
  }

  @Test
  void theAspectGuardsEveryJavaFunctionOfItsStackAndLeavesTheNodeOneAlone() {
    for (String id : List.of("NightlyReport", "RepriceOpenOrders")) {
      JsonNode function = nightlyJobs.function(id);
      JsonNode variables = function.at("/Properties/Environment/Variables");
      assertThat(variables.path("AWS_LAMBDA_EXEC_WRAPPER").asText())
          .isEqualTo("/opt/maintenance-window/wrapper");
      assertThat(nightlyJobs.nameOf(variables.path("MAINTENANCE_WINDOW_PARAMETER")))
          .isEqualTo("nightly-jobs-maintenance-window");
      assertThat(function.at("/Properties/Layers").size()).isEqualTo(1);
      assertThat(CfnTemplate.actionsOf(nightlyJobs.statementsOfRole(function)))
          .containsExactlyInAnyOrderElementsOf(AGENT_ACTIONS);
    }
    JsonNode node = nightlyJobs.function("Heartbeat");
    assertThat(node.at("/Properties/Layers").isMissingNode()).isTrue();
    assertThat(node.at("/Properties/Environment").isMissingNode()).isTrue();
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

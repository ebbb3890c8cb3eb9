package io.github.lambdamw.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.lambdamw.infra.MaintenanceWindow;
import io.github.lambdamw.infra.MaintenanceWindowProps;
import io.github.lambdamw.infra.MaintenanceWindowReplay;
import io.github.lambdamw.infra.MaintenanceWindowReplayProps;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Validations;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;

class CdkNagTest {

  @TempDir Path dir;

  /**
   * Synthesizes {@code app} (failures included) and returns "ruleId at path" for each violation
   * reported.
   */
  private static List<String> violations(App app, Path outdir) throws IOException {
    catchThrowable(app::synth); // a violation fails the synth; the report is written first
    JsonNode report =
        new ObjectMapper().readTree(outdir.resolve("validation-report.json").toFile());
    List<String> found = new ArrayList<>();
    for (JsonNode plugin : report.path("pluginReports")) {
      for (JsonNode violation : plugin.path("violations")) {
        for (JsonNode resource : violation.path("violatingResources")) {
          found.add(
              violation.path("ruleName").asText()
                  + " at "
                  + resource.path("resourceLogicalId").asText());
        }
        if (violation.path("violatingResources").isEmpty()) {
          found.add(violation.toString());
        }
      }
    }
    return found;
  }

  @Test
  void theDemoAppHasNoUnacknowledgedAwsSolutionsFinding() throws IOException {
    App app = DemoApp.build(DemoTestApps.demoApp(dir, Map.of()));

    assertThat(violations(app, dir.resolve("cdk.out"))).isEmpty();
  }

  @Test
  void theDemoAppHasNoUnacknowledgedAwsSolutionsFindingOnJava25() throws IOException {
    App app = DemoApp.build(DemoTestApps.demoApp(dir, Map.of("runtime", "java25")));

    assertThat(violations(app, dir.resolve("cdk.out"))).isEmpty();
  }

  @Test
  void theDemoAppWithAnOnDemandReplayHasNoUnacknowledgedAwsSolutionsFinding() throws IOException {
    App app = DemoApp.build(DemoTestApps.demoApp(dir, Map.of("replaySchedule", "none")));

    assertThat(violations(app, dir.resolve("cdk.out"))).isEmpty();
  }

  @Test
  void aQualifiedScheduledReplayOfACustomerKeyTableHasNoUnacknowledgedFinding() throws IOException {
    App app = App.Builder.create().outdir(dir.resolve("cdk.out").toString()).build();
    Stack stack = new Stack(app, "Replay");
    Key key = Key.Builder.create(stack, "Key").enableKeyRotation(true).build();
    MaintenanceWindow window =
        new MaintenanceWindow(
            stack,
            "Window",
            MaintenanceWindowProps.builder()
                .layerZip(DemoTestApps.layerZip(dir))
                .encryptionKey(key)
                .build());
    new MaintenanceWindowReplay(
        stack,
        "Replay",
        MaintenanceWindowReplayProps.builder()
            .window(window)
            .function(
                Function.fromFunctionArn(
                    stack, "Orders", "arn:aws:lambda:eu-west-1:123456789012:function:o"))
            .qualifier("live")
            .schedule("cron(30 6 * * ? *)")
            .functionJar(DemoTestApps.jar(dir, "replay.jar"))
            .build());
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));

    assertThat(violations(app, dir.resolve("cdk.out"))).isEmpty();
  }

  @Test
  void theChecksDoReportWhatIsNotAcknowledged() throws IOException {
    App app = App.Builder.create().outdir(dir.resolve("cdk.out").toString()).build();
    Stack stack = new Stack(app, "Unchecked");
    DemoTestApps.javaFunction(stack, "Fn", Runtime.JAVA_11, dir);
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));

    assertThat(violations(app, dir.resolve("cdk.out")))
        .anyMatch(v -> v.contains("AwsSolutions-IAM4"))
        .anyMatch(v -> v.contains("AwsSolutions-L1"));
  }
}

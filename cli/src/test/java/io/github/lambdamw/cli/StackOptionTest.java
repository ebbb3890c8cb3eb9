package io.github.lambdamw.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.lambdamw.cli.LocalCloudFormation.Output;
import io.github.lambdamw.cli.internal.StackNames;
import io.github.lambdamw.replay.CommandFailedException;
import io.github.lambdamw.replay.ExitCodes;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;

/**
 * {@code mw --stack}: the names come from a deployed stack's outputs, read with the SDK's
 * CloudFormation client from a stand-in speaking the Query protocol. The outputs are those the
 * construct writes (infra's StackOutputsTest).
 */
class StackOptionTest {
  private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
  private static final String DEMO_PARAMETER =
      "MaintenanceWindowDemo-MaintenanceWindowParameterA1B2C3";
  private static final String DEMO_TABLE = "MaintenanceWindowDemo-MaintenanceWindow4E5F6G-XYZ";

  private CliSsm ssm;
  private LocalCloudFormation cloudFormation;

  @BeforeEach
  void start() throws IOException {
    ssm = new CliSsm();
    cloudFormation = new LocalCloudFormation();
    cloudFormation.deploy(
        "MaintenanceWindowDemo",
        List.of(
            new Output(
                "FunctionName",
                "MaintenanceWindowDemo-SampleFunction",
                "The guarded sample function"),
            new Output(
                "LambdaMwTableMaintenanceWindow",
                DEMO_TABLE,
                "Maintenance window MaintenanceWindow: table of deferred invocations"),
            new Output(
                "LambdaMwParameterMaintenanceWindow",
                DEMO_PARAMETER,
                "Maintenance window MaintenanceWindow: SSM parameter of the window"),
            new Output(
                "LambdaMwReplayFunctionReplay",
                "MaintenanceWindowDemo-ReplayFunction",
                "Replay Replay: its function (window MaintenanceWindow)"),
            new Output(
                "LambdaMwReplayTargetReplay",
                "MaintenanceWindowDemo-SampleFunction",
                "Replay Replay: the function it replays (window MaintenanceWindow)")));
    cloudFormation.deploy(
        "Shared",
        List.of(
            new Output(
                "LambdaMwTableOrders",
                "orders-table",
                "Maintenance window Orders: table of deferred invocations"),
            new Output(
                "LambdaMwParameterOrders",
                "orders-window",
                "Maintenance window Orders: SSM parameter of the window"),
            new Output(
                "LambdaMwTableOpsBilling",
                "billing-table",
                "Maintenance window Ops/Billing: table"),
            new Output(
                "LambdaMwParameterOpsBilling",
                "billing-window",
                "Maintenance window Ops/Billing: parameter"),
            new Output(
                "LambdaMwReplayTargetA",
                "billing-1",
                "Replay A: the function it replays (window OpsBilling)"),
            new Output(
                "LambdaMwReplayTargetB",
                "billing-2",
                "Replay B: the function it replays (window OpsBilling)")));
  }

  @AfterEach
  void stop() {
    ssm.close();
    cloudFormation.close();
  }

  @Test
  void windowStatus_readsTheParameterTheStackNames() {
    ssm.put(
        DEMO_PARAMETER,
        "{\"windows\":[{\"start\":\"2026-12-01T11:00:00Z\",\"end\":\"2026-12-01T13:00:00Z\"}]}",
        "String");

    CliRun run =
        CliRun.run(
            ssm, cloudFormation, NOW, "--stack", "MaintenanceWindowDemo", "window", "status");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out())
        .startsWith(
            DEMO_PARAMETER + ": open since 2026-12-01T11:00:00Z until 2026-12-01T13:00:00Z");
    assertThat(run.err())
        .contains("stack MaintenanceWindowDemo, window MaintenanceWindow: table " + DEMO_TABLE)
        .contains(
            "function MaintenanceWindowDemo-SampleFunction (replay function MaintenanceWindowDemo-ReplayFunction)");
    assertThat(cloudFormation.lastAuthorization())
        .contains("/eu-west-1/cloudformation/aws4_request");
  }

  @Test
  void theStackOption_worksAfterTheSubcommandToo_andWindowOpenWritesTheStacksParameter() {
    CliRun run =
        CliRun.run(
            ssm,
            cloudFormation,
            NOW,
            "window",
            "open",
            "--for",
            "PT1H",
            "--stack",
            "MaintenanceWindowDemo");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(ssm.value(DEMO_PARAMETER))
        .isEqualTo(
            "{\"windows\":[{\"start\":\"2026-12-01T12:00:00Z\",\"end\":\"2026-12-01T13:00:00Z\"}]}");
  }

  @Test
  void windowCheck_withoutAValue_checksTheStacksParameter_andWithoutAStackSaysWhatIsMissing() {
    ssm.put(DEMO_PARAMETER, "{\"windows\":[{\"start\":\"soon\"}]}", "String");

    CliRun stack =
        CliRun.run(ssm, cloudFormation, NOW, "--stack", "MaintenanceWindowDemo", "window", "check");
    CliRun none = CliRun.run(ssm, cloudFormation, NOW, "window", "check");

    assertThat(stack.exitCode()).isEqualTo(ExitCodes.INVALID_VALUE);
    assertThat(stack.err()).contains("invalid: field 'windows[0].start' is 'soon'");
    assertThat(none.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(none.err())
        .startsWith(
            "Missing the value to check: give VALUE, --file PATH or --parameter NAME (or --stack)");
  }

  @Test
  void anExplicitParameter_winsOverTheStack() {
    ssm.put("mine", "2026-12-01T00:00:00Z,2026-12-01T01:00:00Z", "StringList");

    CliRun run =
        CliRun.run(
            ssm,
            cloudFormation,
            NOW,
            "--stack",
            "MaintenanceWindowDemo",
            "window",
            "status",
            "-p",
            "mine");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).startsWith("mine: closed, no window ahead");
  }

  @Test
  void aMissingStack_isOneLineAndAnAwsError() {
    CliRun run = CliRun.run(ssm, cloudFormation, NOW, "--stack", "Nope", "window", "status");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.AWS_ERROR);
    assertThat(run.err())
        .isEqualTo("mw window status: stack 'Nope' does not exist: check --stack and --region\n");
  }

  @Test
  void aStackTheCallerMayNotRead_isOneLineSayingAccessDenied() {
    cloudFormation.deny("MaintenanceWindowDemo");

    CliRun run =
        CliRun.run(
            ssm, cloudFormation, NOW, "--stack", "MaintenanceWindowDemo", "window", "status");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.AWS_ERROR);
    assertThat(run.err().strip())
        .startsWith(
            "mw window status: stack 'MaintenanceWindowDemo' could not be read: CloudFormation: access denied "
                + "(AccessDenied: User: arn:aws:iam::123456789012:user/test")
        .doesNotContain("\n");
  }

  @Test
  void twoWindowsInAStack_needTheWindowNamed() {
    ssm.put("billing-window", "{\"windows\":[]}", "String");

    CliRun ambiguous =
        CliRun.run(ssm, cloudFormation, NOW, "--stack", "Shared", "window", "status");
    CliRun named =
        CliRun.run(ssm, cloudFormation, NOW, "--stack", "Shared/Ops/Billing", "window", "status");

    assertThat(ambiguous.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(ambiguous.err())
        .contains(
            "stack 'Shared' has 2 maintenance windows (Orders, OpsBilling): pick one, e.g. --stack Shared/Orders");
    assertThat(named.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(named.out()).startsWith("billing-window: closed, no window ahead");
  }

  @Test
  void theNames_ofAWindowWithOneReplay_includeTheFunction_andOfOneWithTwo_sayWhyNot() {
    try (CloudFormationClient client = cloudFormation.client()) {
      StackNames demo = StackNames.describe(client, "MaintenanceWindowDemo");
      StackNames orders = StackNames.describe(client, "Shared/Orders");
      StackNames billing = StackNames.describe(client, "Shared/OpsBilling");

      assertThat(demo)
          .isEqualTo(
              new StackNames(
                  "MaintenanceWindowDemo",
                  "MaintenanceWindow",
                  DEMO_TABLE,
                  DEMO_PARAMETER,
                  "MaintenanceWindowDemo-SampleFunction",
                  "MaintenanceWindowDemo-ReplayFunction",
                  null));
      assertThat(orders.function()).isNull();
      assertThat(orders.whyNoFunction()).isEqualTo("stack 'Shared' has no replay of window Orders");
      assertThat(billing.table()).isEqualTo("billing-table");
      assertThat(billing.whyNoFunction())
          .isEqualTo(
              "stack 'Shared' replays 2 functions of window OpsBilling (billing-1, billing-2)");
    }
  }

  @Test
  void replayList_withoutAFunctionTheStackCanName_isAUsageErrorSayingWhy() {
    CliRun run = CliRun.run(ssm, cloudFormation, NOW, "--stack", "Shared/Orders", "replay", "list");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err())
        .contains(
            "Missing required option: '--function=NAME' (stack 'Shared' has no replay of window Orders)");
  }

  @Test
  void aStackWithoutWindowOutputs_saysSo() {
    cloudFormation.deploy("Other", List.of(new Output("Url", "https://example.com", null)));

    CommandFailedException e =
        catchThrowableOfType(
            CommandFailedException.class,
            () -> StackNames.describe(cloudFormation.client(), "Other"));

    assertThat(e.exitCode()).isEqualTo(ExitCodes.AWS_ERROR);
    assertThat(e.getMessage()).startsWith("stack 'Other' has no maintenance window outputs");
  }
}

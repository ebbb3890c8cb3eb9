package io.github.lambdamw.infra;

import static io.github.lambdamw.infra.CfnIntrinsics.ref;
import static io.github.lambdamw.infra.TestApps.logicalId;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.constructs.Construct;

/**
 * The outputs `mw --stack` reads: fixed keys per window and replay, even for two windows in one
 * stack.
 */
class StackOutputsTest {

  @TempDir Path dir;

  @Test
  void twoWindowsInOneStack_eachGetTableAndParameterOutputsUnderKeysFromTheirPaths() {
    Stack stack = TestApps.stack(dir);
    MaintenanceWindow orders = new MaintenanceWindow(stack, "Orders", props("orders-window"));
    MaintenanceWindow billing =
        new MaintenanceWindow(new Construct(stack, "Ops"), "Billing", props("billing-window"));

    Template template = Template.fromStack(stack);

    template.hasOutput(
        "LambdaMwTableOrders",
        Map.of(
            "Value",
            ref(logicalId(stack, orders)),
            "Description",
            "Maintenance window Orders: table of deferred invocations"));
    template.hasOutput("LambdaMwParameterOrders", Map.of("Value", "orders-window"));
    template.hasOutput(
        "LambdaMwTableOpsBilling",
        Map.of(
            "Value",
            ref(logicalId(stack, billing)),
            "Description",
            "Maintenance window Ops/Billing: table of deferred invocations"));
    template.hasOutput(
        "LambdaMwParameterOpsBilling",
        Map.of(
            "Value", "billing-window",
            "Description", "Maintenance window Ops/Billing: SSM parameter of the window"));
    assertThat(template.findOutputs("*")).hasSize(4);
  }

  @Test
  void aReplay_namesItsFunctionTheFunctionItReplaysAndItsWindow() {
    Stack stack = TestApps.stack(dir);
    MaintenanceWindow window = new MaintenanceWindow(stack, "Window", props("maintenance-window"));
    Function guarded = TestApps.function(stack, "Orders", Runtime.JAVA_21);
    window.guard(guarded);
    MaintenanceWindowReplay replay =
        new MaintenanceWindowReplay(
            stack,
            "OrdersReplay",
            MaintenanceWindowReplayProps.builder()
                .window(window)
                .function(guarded)
                .functionJar(TestApps.replayJar(dir))
                .build());

    Template template = Template.fromStack(stack);

    template.hasOutput(
        "LambdaMwReplayFunctionOrdersReplay",
        Map.of(
            "Value",
            ref(logicalId(stack, replay.getFunction())),
            "Description",
            "Replay OrdersReplay: its function (window Window)"));
    template.hasOutput(
        "LambdaMwReplayTargetOrdersReplay",
        Map.of(
            "Value",
            ref(logicalId(stack, guarded)),
            "Description",
            "Replay OrdersReplay: the function it replays (window Window)"));
    template.hasOutput("LambdaMwTableWindow", Map.of("Value", ref(logicalId(stack, window))));
  }

  private MaintenanceWindowProps props(String parameterName) {
    return MaintenanceWindowProps.builder()
        .layerZip(TestApps.layerZip(dir))
        .parameterName(parameterName)
        .build();
  }
}

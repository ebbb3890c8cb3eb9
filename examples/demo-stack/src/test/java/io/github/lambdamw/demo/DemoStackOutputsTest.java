package io.github.lambdamw.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;

/**
 * What `mw --stack MaintenanceWindowDemo` reads, as the README's examples use it: one window, one
 * replay.
 */
class DemoStackOutputsTest {

  @TempDir Path dir;

  @Test
  void theDemoStack_hasOneWindowWithOneReplay_soMwStackNeedsNoOtherOption() {
    MaintenanceWindowDemoStack stack =
        new MaintenanceWindowDemoStack(
            DemoTestApps.demoApp(dir, Map.of()), DemoApp.STACK_NAME, StackProps.builder().build());

    Template template = Template.fromStack(stack);

    assertThat(template.findOutputs("*").keySet())
        .filteredOn(key -> key.startsWith("LambdaMw"))
        .containsExactlyInAnyOrder(
            "LambdaMwTableMaintenanceWindow",
            "LambdaMwParameterMaintenanceWindow",
            "LambdaMwReplayFunctionReplay",
            "LambdaMwReplayTargetReplay");
    template.hasOutput(
        "LambdaMwReplayTargetReplay",
        Map.of(
            "Value",
            Map.of("Ref", DemoTestApps.logicalId(stack, stack.getFunction())),
            "Description",
            "Replay Replay: the function it replays (window MaintenanceWindow)"));
    template.hasOutput("LambdaMwParameterMaintenanceWindow", Map.of("Value", "maintenance-window"));
  }
}

package io.github.lambdamw.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;

class MaintenanceWindowAspectTest {

  @TempDir Path dir;

  private static final String WRAPPER = "/opt/maintenance-window/wrapper";

  private Stack stackWithAllRuntimes(MaintenanceWindow[] windowOut) {
    Stack stack = TestApps.stack(dir);
    MaintenanceWindow window =
        new MaintenanceWindow(
            stack,
            "Window",
            MaintenanceWindowProps.builder().layerZip(TestApps.layerZip(dir)).build());
    TestApps.function(stack, "Java17", Runtime.JAVA_17);
    TestApps.function(stack, "Java21", Runtime.JAVA_21);
    TestApps.function(stack, "Java25", Runtime.JAVA_25);
    TestApps.function(stack, "Java11", Runtime.JAVA_11);
    TestApps.function(stack, "Node", Runtime.NODEJS_22_X);
    Aspects.of(stack).add(new MaintenanceWindowAspect(window));
    windowOut[0] = window;
    return stack;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> functionProperties(Template template, String idPrefix) {
    return template.findResources("AWS::Lambda::Function").entrySet().stream()
        .filter(entry -> entry.getKey().startsWith(idPrefix))
        .map(entry -> (Map<String, Object>) entry.getValue().get("Properties"))
        .findFirst()
        .orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private static Object wrapperOf(Map<String, Object> properties) {
    Object environment = properties.get("Environment");
    if (environment == null) {
      return null;
    }
    return ((Map<String, Map<String, Object>>) environment)
        .get("Variables")
        .get("AWS_LAMBDA_EXEC_WRAPPER");
  }

  @Test
  void guardsEveryJava17And21And25Function() {
    MaintenanceWindow[] window = new MaintenanceWindow[1];
    Stack stack = stackWithAllRuntimes(window);
    Template template = Template.fromStack(stack);

    for (String id : List.of("Java17", "Java21", "Java25")) {
      Map<String, Object> properties = functionProperties(template, id);
      assertThat(wrapperOf(properties)).as(id).isEqualTo(WRAPPER);
      assertThat((List<?>) properties.get("Layers")).as(id).hasSize(1);
    }
    assertThat(window[0].getGuardedFunctions())
        .extracting(Function::getNode)
        .extracting(node -> node.getId())
        .containsExactlyInAnyOrder("Java17", "Java21", "Java25");
    for (Function fn : window[0].getGuardedFunctions()) {
      assertThat(TestApps.statementsOf(template, stack, fn)).as(fn.getNode().getId()).hasSize(2);
    }
  }

  @Test
  void leavesJava11AndNodeFunctionsAloneWithAWarningNamingThemAndWhy() {
    Stack stack = stackWithAllRuntimes(new MaintenanceWindow[1]);
    Template template = Template.fromStack(stack);

    for (String id : List.of("Java11", "Node")) {
      Map<String, Object> properties = functionProperties(template, id);
      assertThat(wrapperOf(properties)).as(id).isNull();
      assertThat(properties.get("Layers")).as(id).isNull();
    }
    Annotations annotations = Annotations.fromStack(stack);
    annotations.hasWarning(
        "/Test/Java11",
        Match.stringLikeRegexp(
            "Function Test/Java11 is not guarded.*java11.*closed lambdainternal runtime.*"));
    annotations.hasWarning(
        "/Test/Node",
        Match.stringLikeRegexp(
            "Function Test/Node is not guarded.*nodejs22.x is not a Java runtime.*"));
    annotations.hasNoWarning("/Test/Java21", Match.anyValue());
  }

  @Test
  void skipsFunctionsInsideTheWindowItself() {
    Stack stack = TestApps.stack(dir);
    MaintenanceWindow window =
        new MaintenanceWindow(
            stack,
            "Window",
            MaintenanceWindowProps.builder().layerZip(TestApps.layerZip(dir)).build());
    TestApps.function(window, "Tooling", Runtime.JAVA_21);
    Aspects.of(stack).add(new MaintenanceWindowAspect(window));

    Template template = Template.fromStack(stack);
    assertThat(functionProperties(template, "WindowTooling")).doesNotContainKey("Layers");
    assertThat(window.getGuardedFunctions()).isEmpty();
  }
}

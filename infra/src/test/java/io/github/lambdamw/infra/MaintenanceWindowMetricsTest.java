package io.github.lambdamw.infra;

import static io.github.lambdamw.infra.CfnIntrinsics.ref;
import static io.github.lambdamw.infra.TestApps.logicalId;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.sns.Topic;

/**
 * metric*() methods, the optional alarms and dashboard, and observe mode, as they reach the
 * template.
 */
class MaintenanceWindowMetricsTest {

  @TempDir Path dir;

  private MaintenanceWindow window(Stack stack, MaintenanceWindowProps.Builder props) {
    return new MaintenanceWindow(stack, "Window", props.layerZip(TestApps.layerZip(dir)).build());
  }

  @Test
  void metricMethods_nameTheAgentsMetricsByFunctionName_summedOverFiveMinutes() {
    Stack stack = TestApps.stack(dir);
    MaintenanceWindow window = window(stack, MaintenanceWindowProps.builder());
    Function fn = TestApps.function(stack, "Fn", Runtime.JAVA_21);

    Map<String, Metric> metrics =
        Map.of(
            "DeferredInvocations", window.metricDeferred(fn),
            "DeferralFailures", window.metricDeferralFailures(fn),
            "WindowReadFailures", window.metricWindowReadFailures(fn),
            "ReplayFailed", window.metricReplayFailed(fn));

    metrics.forEach(
        (name, metric) -> {
          assertThat(metric.getNamespace()).isEqualTo("MaintenanceWindow");
          assertThat(metric.getMetricName()).isEqualTo(name);
          assertThat(metric.getStatistic()).isEqualTo("Sum");
          assertThat(metric.getPeriod().toSeconds()).isEqualTo(300);
          assertThat(stack.resolve(metric.getDimensions()))
              .isEqualTo(Map.of("FunctionName", ref(logicalId(stack, fn))));
        });
  }

  @Test
  void byDefault_noAlarmNoDashboardAndNoMode() {
    Stack stack = TestApps.stack(dir);
    MaintenanceWindow window = window(stack, MaintenanceWindowProps.builder());
    window.guard(TestApps.function(stack, "Fn", Runtime.JAVA_21));

    Template template = Template.fromStack(stack);
    template.resourceCountIs("AWS::CloudWatch::Alarm", 0);
    template.resourceCountIs("AWS::CloudWatch::Dashboard", 0);
    template.hasResourceProperties(
        "AWS::Lambda::Function",
        Map.of(
            "Environment",
            Map.of(
                "Variables", Match.objectLike(Map.of("MAINTENANCE_WINDOW_MODE", Match.absent())))));
    assertThat(window.getAlarms()).isEmpty();
    assertThat(window.getDashboard()).isNull();
  }

  @Test
  void
      alarms_perGuardedFunction_anyDeferralFailureOrReplayFailureInFiveMinutes_readFailuresFor15Minutes() {
    Stack stack = TestApps.stack(dir);
    Topic topic = Topic.Builder.create(stack, "Pager").enforceSsl(true).build();
    MaintenanceWindow window = window(stack, MaintenanceWindowProps.builder().alarmAction(topic));
    Function fn = TestApps.function(stack, "Fn", Runtime.JAVA_21);
    window.guard(fn);
    window.guard(TestApps.function(stack, "Other", Runtime.JAVA_17));

    Template template = Template.fromStack(stack);
    template.resourceCountIs("AWS::CloudWatch::Alarm", 6);
    assertThat(window.getAlarms()).hasSize(6);
    Map<String, Object> common =
        Map.of(
            "Namespace",
            "MaintenanceWindow",
            "Dimensions",
            List.of(Map.of("Name", "FunctionName", "Value", ref(logicalId(stack, fn)))),
            "Statistic",
            "Sum",
            "Period",
            300,
            "Threshold",
            1,
            "ComparisonOperator",
            "GreaterThanOrEqualToThreshold",
            "TreatMissingData",
            "notBreaching",
            "AlarmActions",
            List.of(ref(logicalId(stack, topic))));
    for (String metric : List.of("DeferralFailures", "ReplayFailed")) {
      template.hasResourceProperties(
          "AWS::CloudWatch::Alarm",
          Match.objectLike(
              with(
                  common,
                  Map.of("MetricName", metric, "EvaluationPeriods", 1, "DatapointsToAlarm", 1))));
    }
    template.hasResourceProperties(
        "AWS::CloudWatch::Alarm",
        Match.objectLike(
            with(
                common,
                Map.of(
                    "MetricName",
                    "WindowReadFailures",
                    "EvaluationPeriods",
                    3,
                    "DatapointsToAlarm",
                    3))));
  }

  @Test
  void alarmsWithoutAnAction_notifyNobody() {
    Stack stack = TestApps.stack(dir);
    MaintenanceWindow window = window(stack, MaintenanceWindowProps.builder().alarms(true));
    window.guard(TestApps.function(stack, "Fn", Runtime.JAVA_21));

    Template template = Template.fromStack(stack);
    template.resourceCountIs("AWS::CloudWatch::Alarm", 3);
    template.hasResourceProperties(
        "AWS::CloudWatch::Alarm",
        Map.of("MetricName", "DeferralFailures", "AlarmActions", Match.absent()));
  }

  @Test
  void dashboard_hasTheHeaderAndOneRowPerGuardedFunction_withTheHeldSeriesAndTheReplayOutcomes() {
    Stack stack = TestApps.stack(dir);
    MaintenanceWindow window = window(stack, MaintenanceWindowProps.builder().dashboard(true));
    window.guard(TestApps.function(stack, "Orders", Runtime.JAVA_21));
    window.guard(TestApps.function(stack, "Billing", Runtime.JAVA_25));

    Template template = Template.fromStack(stack);
    template.resourceCountIs("AWS::CloudWatch::Dashboard", 1);
    String body = dashboardBody(stack, window);
    assertThat(body)
        .contains("Maintenance window `maintenance-window`")
        .contains("mw window status --parameter maintenance-window")
        .contains("Orders: window open (held invocations)")
        .contains("Orders: deferred and failed")
        .contains("Orders: replay outcomes")
        .contains("Billing: replay outcomes")
        .contains("IF(FILL(deferred, 0) + FILL(observed, 0) > 0, 1, 0)");
    for (String metric :
        List.of(
            "DeferredInvocations",
            "WouldDeferInvocations",
            "DeferralFailures",
            "WindowReadFailures",
            "Replayed",
            "ReplayFailed",
            "ReplayUncertain",
            "ReplayLeft")) {
      assertThat(body).contains("\"MaintenanceWindow\",\"" + metric + "\"");
    }
  }

  @Test
  void observe_setsTheModeOnGuardedFunctions() {
    Stack stack = TestApps.stack(dir);
    window(stack, MaintenanceWindowProps.builder().observe(true))
        .guard(TestApps.function(stack, "Fn", Runtime.JAVA_21));

    Template.fromStack(stack)
        .hasResourceProperties(
            "AWS::Lambda::Function",
            Map.of(
                "Environment",
                Map.of(
                    "Variables", Match.objectLike(Map.of("MAINTENANCE_WINDOW_MODE", "observe")))));
  }

  /**
   * The dashboard body with its tokens resolved, as one string (CloudFormation joins it with
   * Fn::Join).
   */
  private static String dashboardBody(Stack stack, MaintenanceWindow window) {
    Object resolved =
        stack.resolve(
            ((software.amazon.awscdk.services.cloudwatch.CfnDashboard)
                    window.getDashboard().getNode().getDefaultChild())
                .getDashboardBody());
    return String.valueOf(resolved);
  }

  private static Map<String, Object> with(Map<String, Object> base, Map<String, Object> more) {
    Map<String, Object> all = new java.util.HashMap<>(base);
    all.putAll(more);
    return all;
  }
}

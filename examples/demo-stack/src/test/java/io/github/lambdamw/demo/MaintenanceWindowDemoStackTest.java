package io.github.lambdamw.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lambdamw.infra.MaintenanceWindowReplay;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awscdk.App;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.constructs.IConstruct;

class MaintenanceWindowDemoStackTest {

  @TempDir Path dir;

  private MaintenanceWindowDemoStack demo(Map<String, String> context) {
    App app = DemoTestApps.demoApp(dir, context);
    return new MaintenanceWindowDemoStack(app, "Demo", StackProps.builder().build());
  }

  private static String logicalId(MaintenanceWindowDemoStack stack, IConstruct construct) {
    return DemoTestApps.logicalId(stack, construct);
  }

  @Test
  void deploysTheLayerParameterTableGuardedFunctionAndCronRule() {
    MaintenanceWindowDemoStack stack = demo(Map.of());
    Template template = Template.fromStack(stack);

    template.resourceCountIs("AWS::Lambda::LayerVersion", 1);
    template.resourceCountIs("Custom::MaintenanceWindowParameter", 1);
    template.resourceCountIs("AWS::DynamoDB::Table", 1);
    template.resourceCountIs(
        "AWS::Lambda::Function", 3); // the sample, its replay, the parameter writer
    template.resourceCountIs("AWS::Events::Rule", 2);
    template.resourceCountIs("AWS::Lambda::Permission", 2);
    template.hasResourceProperties(
        "AWS::Lambda::Function",
        Map.of(
            "Runtime",
            "java21",
            "Handler",
            "io.github.lambdamw.sample.ScheduledJobHandler::handleRequest",
            "Layers",
            List.of(Map.of("Ref", logicalId(stack, stack.getWindow().getLayer()))),
            "Environment",
            Map.of(
                "Variables",
                Map.of(
                    "AWS_LAMBDA_EXEC_WRAPPER", "/opt/maintenance-window/wrapper",
                    "MAINTENANCE_WINDOW_PARAMETER", "maintenance-window",
                    "MAINTENANCE_WINDOW_TABLE", Map.of("Ref", logicalId(stack, stack.getWindow())),
                    "MAINTENANCE_WINDOW_REFRESH_SECONDS", "60"))));
    template.hasResource("AWS::DynamoDB::Table", Map.of("DeletionPolicy", "Retain"));
  }

  @Test
  void theCronRuleTargetsTheFunctionWhichLetsEventBridgeInvokeIt() {
    MaintenanceWindowDemoStack stack = demo(Map.of());
    Template template = Template.fromStack(stack);
    String functionId = logicalId(stack, stack.getFunction());
    String ruleId = logicalId(stack, stack.getSchedule());

    template.hasResourceProperties(
        "AWS::Events::Rule",
        Map.of(
            "ScheduleExpression", "cron(0/15 * * * ? *)",
            "State", "ENABLED",
            "Targets",
                List.of(
                    Match.objectLike(
                        Map.of("Arn", Map.of("Fn::GetAtt", List.of(functionId, "Arn")))))));
    template.hasResourceProperties(
        "AWS::Lambda::Permission",
        Map.of(
            "Action",
            "lambda:InvokeFunction",
            "FunctionName",
            Map.of("Fn::GetAtt", List.of(functionId, "Arn")),
            "Principal",
            "events.amazonaws.com",
            "SourceArn",
            Map.of("Fn::GetAtt", List.of(ruleId, "Arn"))));
  }

  @Test
  void theSampleIsReplayedHourlyByAFunctionOfItsOwn() {
    MaintenanceWindowDemoStack stack = demo(Map.of());
    Template template = Template.fromStack(stack);
    String replayId = logicalId(stack, stack.getReplay().getFunction());

    assertThat(stack.getReplay().getGuardedFunction()).isSameAs(stack.getFunction());
    template.hasResourceProperties(
        "AWS::Lambda::Function",
        Map.of(
            "Handler",
            MaintenanceWindowReplay.HANDLER,
            "Runtime",
            "java21",
            "Timeout",
            300,
            "Environment",
            Map.of(
                "Variables",
                Map.of(
                    "FUNCTION",
                    Map.of("Ref", logicalId(stack, stack.getFunction())),
                    "TABLE",
                    Map.of("Ref", logicalId(stack, stack.getWindow())),
                    "PARAMETER",
                    "maintenance-window",
                    "SETTLE_SECONDS",
                    "60"))));
    template.hasResourceProperties(
        "AWS::Events::Rule",
        Map.of(
            "ScheduleExpression",
            "rate(1 hour)",
            "Targets",
            List.of(
                Match.objectLike(Map.of("Arn", Map.of("Fn::GetAtt", List.of(replayId, "Arn")))))));
    template.hasOutput("ReplayFunctionName", Map.of("Value", Map.of("Ref", replayId)));
  }

  @Test
  void replayScheduleNoneKeepsTheReplayOnDemandOnly() {
    MaintenanceWindowDemoStack stack = demo(Map.of("replaySchedule", "none"));
    Template template = Template.fromStack(stack);

    assertThat(stack.getReplay().getSchedule()).isNull();
    template.resourceCountIs("AWS::Lambda::Function", 3);
    template.resourceCountIs("AWS::Events::Rule", 1);
    template.hasResourceProperties(
        "AWS::Events::Rule", Map.of("ScheduleExpression", "cron(0/15 * * * ? *)"));
    template.hasOutput(
        "ReplayFunctionName",
        Map.of("Value", Map.of("Ref", logicalId(stack, stack.getReplay().getFunction()))));
  }

  @Test
  void outputsNameTheFunctionParameterTableAndLayerVersion() {
    MaintenanceWindowDemoStack stack = demo(Map.of());
    Template template = Template.fromStack(stack);

    template.hasOutput(
        "FunctionName", Map.of("Value", Map.of("Ref", logicalId(stack, stack.getFunction()))));
    template.hasOutput("ParameterName", Map.of("Value", "maintenance-window"));
    template.hasOutput(
        "TableName", Map.of("Value", Map.of("Ref", logicalId(stack, stack.getWindow()))));
    template.hasOutput(
        "LayerVersionArn",
        Map.of("Value", Map.of("Ref", logicalId(stack, stack.getWindow().getLayer()))));
  }

  @Test
  void contextValuesConfigureTheStack() {
    MaintenanceWindowDemoStack stack =
        demo(
            Map.of(
                "parameterName", "/ops/maintenance-window",
                "tableName", "ops-deferred",
                "scheduleExpression", "cron(0 2 ? * MON-FRI *)",
                "refreshSeconds", "15",
                "runtime", "java25",
                "removalPolicy", "destroy",
                "replaySchedule", "cron(0 7 * * ? *)"));
    Template template = Template.fromStack(stack);

    template.hasResourceProperties(
        "AWS::Lambda::Function",
        Map.of(
            "Environment",
            Map.of(
                "Variables", Map.of("MAINTENANCE_WINDOW_PARAMETER", "/ops/maintenance-window"))));
    template.hasResource(
        "AWS::DynamoDB::Table",
        Map.of("DeletionPolicy", "Delete", "Properties", Map.of("TableName", "ops-deferred")));
    template.hasResourceProperties(
        "AWS::Events::Rule", Map.of("ScheduleExpression", "cron(0 2 ? * MON-FRI *)"));
    template.hasResourceProperties(
        "AWS::Events::Rule", Map.of("ScheduleExpression", "cron(0 7 * * ? *)"));
    template.hasResourceProperties(
        "AWS::Lambda::Function",
        Map.of(
            "Runtime",
            "java25",
            "Environment",
            Map.of("Variables", Map.of("MAINTENANCE_WINDOW_REFRESH_SECONDS", "15"))));
  }

  @Test
  @SuppressWarnings("unchecked")
  void noRoleCarriesAnAwsManagedPolicyAndEachFunctionWritesOnlyItsOwnLogGroup() {
    MaintenanceWindowDemoStack stack = demo(Map.of());
    Template template = Template.fromStack(stack);

    for (Map.Entry<String, Map<String, Object>> role :
        template.findResources("AWS::IAM::Role").entrySet()) {
      Map<String, Object> properties = (Map<String, Object>) role.getValue().get("Properties");
      assertThat(properties).as(role.getKey()).doesNotContainKey("ManagedPolicyArns");
    }
    template.hasResourceProperties(
        "AWS::IAM::Role",
        Map.of(
            "Policies",
            List.of(
                Map.of(
                    "PolicyName",
                    "OwnLogs",
                    "PolicyDocument",
                    Map.of(
                        "Statement",
                        List.of(
                            Map.of(
                                "Action", List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                                "Effect", "Allow",
                                "Resource",
                                    Map.of(
                                        "Fn::GetAtt",
                                        List.of(
                                            logicalId(stack, stack.getFunction().getLogGroup()),
                                            "Arn")))),
                        "Version",
                        "2012-10-17")))));
  }

  @Test
  void noIamStatementAnywhereHasAWildcardResource() {
    Template template = Template.fromStack(demo(Map.of()));

    List<Map<String, Object>> statements = DemoTestApps.allStatements(template);
    assertThat(statements).isNotEmpty();
    for (Map<String, Object> statement : statements) {
      Object resource = statement.get("Resource");
      if (resource == null) {
        continue; // trust policies name a principal, not a resource
      }
      List<?> resources = resource instanceof List<?> list ? list : List.of(resource);
      assertThat(resources)
          .as("statement %s", statement)
          .noneMatch(r -> r.toString().contains("*"));
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "runtime            | java11                  | runtime='java11'",
        "runtime            | python3.12              | runtime='python3.12'",
        "scheduleExpression | cron(0/15 * * * *)      | scheduleExpression='cron(0/15 * * * *)'",
        "scheduleExpression | cron(0 2 * * MON *)     | scheduleExpression='cron(0 2 * * MON *)'",
        "scheduleExpression | every 15 minutes        | scheduleExpression='every 15 minutes'",
        "parameterName      | ''                      | parameterName=''",
        "refreshSeconds     | soon                    | refreshSeconds='soon'",
        "removalPolicy      | keep                    | removalPolicy='keep'",
        "replaySchedule     | hourly                  | replaySchedule='hourly'",
        "replaySchedule     | rate(1 hours)           | replaySchedule='rate(1 hours)'",
      })
  void aBadContextValueFailsTheSynthNamingIt(String key, String value, String expected) {
    assertThatThrownBy(() -> Template.fromStack(demo(Map.of(key, value))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(expected);
  }

  @Test
  void aMissingSampleJarFailsNamingThePath() {
    assertThatThrownBy(() -> demo(Map.of("sampleFunctionJar", "/nowhere/sample.jar")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sampleFunctionJar='/nowhere/sample.jar'");
  }

  @Test
  void aMissingReplayJarFailsNamingThePath() {
    assertThatThrownBy(() -> demo(Map.of("replayFunctionJar", "/nowhere/replay.jar")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("replayFunctionJar='/nowhere/replay.jar'");
  }

  @Test
  void alarmsNotifyAnEncryptedTopic_andTheWindowHasADashboard() {
    MaintenanceWindowDemoStack stack = demo(Map.of());
    Template template = Template.fromStack(stack);

    template.resourceCountIs(
        "AWS::CloudWatch::Alarm", 3); // DeferralFailures, ReplayFailed, WindowReadFailures
    template.resourceCountIs("AWS::CloudWatch::Dashboard", 1);
    template.allResourcesProperties(
        "AWS::CloudWatch::Alarm",
        Map.of(
            "Namespace",
            "MaintenanceWindow",
            "AlarmActions",
            List.of(Map.of("Ref", logicalId(stack, stack.getAlarmTopic())))));
    template.hasResourceProperties(
        "AWS::SNS::Topic",
        Map.of("KmsMasterKeyId", Match.objectLike(Map.of("Fn::GetAtt", Match.anyValue()))));
    assertThat(stack.getWindow().getAlarms()).hasSize(3);
  }
}

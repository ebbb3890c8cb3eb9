package io.github.lambdamw.infra;

import static io.github.lambdamw.infra.CfnIntrinsics.arnOf;
import static io.github.lambdamw.infra.CfnIntrinsics.parameterArn;
import static io.github.lambdamw.infra.CfnIntrinsics.ref;
import static io.github.lambdamw.infra.TestApps.logicalId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.Runtime;

class MaintenanceWindowReplayTest {

  @TempDir Path dir;

  private MaintenanceWindow window(Stack stack, MaintenanceWindowProps.Builder props) {
    return new MaintenanceWindow(stack, "Window", props.layerZip(TestApps.layerZip(dir)).build());
  }

  private MaintenanceWindowReplay replay(
      Stack stack,
      MaintenanceWindow window,
      IFunction function,
      MaintenanceWindowReplayProps.Builder props) {
    return new MaintenanceWindowReplay(
        stack,
        "Replay",
        props.window(window).function(function).functionJar(TestApps.replayJar(dir)).build());
  }

  private static Map<String, Object> onlyItemsOf(Object functionName) {
    return Map.of(
        "ForAllValues:StringEquals", Map.of("dynamodb:LeadingKeys", List.of(functionName)));
  }

  /** The statements replay/README.md lists, for a function and window of {@code stack}. */
  private static List<Map<String, Object>> expectedStatements(
      Stack stack, MaintenanceWindow window, Function guarded, Object invokeResource) {
    String tableId = logicalId(stack, window);
    Map<String, Object> condition = onlyItemsOf(ref(logicalId(stack, guarded)));
    return List.of(
        Map.of("Action", "lambda:InvokeFunction", "Effect", "Allow", "Resource", invokeResource),
        Map.of(
            "Action",
            "dynamodb:Query",
            "Condition",
            condition,
            "Effect",
            "Allow",
            "Resource",
            Map.of("Fn::Join", List.of("", List.of(arnOf(tableId), "/index/byArrival")))),
        Map.of(
            "Action",
            List.of("dynamodb:GetItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"),
            "Condition",
            condition,
            "Effect",
            "Allow",
            "Resource",
            arnOf(tableId)),
        Map.of(
            "Action", "ssm:GetParameter",
            "Effect", "Allow",
            "Resource", parameterArn("maintenance-window")));
  }

  @Test
  void deploysTheReplayFunctionOnJava21WithItsEnvironmentTimeoutAndMemory() {
    Stack stack = TestApps.stack(dir);
    MaintenanceWindow window = window(stack, MaintenanceWindowProps.builder());
    Function guarded = TestApps.function(stack, "Fn", Runtime.JAVA_21);
    window.guard(guarded);
    MaintenanceWindowReplay replay =
        replay(stack, window, guarded, MaintenanceWindowReplayProps.builder());

    Template template = Template.fromStack(stack);
    template.resourceCountIs("AWS::Lambda::Function", 3); // with the parameter writer
    template.hasResourceProperties(
        "AWS::Lambda::Function",
        Map.of(
            "Runtime",
            "java21",
            "Handler",
            "io.github.lambdamw.replay.ReplayFunctionHandler::handleRequest",
            "MemorySize",
            512,
            "Timeout",
            300,
            "Layers",
            Match.absent(),
            "LoggingConfig",
            Map.of("LogGroup", ref(logicalId(stack, replay.getFunction().getLogGroup()))),
            "Environment",
            Map.of(
                "Variables",
                Match.exact(
                    Map.of(
                        "FUNCTION",
                        ref(logicalId(stack, guarded)),
                        "TABLE",
                        ref(logicalId(stack, window)),
                        "PARAMETER",
                        "maintenance-window",
                        "SETTLE_SECONDS",
                        "60")))));
    template.hasResourceProperties("AWS::Logs::LogGroup", Map.of("RetentionInDays", 30));
    template.resourceCountIs("AWS::Events::Rule", 0);
    assertThat(replay.getSchedule()).isNull();
    assertThat(replay.getGuardedFunction()).isSameAs(guarded);
  }

  @Test
  void theRoleGetsExactlyTheStatementsOfTheReplayReadmeItsOwnLogsAndNoWildcardOrManagedPolicy() {
    Stack stack = TestApps.stack(dir);
    MaintenanceWindow window = window(stack, MaintenanceWindowProps.builder());
    Function guarded = TestApps.function(stack, "Fn", Runtime.JAVA_21);
    window.guard(guarded);
    MaintenanceWindowReplay replay =
        replay(stack, window, guarded, MaintenanceWindowReplayProps.builder());

    Template template = Template.fromStack(stack);
    assertThat(TestApps.statementsOf(template, stack, replay.getFunction()))
        .containsExactlyElementsOf(
            expectedStatements(stack, window, guarded, arnOf(logicalId(stack, guarded))));
    for (Map<String, Object> statement : TestApps.allStatements(template)) {
      Object resource = statement.get("Resource");
      List<?> resources =
          resource instanceof List<?> list
              ? list
              : resource == null ? List.of() : List.of(resource);
      assertThat(resources)
          .as("statement %s", statement)
          .noneMatch(r -> r.toString().contains("*"));
    }
    template.hasResourceProperties(
        "AWS::IAM::Role",
        Map.of(
            "ManagedPolicyArns",
            Match.absent(),
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
                                    arnOf(logicalId(stack, replay.getFunction().getLogGroup())))),
                        "Version",
                        "2012-10-17")))));
    String roleId = logicalId(stack, replay.getFunction().getRole());
    assertThat(template.findResources("AWS::IAM::Role").get(roleId).toString())
        .doesNotContain("AWSLambdaBasicExecutionRole");
  }

  @Test
  void aQualifierSetsTheTargetAndAddsExactlyThatQualifiedArn() {
    Stack stack = TestApps.stack(dir);
    MaintenanceWindow window = window(stack, MaintenanceWindowProps.builder());
    Function guarded = TestApps.function(stack, "Fn", Runtime.JAVA_21);
    MaintenanceWindowReplay replay =
        replay(stack, window, guarded, MaintenanceWindowReplayProps.builder().qualifier("live"));

    Template template = Template.fromStack(stack);
    String fnId = logicalId(stack, guarded);
    template.hasResourceProperties(
        "AWS::Lambda::Function",
        Map.of(
            "Handler",
            MaintenanceWindowReplay.HANDLER,
            "Environment",
            Map.of(
                "Variables",
                Map.of("TARGET", Map.of("Fn::Join", List.of("", List.of(ref(fnId), ":live")))))));
    assertThat(TestApps.statementsOf(template, stack, replay.getFunction()).get(0))
        .isEqualTo(
            Map.of(
                "Action", "lambda:InvokeFunction",
                "Effect", "Allow",
                "Resource",
                    List.of(
                        arnOf(fnId),
                        Map.of("Fn::Join", List.of("", List.of(arnOf(fnId), ":live"))))));
  }

  @Test
  void aCustomerKeyOfTheTableAddsItsKmsActionsAndNothingElse() {
    Stack stack = TestApps.stack(dir);
    Key key = Key.Builder.create(stack, "Key").enableKeyRotation(true).build();
    MaintenanceWindow window = window(stack, MaintenanceWindowProps.builder().encryptionKey(key));
    Function guarded = TestApps.function(stack, "Fn", Runtime.JAVA_21);
    MaintenanceWindowReplay replay =
        replay(stack, window, guarded, MaintenanceWindowReplayProps.builder());

    List<Map<String, Object>> statements =
        TestApps.statementsOf(Template.fromStack(stack), stack, replay.getFunction());
    assertThat(statements).hasSize(5);
    assertThat(statements.subList(0, 4))
        .containsExactlyElementsOf(
            expectedStatements(stack, window, guarded, arnOf(logicalId(stack, guarded))));
    assertThat(statements.get(4))
        .isEqualTo(
            Map.of(
                "Action", List.of("kms:Encrypt", "kms:GenerateDataKey", "kms:Decrypt"),
                "Effect", "Allow",
                "Resource", arnOf(logicalId(stack, key))));
  }

  @Test
  void withoutTheLeadingKeysRestrictionTheTableStatementsHaveNoCondition() {
    Stack stack = TestApps.stack(dir);
    MaintenanceWindow window = window(stack, MaintenanceWindowProps.builder());
    Function guarded = TestApps.function(stack, "Fn", Runtime.JAVA_21);
    MaintenanceWindowReplay replay =
        replay(
            stack,
            window,
            guarded,
            MaintenanceWindowReplayProps.builder().restrictToFunctionItems(false));

    assertThat(TestApps.statementsOf(Template.fromStack(stack), stack, replay.getFunction()))
        .hasSize(4)
        .allSatisfy(statement -> assertThat(statement).doesNotContainKey("Condition"));
  }

  @Test
  void anImportedFunctionIsReplayedByTheNameAndArnItWasImportedWith() {
    Stack stack = TestApps.stack(dir);
    MaintenanceWindow window = window(stack, MaintenanceWindowProps.builder());
    String arn = "arn:aws:lambda:eu-west-1:123456789012:function:orders-handler";
    IFunction imported = Function.fromFunctionArn(stack, "Orders", arn);
    MaintenanceWindowReplay replay =
        replay(stack, window, imported, MaintenanceWindowReplayProps.builder());

    Template template = Template.fromStack(stack);
    template.hasResourceProperties(
        "AWS::Lambda::Function",
        Map.of("Environment", Map.of("Variables", Map.of("FUNCTION", "orders-handler"))));
    List<Map<String, Object>> statements =
        TestApps.statementsOf(template, stack, replay.getFunction());
    assertThat(statements.get(0))
        .isEqualTo(Map.of("Action", "lambda:InvokeFunction", "Effect", "Allow", "Resource", arn));
    assertThat(statements.get(1)).containsEntry("Condition", onlyItemsOf("orders-handler"));
  }

  @Test
  void aScheduleAddsARuleInvokingTheReplayWhichLetsEventBridgeInvokeIt() {
    Stack stack = TestApps.stack(dir);
    MaintenanceWindow window = window(stack, MaintenanceWindowProps.builder());
    Function guarded = TestApps.function(stack, "Fn", Runtime.JAVA_21);
    MaintenanceWindowReplay replay =
        replay(
            stack,
            window,
            guarded,
            MaintenanceWindowReplayProps.builder().schedule("cron(30 6 * * ? *)"));

    Template template = Template.fromStack(stack);
    String replayId = logicalId(stack, replay.getFunction());
    template.resourceCountIs("AWS::Events::Rule", 1);
    template.hasResourceProperties(
        "AWS::Events::Rule",
        Map.of(
            "ScheduleExpression", "cron(30 6 * * ? *)",
            "State", "ENABLED",
            "Targets", List.of(Match.objectLike(Map.of("Arn", arnOf(replayId))))));
    template.resourceCountIs("AWS::Lambda::Permission", 1);
    template.hasResourceProperties(
        "AWS::Lambda::Permission",
        Map.of(
            "Action",
            "lambda:InvokeFunction",
            "FunctionName",
            arnOf(replayId),
            "Principal",
            "events.amazonaws.com",
            "SourceArn",
            arnOf(logicalId(stack, replay.getSchedule()))));
  }

  @Test
  void theSettleTimeCoversTheWindowsRefreshIntervalUnlessSet() {
    Stack stack = TestApps.stack(dir);
    MaintenanceWindow window = window(stack, MaintenanceWindowProps.builder().refreshSeconds(300));
    Function guarded = TestApps.function(stack, "Fn", Runtime.JAVA_21);
    replay(
        stack,
        window,
        guarded,
        MaintenanceWindowReplayProps.builder().timeout(Duration.minutes(15)));
    new MaintenanceWindowReplay(
        stack,
        "Replay2",
        MaintenanceWindowReplayProps.builder()
            .window(window)
            .function(TestApps.function(stack, "Fn2", Runtime.JAVA_21))
            .functionJar(TestApps.replayJar(dir))
            .settleSeconds(900)
            .runtime(Runtime.JAVA_25)
            .memorySize(1024)
            .build());

    Template template = Template.fromStack(stack);
    template.hasResourceProperties(
        "AWS::Lambda::Function",
        Map.of(
            "Timeout", 900, "Environment", Map.of("Variables", Map.of("SETTLE_SECONDS", "300"))));
    template.hasResourceProperties(
        "AWS::Lambda::Function",
        Map.of(
            "Runtime",
            "java25",
            "MemorySize",
            1024,
            "Environment",
            Map.of("Variables", Map.of("SETTLE_SECONDS", "900"))));
  }

  @Test
  void theAspectNeverGuardsTheReplayFunction() {
    Stack stack = TestApps.stack(dir);
    MaintenanceWindow window = window(stack, MaintenanceWindowProps.builder());
    Function guarded = TestApps.function(stack, "Fn", Runtime.JAVA_21);
    MaintenanceWindowReplay replay =
        replay(stack, window, guarded, MaintenanceWindowReplayProps.builder());
    Aspects.of(stack).add(new MaintenanceWindowAspect(window));

    Template template = Template.fromStack(stack);
    assertThat(window.getGuardedFunctions()).containsExactly(guarded);
    template.hasResourceProperties(
        "AWS::Lambda::Function",
        Map.of("Handler", MaintenanceWindowReplay.HANDLER, "Layers", Match.absent()));
    assertThat(TestApps.statementsOf(template, stack, replay.getFunction()))
        .noneMatch(statement -> "dynamodb:PutItem".equals(statement.get("Action")));
  }

  @Test
  void anAliasIsRejectedInFavourOfTheFunctionAndAQualifier() {
    Stack stack = TestApps.stack(dir);
    MaintenanceWindow window = window(stack, MaintenanceWindowProps.builder());
    Function guarded = TestApps.function(stack, "Fn", Runtime.JAVA_21);
    Alias alias =
        Alias.Builder.create(stack, "Live")
            .aliasName("live")
            .version(guarded.getCurrentVersion())
            .build();

    assertThatThrownBy(() -> replay(stack, window, alias, MaintenanceWindowReplayProps.builder()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is a version or alias")
        .hasMessageContaining("set qualifier");
  }

  @Test
  void invalidPropsFailNamingEachValue() {
    Stack stack = TestApps.stack(dir);
    MaintenanceWindow window = window(stack, MaintenanceWindowProps.builder());
    Function guarded = TestApps.function(stack, "Fn", Runtime.JAVA_21);

    assertThatThrownBy(
            () ->
                new MaintenanceWindowReplay(
                    stack,
                    "Replay",
                    MaintenanceWindowReplayProps.builder()
                        .window(window)
                        .function(guarded)
                        .functionJar(dir.resolve("missing.jar").toString())
                        .qualifier("no:colons")
                        .runtime(Runtime.JAVA_17)
                        .memorySize(128)
                        .timeout(Duration.seconds(30))
                        .schedule("every hour")
                        .settleSeconds(-1)
                        .build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("qualifier 'no:colons'")
        .hasMessageContaining("runtime java17")
        .hasMessageContaining("memorySize 128")
        .hasMessageContaining("timeout 30 seconds")
        .hasMessageContaining("schedule 'every hour'")
        .hasMessageContaining("settleSeconds -1")
        .hasMessageContaining("functionJar '" + dir.resolve("missing.jar"));
    assertThatThrownBy(
            () ->
                new MaintenanceWindowReplay(
                    stack, "Replay2", MaintenanceWindowReplayProps.builder().build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("window is not set")
        .hasMessageContaining("function is not set");
  }
}

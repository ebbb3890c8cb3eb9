package io.github.lambdamw.demo;

import io.github.lambdamw.demo.internal.DemoSettings;
import io.github.lambdamw.infra.MaintenanceWindow;
import io.github.lambdamw.infra.MaintenanceWindowProps;
import io.github.lambdamw.infra.MaintenanceWindowReplay;
import io.github.lambdamw.infra.MaintenanceWindowReplayProps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Acknowledgment;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Validations;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;

/**
 * The demo: the sample function (guarded), an EventBridge cron rule invoking it, the window
 * parameter, the table of deferred invocations, and the sample's replay (on a schedule unless
 * context {@code replaySchedule=none}). Settings come from CDK context (see {@link
 * DemoSettings#DEFAULTS}). The stack is environment-agnostic: it synthesizes without AWS
 * credentials and makes no lookups.
 */
public final class MaintenanceWindowDemoStack extends Stack {

  /** The sample function's handler (module sample-function). */
  public static final String SAMPLE_HANDLER =
      "io.github.lambdamw.sample.ScheduledJobHandler::handleRequest";

  private final Topic alarmTopic;
  private final MaintenanceWindow window;
  private final Function function;
  private final Rule schedule;
  private final MaintenanceWindowReplay replay;

  /** The demo stack with settings from the context of {@code scope}. */
  public MaintenanceWindowDemoStack(Construct scope, String id, StackProps props) {
    this(scope, id, props, DemoSettings.from(scope.getNode()));
  }

  /** The demo stack with the given settings. */
  public MaintenanceWindowDemoStack(
      Construct scope, String id, StackProps props, DemoSettings settings) {
    super(scope, id, props);
    this.alarmTopic = createAlarmTopic();
    this.window = createWindow(settings);
    this.function = createSampleFunction(settings);
    window.guard(function);
    this.schedule = createSchedule(settings);
    this.replay = createReplay(settings);
    createOutputs();
    acknowledgeFindings();
  }

  /**
   * The topic the window's alarms notify: subscribe an address or a pager to it. Encrypted with a
   * key of its own, because CloudWatch cannot publish to a topic under the AWS-managed SNS key.
   */
  private Topic createAlarmTopic() {
    Key key =
        Key.Builder.create(this, "AlarmTopicKey")
            .enableKeyRotation(true)
            .removalPolicy(RemovalPolicy.DESTROY)
            .description(
                "Encrypts the maintenance-window alarm topic; CloudWatch may use it to publish")
            .build();
    key.grant(
        new ServicePrincipal("cloudwatch.amazonaws.com"), "kms:Decrypt", "kms:GenerateDataKey*");
    return Topic.Builder.create(this, "AlarmTopic")
        .masterKey(key)
        .enforceSsl(true)
        .displayName("Maintenance window alarms")
        .build();
  }

  private MaintenanceWindow createWindow(DemoSettings settings) {
    return new MaintenanceWindow(
        this,
        "MaintenanceWindow",
        MaintenanceWindowProps.builder()
            .layerZip(settings.layerZip())
            .parameterName(settings.parameterName())
            .tableName(settings.tableName())
            .refreshSeconds(settings.refreshSeconds())
            .removalPolicy(settings.removalPolicy())
            .alarmAction(alarmTopic)
            .dashboard(true)
            .build());
  }

  private Function createSampleFunction(DemoSettings settings) {
    LogGroup logs =
        LogGroup.Builder.create(this, "SampleFunctionLogs")
            .retention(RetentionDays.TWO_WEEKS)
            .removalPolicy(RemovalPolicy.DESTROY)
            .build();
    return Function.Builder.create(this, "SampleFunction")
        .runtime(settings.runtime())
        .handler(SAMPLE_HANDLER)
        .code(Code.fromAsset(requireFile(settings.sampleFunctionJar(), "sampleFunctionJar")))
        .memorySize(512)
        .timeout(Duration.seconds(30))
        .logGroup(logs)
        .role(ownLogsRole(logs))
        .description("Sample scheduled job guarded by the maintenance window")
        .build();
  }

  /**
   * The sample's role: it may write to its own log group and nowhere else. CDK's default role would
   * carry AWSLambdaBasicExecutionRole, which allows every log group of the account; guard() adds
   * the window's rights.
   */
  private Role ownLogsRole(LogGroup logs) {
    PolicyStatement ownLogs =
        PolicyStatement.Builder.create()
            .actions(List.of("logs:CreateLogStream", "logs:PutLogEvents"))
            .resources(List.of(logs.getLogGroupArn()))
            .build();
    return Role.Builder.create(this, "SampleFunctionRole")
        .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
        .inlinePolicies(
            Map.of("OwnLogs", PolicyDocument.Builder.create().statements(List.of(ownLogs)).build()))
        .build();
  }

  private Rule createSchedule(DemoSettings settings) {
    return Rule.Builder.create(this, "Schedule")
        .schedule(Schedule.expression(settings.scheduleExpression()))
        .description("Invokes the sample function on " + settings.scheduleExpression())
        .targets(List.of(LambdaFunction.Builder.create(function).retryAttempts(2).build()))
        .build();
  }

  private MaintenanceWindowReplay createReplay(DemoSettings settings) {
    if (settings.replayFunctionJar() != null
        && !Files.isRegularFile(Path.of(settings.replayFunctionJar()))) {
      throw new IllegalArgumentException(
          "context replayFunctionJar='"
              + settings.replayFunctionJar()
              + "': no such file (resolved to "
              + Path.of(settings.replayFunctionJar()).toAbsolutePath().normalize()
              + "); pass another jar, or leave the key unset for the one lambda-mw-cdk carries");
    }
    return new MaintenanceWindowReplay(
        this,
        "Replay",
        MaintenanceWindowReplayProps.builder()
            .window(window)
            .function(function)
            .functionJar(settings.replayFunctionJar())
            .schedule(settings.replaySchedule())
            .build());
  }

  private void createOutputs() {
    CfnOutput.Builder.create(this, "FunctionName")
        .description("The guarded sample function")
        .value(function.getFunctionName())
        .build();
    CfnOutput.Builder.create(this, "ParameterName")
        .description("The SSM parameter holding the maintenance window")
        .value(window.getParameter().getParameterName())
        .build();
    CfnOutput.Builder.create(this, "TableName")
        .description("The DynamoDB table of deferred invocations")
        .value(window.getTable().getTableName())
        .build();
    CfnOutput.Builder.create(this, "ReplayFunctionName")
        .description(
            "The replay of the sample's deferred invocations: aws lambda invoke --function-name <it> out.json")
        .value(replay.getFunction().getFunctionName())
        .build();
    CfnOutput.Builder.create(this, "AlarmTopicArn")
        .description("The topic the window's alarms notify: subscribe to be paged")
        .value(alarmTopic.getTopicArn())
        .build();
    CfnOutput.Builder.create(this, "DashboardName")
        .description("The window's CloudWatch dashboard")
        .value(window.getDashboard().getDashboardName())
        .build();
    CfnOutput.Builder.create(this, "LayerVersionArn")
        .description("The layer to attach to functions CDK does not manage")
        .value(window.getLayer().getLayerVersionArn())
        .build();
  }

  private void acknowledgeFindings() {
    if (!Runtime.JAVA_25.getName().equals(function.getRuntime().getName())) {
      Validations.of(function)
          .acknowledge(
              Acknowledgment.builder()
                  .id("AwsSolutions-L1")
                  .reason(
                      "The demo's default runtime is java21 (context key runtime: java17, java21 or java25, the"
                          + " runtimes the agent guards, docs/fidelity.md); -c runtime=java25 selects the latest")
                  .build());
    }
  }

  /** The topic the window's alarms notify. */
  public Topic getAlarmTopic() {
    return alarmTopic;
  }

  /** The maintenance window of the demo. */
  public MaintenanceWindow getWindow() {
    return window;
  }

  /** The guarded sample function. */
  public Function getFunction() {
    return function;
  }

  /** The cron rule invoking the sample function. */
  public Rule getSchedule() {
    return schedule;
  }

  /** The replay of the sample function's deferred invocations. */
  public MaintenanceWindowReplay getReplay() {
    return replay;
  }

  private static String requireFile(String path, String key) {
    if (!Files.isRegularFile(Path.of(path))) {
      throw new IllegalArgumentException(
          "context "
              + key
              + "='"
              + path
              + "': no such file (resolved to "
              + Path.of(path).toAbsolutePath().normalize()
              + "); build the sample function first (./mvnw -pl examples/demo-stack -am package) or pass another jar");
    }
    return path;
  }
}

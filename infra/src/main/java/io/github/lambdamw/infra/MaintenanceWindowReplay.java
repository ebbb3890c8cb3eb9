package io.github.lambdamw.infra;

import io.github.lambdamw.infra.internal.BundledAssets;
import io.github.lambdamw.infra.internal.OwnLogsRole;
import io.github.lambdamw.infra.internal.ScheduleExpressions;
import io.github.lambdamw.infra.internal.StackOutputs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awscdk.Acknowledgment;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.Validations;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IAlias;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.IVersion;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * The replay of one guarded function: a Lambda function running the replay module's {@code
 * ReplayFunctionHandler}, which re-invokes the function with what a maintenance window deferred, in
 * arrival order, after the window (replay/README.md). It runs on demand ({@code aws lambda invoke
 * --function-name <replay> out.json}) or, with {@link
 * MaintenanceWindowReplayProps.Builder#schedule}, from an EventBridge rule; a run while a window is
 * open is refused by the replay itself, so any schedule is safe.
 *
 * <p>Its role gets exactly what replay/README.md ("IAM") lists, on named resources only: {@value
 * #INVOKE_ACTION} on the guarded function (and on {@code <function ARN>:<qualifier>} when a
 * qualifier is set), {@value #QUERY_ACTION} on the table's {@code byArrival} index, {@link
 * #ITEM_ACTIONS} on the table, both narrowed by default to the function's items with a {@code
 * dynamodb:LeadingKeys} condition, {@value MaintenanceWindow#PARAMETER_ACTION} on the window
 * parameter, and {@link MaintenanceWindow#KEY_ACTIONS} on the table's customer-managed key when it
 * has one. Logs go to the replay's own log group, and its role may write there only ({@code
 * logs:CreateLogStream} and {@code logs:PutLogEvents} on that group; no {@code
 * AWSLambdaBasicExecutionRole}, which allows every log group).
 *
 * <p>Why a construct and not a method of {@link MaintenanceWindow}: a replay is a thing of its own
 * with its own settings (schedule, qualifier, timeout) and resources (function, role, log group,
 * rule), one per guarded function; as a construct it can live in any scope, for example an
 * operations stack apart from the window's, and it can replay a function the app only imports
 * ({@code Function.fromFunctionArn}) that was guarded outside CDK. {@link MaintenanceWindowAspect}
 * never guards the replay function.
 */
public class MaintenanceWindowReplay extends Construct {

  /** The handler of the replay function (replay module). */
  public static final String HANDLER =
      "io.github.lambdamw.replay.ReplayFunctionHandler::handleRequest";

  /** What the replay gets on the guarded function. */
  public static final String INVOKE_ACTION = "lambda:InvokeFunction";

  /** What the replay gets on the table's arrival index. */
  public static final String QUERY_ACTION = "dynamodb:Query";

  /**
   * What the replay gets on the table: mark and record ({@code UpdateItem}), read chunks, delete
   * replayed items.
   */
  public static final List<String> ITEM_ACTIONS =
      List.of("dynamodb:GetItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem");

  private static final Set<String> RUNTIMES = Set.of("java21", "java25");
  private static final Pattern QUALIFIER = Pattern.compile("[A-Za-z0-9$_-]{1,128}");

  private final IFunction guarded;
  private final Function function;
  private final Rule schedule;

  /** The replay of {@code props.getFunction()}, with the settings of {@code props}. */
  @SuppressWarnings(
      "this-escape") // a construct passes itself as the scope of its children: CDK's pattern
  public MaintenanceWindowReplay(Construct scope, String id, MaintenanceWindowReplayProps props) {
    super(scope, id);
    check(props);
    checkNoCycle(props);
    MaintenanceWindow window = props.getWindow();
    this.guarded = props.getFunction();
    this.function = createFunction(props, window);
    grant(props, window);
    this.schedule = props.getSchedule() == null ? null : createSchedule(props.getSchedule());
    acknowledgeFindings(props);
    StackOutputs.ofReplay(this, window, function.getFunctionName(), guarded.getFunctionName());
  }

  private static void check(MaintenanceWindowReplayProps props) {
    List<String> errors = new ArrayList<>();
    if (props.getWindow() == null) {
      errors.add(
          "window is not set: the MaintenanceWindow whose table and parameter the replay uses");
    }
    IFunction target = props.getFunction();
    if (target == null) {
      errors.add("function is not set: the guarded function to replay");
    } else if (target instanceof IVersion || target instanceof IAlias) {
      errors.add(
          "function "
              + target.getNode().getPath()
              + " is a version or alias; pass the function itself and set qualifier to the alias or version");
    }
    String qualifier = props.getQualifier();
    if (qualifier != null
        && !Token.isUnresolved(qualifier)
        && !QUALIFIER.matcher(qualifier).matches()) {
      errors.add(
          "qualifier '" + qualifier + "' is not an alias name or version (A-Za-z0-9$_-, 1-128)");
    }
    if (props.getRuntime() == null || !RUNTIMES.contains(props.getRuntime().getName())) {
      errors.add(
          "runtime "
              + (props.getRuntime() == null ? "null" : props.getRuntime().getName())
              + " cannot run the replay (compiled for Java 21); use java21 or java25");
    }
    if (props.getMemorySize() < 512 || props.getMemorySize() > 10_240) {
      errors.add("memorySize " + props.getMemorySize() + " is out of range 512..10240 MB");
    }
    if (props.getTimeout() == null) {
      errors.add("timeout is not set");
    } else {
      Number seconds = props.getTimeout().toSeconds();
      if (!Token.isUnresolved(seconds)
          && (seconds.doubleValue() < 60 || seconds.doubleValue() > 900)) {
        errors.add(
            "timeout "
                + props.getTimeout().toHumanString()
                + " is out of range 1..15 minutes (a run keeps 30 s back for its last item)");
      }
    }
    if (props.getSchedule() != null) {
      String problem = ScheduleExpressions.problem(props.getSchedule());
      if (problem != null) {
        errors.add(
            "schedule '"
                + props.getSchedule()
                + "' is invalid: "
                + problem
                + ", e.g. rate(1 hour)");
      }
    }
    if (props.getSettleSeconds() != null && props.getSettleSeconds() < 0) {
      errors.add("settleSeconds " + props.getSettleSeconds() + " is negative");
    }
    if (props.getLogRetention() == null) {
      errors.add("logRetention is not set");
    }
    String jar = props.getFunctionJar();
    if (jar != null && !Files.isRegularFile(Path.of(jar))) {
      errors.add(
          "functionJar '"
              + jar
              + "' not found (resolved to "
              + Path.of(jar).toAbsolutePath().normalize()
              + "); pass another jar, or leave functionJar unset for the one this library carries");
    }
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException("MaintenanceWindowReplay: " + String.join("; ", errors));
    }
  }

  /**
   * Refuses the one placement CloudFormation cannot deploy, with a message that says what to do
   * instead of CDK's {@code DependencyCycle}: the replay in its window's stack, replaying a
   * function of this app in another stack. That stack depends on the window's (the layer, the
   * parameter), and the replay would need the function's name and ARN from it: a cycle.
   */
  private void checkNoCycle(MaintenanceWindowReplayProps props) {
    IFunction target = props.getFunction();
    if (!(target instanceof Function)) {
      return; // an imported function is referred to by its name or ARN: no reference to another
      // stack
    }
    String here = Stack.of(this).getNode().getPath();
    String targetStack = Stack.of(target).getNode().getPath();
    if (!here.equals(targetStack) && here.equals(Stack.of(props.getWindow()).getNode().getPath())) {
      throw new IllegalArgumentException(
          "MaintenanceWindowReplay "
              + getNode().getPath()
              + ": the replay is in the window's stack "
              + here
              + " but replays "
              + target.getNode().getPath()
              + " of stack "
              + targetStack
              + ", which depends on the window's stack (layer and parameter): CloudFormation cannot deploy that cycle."
              + " Create the replay in the function's stack (new MaintenanceWindowReplay(<"
              + targetStack
              + ">, ...)) or in a third stack, or refer to the function by name in this one"
              + " (Function.fromFunctionName(...))");
    }
  }

  private Function createFunction(MaintenanceWindowReplayProps props, MaintenanceWindow window) {
    LogGroup logs =
        LogGroup.Builder.create(this, "Logs")
            .retention(props.getLogRetention())
            .removalPolicy(RemovalPolicy.DESTROY)
            .build();
    int settle =
        props.getSettleSeconds() != null
            ? props.getSettleSeconds()
            : Math.max(
                MaintenanceWindowReplayProps.DEFAULT_SETTLE_SECONDS, window.getRefreshSeconds());
    Function created =
        Function.Builder.create(this, "Function")
            .runtime(props.getRuntime())
            .handler(HANDLER)
            .code(
                Code.fromAsset(
                    props.getFunctionJar() != null
                        ? props.getFunctionJar()
                        : BundledAssets.replayFunctionJar()))
            .memorySize(props.getMemorySize())
            .timeout(props.getTimeout())
            .logGroup(logs)
            .role(
                OwnLogsRole.create(
                    this, "Role", logs, "The maintenance-window replay of one guarded function"))
            .description("Replays the invocations a maintenance window deferred, after the window")
            .build();
    created.addEnvironment("FUNCTION", guarded.getFunctionName());
    created.addEnvironment("TABLE", window.getTable().getTableName());
    created.addEnvironment("PARAMETER", window.getParameter().getParameterName());
    created.addEnvironment("SETTLE_SECONDS", Integer.toString(settle));
    if (props.getQualifier() != null) {
      created.addEnvironment("TARGET", guarded.getFunctionName() + ":" + props.getQualifier());
    }
    return created;
  }

  private void grant(MaintenanceWindowReplayProps props, MaintenanceWindow window) {
    List<String> invokable = new ArrayList<>(List.of(guarded.getFunctionArn()));
    if (props.getQualifier() != null) {
      invokable.add(guarded.getFunctionArn() + ":" + props.getQualifier());
    }
    allow(List.of(INVOKE_ACTION), invokable, null);

    String tableArn = window.getTable().getTableArn();
    Map<String, Object> ownItems =
        props.isRestrictToFunctionItems()
            ? Map.of(
                "ForAllValues:StringEquals",
                Map.of("dynamodb:LeadingKeys", List.of(guarded.getFunctionName())))
            : null;
    allow(
        List.of(QUERY_ACTION),
        List.of(tableArn + "/index/" + MaintenanceWindow.ARRIVAL_INDEX),
        ownItems);
    allow(ITEM_ACTIONS, List.of(tableArn), ownItems);
    allow(
        List.of(MaintenanceWindow.PARAMETER_ACTION),
        List.of(window.getParameter().getParameterArn()),
        null);
    if (window.getTableKey() != null) {
      allow(MaintenanceWindow.KEY_ACTIONS, List.of(window.getTableKey().getKeyArn()), null);
    }
  }

  private void allow(List<String> actions, List<String> resources, Map<String, Object> conditions) {
    PolicyStatement.Builder statement =
        PolicyStatement.Builder.create().effect(Effect.ALLOW).actions(actions).resources(resources);
    if (conditions != null) {
      statement.conditions(conditions);
    }
    function.addToRolePolicy(statement.build());
  }

  private Rule createSchedule(String expression) {
    return Rule.Builder.create(this, "Schedule")
        .schedule(Schedule.expression(expression))
        .description("Runs the maintenance-window replay on " + expression)
        .targets(List.of(LambdaFunction.Builder.create(function).retryAttempts(2).build()))
        .build();
  }

  private void acknowledgeFindings(MaintenanceWindowReplayProps props) {
    if (!Runtime.JAVA_25.getName().equals(props.getRuntime().getName())) {
      Validations.of(function)
          .acknowledge(
              Acknowledgment.builder()
                  .id("AwsSolutions-L1")
                  .reason(
                      "The replay's deployment package is compiled for Java 21 (--release 21) and replay/README.md"
                          + " documents the java21 runtime; the construct's runtime setting selects java25")
                  .build());
    }
  }

  /** The guarded function this replay re-invokes. */
  public IFunction getGuardedFunction() {
    return guarded;
  }

  /** The replay function (its name is what {@code aws lambda invoke --function-name} takes). */
  public Function getFunction() {
    return function;
  }

  /** The rule running the replay, or {@code null} when it runs on demand only. */
  public Rule getSchedule() {
    return schedule;
  }
}

package io.github.lambdamw.infra.internal;

import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * The stack outputs {@code mw --stack NAME} reads (DescribeStacks) to find a window's table and
 * parameter and a replay's functions. CDK would hash the logical id of an output inside a
 * construct, so each gets a fixed one: {@value #PREFIX} + kind + the construct's path in its stack
 * without its slashes (a window at {@code Ops/Window}: {@code LambdaMwTableOpsWindow}, {@code
 * LambdaMwParameterOpsWindow}). Two windows in one stack differ by their path; a replay's outputs
 * end their description with {@code (window <path without slashes>)}, naming its window.
 */
public final class StackOutputs {
  /** Every output of this contract starts with this. */
  public static final String PREFIX = "LambdaMw";

  /**
   * Kinds: the value is the table name, the parameter name, the replay function's name, the
   * replayed function's.
   */
  public static final String TABLE = "Table";

  public static final String PARAMETER = "Parameter";
  public static final String REPLAY_FUNCTION = "ReplayFunction";
  public static final String REPLAY_TARGET = "ReplayTarget";

  private StackOutputs() {}

  /** The outputs of a window: its table and its parameter. */
  public static void ofWindow(Construct window, String tableName, String parameterName) {
    String key = key(window);
    String path = path(window);
    output(
        window,
        TABLE,
        key,
        tableName,
        "Maintenance window " + path + ": table of deferred invocations");
    output(
        window,
        PARAMETER,
        key,
        parameterName,
        "Maintenance window " + path + ": SSM parameter of the window");
  }

  /**
   * The outputs of a replay: its function, and the function it re-invokes, each naming the window.
   */
  public static void ofReplay(
      Construct replay, IConstruct window, String replayFunctionName, String targetName) {
    String key = key(replay);
    String ofWindow = " (window " + key(window) + ")";
    output(
        replay,
        REPLAY_FUNCTION,
        key,
        replayFunctionName,
        "Replay " + path(replay) + ": its function" + ofWindow);
    output(
        replay,
        REPLAY_TARGET,
        key,
        targetName,
        "Replay " + path(replay) + ": the function it replays" + ofWindow);
  }

  /**
   * The construct's path in its stack, slashes and other characters a logical id cannot hold
   * removed.
   */
  public static String key(IConstruct construct) {
    return path(construct).replaceAll("[^A-Za-z0-9]", "");
  }

  private static String path(IConstruct construct) {
    String stack = Stack.of(construct).getNode().getPath();
    String path = construct.getNode().getPath();
    return stack.isEmpty() ? path : path.substring(stack.length() + 1);
  }

  private static void output(
      Construct scope, String kind, String key, String value, String description) {
    CfnOutput output =
        CfnOutput.Builder.create(scope, PREFIX + kind)
            .value(value)
            .description(description)
            .build();
    output.overrideLogicalId(PREFIX + kind + key);
  }
}

package io.github.lambdamw.cli.internal;

import io.github.lambdamw.replay.CommandFailedException;
import io.github.lambdamw.replay.ExitCodes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Stack;

/**
 * The names one window of a deployed stack gives, read from the stack's outputs: the table, the
 * parameter, and the function its replay re-invokes (with the replay function itself). The outputs
 * follow the construct's contract ({@code infra/.../internal/StackOutputs}): {@code
 * LambdaMw<Kind><key>}, the key being the construct's path in its stack without slashes; a replay's
 * description ends with {@code (window <key>)}.
 *
 * @param stack the stack's name
 * @param window the window's key
 * @param table the table of deferred invocations
 * @param parameter the window parameter
 * @param function the function the window's one replay re-invokes, or null
 * @param replayFunction that replay's own function, or null
 * @param whyNoFunction why {@code function} is null (no replay, or several), or null
 */
public record StackNames(
    String stack,
    String window,
    String table,
    String parameter,
    String function,
    String replayFunction,
    String whyNoFunction) {

  private static final Pattern KEY =
      Pattern.compile("LambdaMw(Table|Parameter|ReplayFunction|ReplayTarget)([A-Za-z0-9]+)");
  private static final Pattern OF_WINDOW = Pattern.compile("\\(window ([A-Za-z0-9]+)\\)$");

  /**
   * Reads the stack named by {@code selector} ({@code NAME}, or {@code NAME/WINDOW} when the stack
   * holds several windows) with DescribeStacks.
   *
   * @throws CommandFailedException when the stack does not exist, holds no window, or more than one
   *     and none was named
   */
  public static StackNames describe(CloudFormationClient cloudFormation, String selector) {
    int slash = selector.indexOf('/');
    String name = slash < 0 ? selector : selector.substring(0, slash);
    String window = slash < 0 ? null : selector.substring(slash + 1);
    Stack stack;
    try {
      stack = cloudFormation.describeStacks(r -> r.stackName(name)).stacks().get(0);
    } catch (CloudFormationException e) {
      if (e.awsErrorDetails() != null
          && "ValidationError".equals(e.awsErrorDetails().errorCode())
          && String.valueOf(e.awsErrorDetails().errorMessage()).contains("does not exist")) {
        throw new CommandFailedException(
            ExitCodes.AWS_ERROR, "stack '" + name + "' does not exist: check --stack and --region");
      }
      throw e;
    }
    return from(name, window, stack.outputs());
  }

  /** The names of window {@code window} (null: the only one) among a stack's outputs. */
  public static StackNames from(String stack, String window, List<Output> outputs) {
    Map<String, Map<String, String>> windows = new LinkedHashMap<>();
    Map<String, Map<String, String>> replays = new LinkedHashMap<>();
    for (Output output : outputs) {
      Matcher key = KEY.matcher(String.valueOf(output.outputKey()));
      if (!key.matches()) {
        continue;
      }
      String kind = key.group(1);
      if (kind.startsWith("Replay")) {
        Matcher of = OF_WINDOW.matcher(String.valueOf(output.description()));
        Map<String, String> replay =
            replays.computeIfAbsent(key.group(2), k -> new LinkedHashMap<>());
        replay.put(kind, output.outputValue());
        if (of.find()) {
          replay.put("window", of.group(1));
        }
      } else {
        windows
            .computeIfAbsent(key.group(2), k -> new LinkedHashMap<>())
            .put(kind, output.outputValue());
      }
    }
    String chosen = choose(stack, window, windows);
    Map<String, String> names = windows.get(chosen);
    List<Map<String, String>> ofWindow = new ArrayList<>();
    for (Map<String, String> replay : replays.values()) {
      if (chosen.equals(replay.get("window"))) {
        ofWindow.add(replay);
      }
    }
    if (ofWindow.size() == 1) {
      Map<String, String> replay = ofWindow.get(0);
      return new StackNames(
          stack,
          chosen,
          names.get("Table"),
          names.get("Parameter"),
          replay.get("ReplayTarget"),
          replay.get("ReplayFunction"),
          null);
    }
    String why =
        ofWindow.isEmpty()
            ? "stack '" + stack + "' has no replay of window " + chosen
            : "stack '"
                + stack
                + "' replays "
                + ofWindow.size()
                + " functions of window "
                + chosen
                + " ("
                + String.join(", ", ofWindow.stream().map(r -> r.get("ReplayTarget")).toList())
                + ")";
    return new StackNames(
        stack, chosen, names.get("Table"), names.get("Parameter"), null, null, why);
  }

  private static String choose(
      String stack, String window, Map<String, Map<String, String>> windows) {
    if (windows.isEmpty()) {
      throw new CommandFailedException(
          ExitCodes.AWS_ERROR,
          "stack '"
              + stack
              + "' has no maintenance window outputs (LambdaMwTable...): is it the stack of a "
              + "MaintenanceWindow construct, deployed with this version?");
    }
    if (window != null) {
      String key = window.replaceAll("[^A-Za-z0-9]", "");
      if (!windows.containsKey(key)) {
        throw new CommandFailedException(
            ExitCodes.USAGE,
            "stack '"
                + stack
                + "' has no window '"
                + window
                + "'; it has "
                + String.join(", ", windows.keySet()));
      }
      return key;
    }
    if (windows.size() > 1) {
      String first = windows.keySet().iterator().next();
      throw new CommandFailedException(
          ExitCodes.USAGE,
          "stack '"
              + stack
              + "' has "
              + windows.size()
              + " maintenance windows ("
              + String.join(", ", windows.keySet())
              + "): pick one, e.g. --stack "
              + stack
              + "/"
              + first);
    }
    return windows.keySet().iterator().next();
  }

  /** One line for the operator: where the names came from. */
  public String describe() {
    return "stack "
        + stack
        + ", window "
        + window
        + ": table "
        + table
        + ", parameter "
        + parameter
        + (function == null
            ? ""
            : ", function " + function + " (replay function " + replayFunction + ")");
  }
}

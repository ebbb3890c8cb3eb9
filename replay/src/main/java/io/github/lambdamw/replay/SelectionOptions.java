package io.github.lambdamw.replay;

import java.time.Instant;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Which items a command works on: the table, the function, a range of arrival times. The table and
 * the function come from the options, else from the stack ({@code mw --stack}), else the table is
 * the agent's default.
 */
final class SelectionOptions {
  @Option(
      names = "--function",
      paramLabel = "NAME",
      description =
          "The guarded function's name (its AWS_LAMBDA_FUNCTION_NAME): the items' partition key. Required unless "
              + "--stack names exactly one replayed function.")
  String functionName;

  @Option(
      names = "--table",
      paramLabel = "TABLE",
      description =
          "The table of deferred invocations (default: the stack's, else "
              + ReplaySettings.DEFAULT_TABLE
              + ").")
  String tableName;

  @Option(
      names = "--from",
      paramLabel = "INSTANT",
      description =
          "Only items that arrived at or after this instant, ISO-8601 (2026-12-01T02:00:00Z).")
  Instant from;

  @Option(
      names = "--to",
      paramLabel = "INSTANT",
      description = "Only items that arrived before this instant, ISO-8601.")
  Instant to;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "0",
      description = "At most N items (0, the default: all).")
  long limit;

  /** The table: {@code --table}, else the stack's, else the agent's default. */
  String table(CommandSpec spec) {
    if (tableName != null) {
      return tableName;
    }
    String deployed = DeployedNames.of(spec).table();
    return deployed != null ? deployed : ReplaySettings.DEFAULT_TABLE;
  }

  /**
   * The function: {@code --function}, else the one the stack names; a usage error when neither
   * gives one.
   */
  String function(CommandSpec spec) {
    if (functionName != null) {
      return functionName;
    }
    DeployedNames deployed = DeployedNames.of(spec);
    if (deployed.function() != null) {
      return deployed.function();
    }
    String why = deployed.whyNoFunction();
    throw new ParameterException(
        spec.commandLine(),
        "Missing required option: '--function=NAME'" + (why == null ? "" : " (" + why + ")"));
  }
}

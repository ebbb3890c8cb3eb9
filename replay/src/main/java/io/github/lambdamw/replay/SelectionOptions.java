package io.github.lambdamw.replay;

import java.time.Instant;
import picocli.CommandLine.Option;

/** Which items a command works on: the table, the function, a range of arrival times, and where AWS is. */
final class SelectionOptions {
  @Option(
      names = "--function",
      required = true,
      paramLabel = "NAME",
      description = "The guarded function's name (its AWS_LAMBDA_FUNCTION_NAME): the items' partition key.")
  String functionName;

  @Option(
      names = "--table",
      paramLabel = "TABLE",
      defaultValue = ReplaySettings.DEFAULT_TABLE,
      description = "The table of deferred invocations (default: ${DEFAULT-VALUE}).")
  String tableName;

  @Option(
      names = "--from",
      paramLabel = "INSTANT",
      description = "Only items that arrived at or after this instant, ISO-8601 (2026-12-01T02:00:00Z).")
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

  @Option(
      names = "--region",
      paramLabel = "REGION",
      description = "The AWS region (default: the SDK's region chain, e.g. AWS_REGION).")
  String region;
}

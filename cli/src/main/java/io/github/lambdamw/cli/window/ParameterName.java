package io.github.lambdamw.cli.window;

import picocli.CommandLine.Option;

/** {@code --parameter NAME}, defaulting to the agent's default parameter. */
final class ParameterName {
  @Option(
      names = {"-p", "--parameter"},
      paramLabel = "NAME",
      defaultValue = "maintenance-window",
      description = "SSM parameter holding the window value (default: ${DEFAULT-VALUE}, as the agent's).")
  String name;
}

package io.github.lambdamw.cli.window;

import io.github.lambdamw.replay.DeployedNames;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code --parameter NAME}: else the stack's ({@code mw --stack}), else the agent's default
 * parameter.
 */
final class ParameterName {
  static final String DEFAULT = "maintenance-window";

  @Option(
      names = {"-p", "--parameter"},
      paramLabel = "NAME",
      description =
          "SSM parameter holding the window value (default: the stack's, else "
              + DEFAULT
              + ", as the agent's).")
  String name;

  /** The parameter to use: {@code --parameter}, else the stack's, else {@value #DEFAULT}. */
  String resolve(CommandSpec spec) {
    if (name != null) {
      return name;
    }
    String deployed = DeployedNames.of(spec).parameter();
    return deployed != null ? deployed : DEFAULT;
  }
}

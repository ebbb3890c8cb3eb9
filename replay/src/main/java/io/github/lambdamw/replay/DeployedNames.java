package io.github.lambdamw.replay;

import picocli.CommandLine.Model.CommandSpec;

/**
 * Names found in a deployed stack ({@code mw --stack NAME}) for the options a command was not
 * given: explicit options always win, and the agent's defaults apply when neither gives a name. The
 * root command implements it; standalone, there is none.
 */
public interface DeployedNames {
  /** No stack: every name is null. */
  DeployedNames NONE = new DeployedNames() {};

  /** The table of deferred invocations, or null. */
  default String table() {
    return null;
  }

  /** The window parameter, or null. */
  default String parameter() {
    return null;
  }

  /** The guarded function, when the stack names exactly one, or null. */
  default String function() {
    return null;
  }

  /**
   * Why {@link #function()} is null although a stack was given (none or several functions), or
   * null.
   */
  default String whyNoFunction() {
    return null;
  }

  /** The names the root command of {@code spec} offers. */
  static DeployedNames of(CommandSpec spec) {
    return spec.root().userObject() instanceof DeployedNames names ? names : NONE;
  }
}

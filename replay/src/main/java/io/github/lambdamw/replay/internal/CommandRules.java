package io.github.lambdamw.replay.internal;

import io.github.lambdamw.replay.CommandFailedException;
import io.github.lambdamw.replay.ExitCodes;
import picocli.CommandLine;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * What every {@code mw} command shares, applied once to the whole command tree: the one exit-code
 * table in each {@code --help}, usage errors are their message and a pointer to {@code --help}
 * (exit {@value ExitCodes#USAGE}), and an AWS failure no command caught becomes one line naming the
 * cause and the fix (exit {@value ExitCodes#AWS_ERROR}) instead of a stack trace.
 */
public final class CommandRules {
  private CommandRules() {}

  /** Applies the rules to {@code root} and every subcommand it has now; returns {@code root}. */
  public static CommandLine apply(CommandLine root) {
    document(root);
    // The message and where to read more: the whole usage after each mistake buries the one line
    // that matters.
    root.setParameterExceptionHandler(
        (e, args) -> {
          CommandLine command = e.getCommandLine();
          command.getErr().println(e.getMessage());
          command
              .getErr()
              .println(
                  "(" + command.getCommandSpec().qualifiedName() + " --help shows the options)");
          return ExitCodes.USAGE;
        });
    root.setExecutionExceptionHandler(
        (e, command, parsed) -> {
          String name = command.getCommandSpec().qualifiedName();
          if (e instanceof CommandFailedException failed) {
            command.getErr().println(name + ": " + failed.getMessage());
            return failed.exitCode();
          }
          if (e instanceof SdkException sdk) {
            command.getErr().println(name + ": " + AwsProblems.describe(sdk, "AWS"));
            return ExitCodes.AWS_ERROR;
          }
          if (System.getenv("MW_DEBUG") != null) {
            e.printStackTrace(command.getErr());
          }
          command
              .getErr()
              .println(
                  name
                      + ": internal error, please report it (MW_DEBUG=1 adds the stack trace): "
                      + e);
          return ExitCodes.INTERNAL;
        });
    return root;
  }

  private static void document(CommandLine command) {
    command.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.USAGE);
    command
        .getCommandSpec()
        .usageMessage()
        .exitCodeListHeading("%nExit codes:%n")
        .exitCodeList(ExitCodes.TABLE);
    for (CommandLine sub : command.getSubcommands().values()) {
      if (sub.getParent() == command) {
        document(sub);
      }
    }
  }
}

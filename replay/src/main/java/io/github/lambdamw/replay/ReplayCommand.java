package io.github.lambdamw.replay;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code replay}: the group of {@code list} and {@code run}. Registered under the {@code mw} root command. */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    subcommands = {ListCommand.class, RunCommand.class},
    description = {
      "Lists and replays the invocations a guarded function deferred during a maintenance window.",
      "",
      "AWS region, endpoints and credentials come from the SDK's standard environment "
          + "(AWS_REGION, AWS_PROFILE, AWS_ENDPOINT_URL_DYNAMODB, AWS_ENDPOINT_URL_LAMBDA, AWS_ENDPOINT_URL_SSM, ...)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:all selected items replayed (or listed), or nothing to do",
      "1:some items failed or are uncertain; they stay in the table with their error",
      "2:usage error, or refused: the window is open, closed too recently, or unreadable",
      "3:AWS error: the table, SSM or credentials failed"
    })
public final class ReplayCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE_OR_REFUSED;
  }

  /** Runs the group standalone: {@code java -cp … io.github.lambdamw.replay.ReplayCommand run --function f}. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new ReplayCommand()).execute(args));
  }
}

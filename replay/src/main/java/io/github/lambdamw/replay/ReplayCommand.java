package io.github.lambdamw.replay;

import io.github.lambdamw.replay.internal.CommandRules;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code replay}: the group of {@code list} and {@code run}. Registered under the {@code mw} root
 * command.
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    subcommands = {ListCommand.class, RunCommand.class},
    description = {
      "Lists and replays the invocations a guarded function deferred during a maintenance window.",
      "",
      "AWS region, endpoints and credentials come from the SDK's standard environment "
          + "(AWS_REGION, AWS_PROFILE, AWS_ENDPOINT_URL_DYNAMODB, AWS_ENDPOINT_URL_LAMBDA, AWS_ENDPOINT_URL_SSM, ...), "
          + "or from --region and --endpoint-url."
    })
public final class ReplayCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }

  /**
   * Runs the group standalone: {@code java -cp … io.github.lambdamw.replay.ReplayCommand run
   * --function f}.
   */
  public static void main(String[] args) {
    System.exit(standalone(CommandLine.defaultFactory()).execute(args));
  }

  /**
   * The group as its own root command: with {@code --region} and {@code --endpoint-url}, and the
   * shared rules.
   */
  static CommandLine standalone(CommandLine.IFactory factory) {
    CommandLine replay = new CommandLine(new ReplayCommand(), factory);
    replay.addMixin(AwsOptions.MIXIN_NAME, new AwsOptions());
    return CommandRules.apply(replay);
  }
}

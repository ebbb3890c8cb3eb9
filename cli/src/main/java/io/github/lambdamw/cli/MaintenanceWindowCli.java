package io.github.lambdamw.cli;

import io.github.lambdamw.cli.internal.CliClients;
import io.github.lambdamw.cli.internal.ParameterStore;
import io.github.lambdamw.cli.internal.StackNames;
import io.github.lambdamw.cli.window.WindowCommand;
import io.github.lambdamw.replay.AwsOptions;
import io.github.lambdamw.replay.CommandFailedException;
import io.github.lambdamw.replay.DeployedNames;
import io.github.lambdamw.replay.ExitCodes;
import io.github.lambdamw.replay.ReplayCommand;
import io.github.lambdamw.replay.internal.AwsProblems;
import io.github.lambdamw.replay.internal.CommandRules;
import java.time.Clock;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;

/**
 * {@code mw}: the operator's command. Each subcommand is one class; the logic sits in {@code
 * cli.internal}.
 */
@Command(
    name = "mw",
    mixinStandardHelpOptions = true,
    versionProvider = MaintenanceWindowCli.Version.class,
    description =
        "Maintenance windows for AWS Lambda Java functions: check, show, open and close the window value the "
            + "agent reads from SSM Parameter Store, and replay the invocations deferred while it was open. The value's language is in docs/window-format.md.",
    subcommands = {WindowCommand.class, ReplayCommand.class, CommandLine.HelpCommand.class},
    footerHeading = "%nExamples:%n",
    footer = {
      "  mw --stack MaintenanceWindowDemo window status",
      "  mw --stack MaintenanceWindowDemo window open --for PT2H --reason upgrade",
      "  mw --stack MaintenanceWindowDemo window close",
      "  mw --stack MaintenanceWindowDemo replay list",
      "  mw --stack MaintenanceWindowDemo replay run --rate 10",
      "  mw window check --file window.json",
      "  mw window status --parameter maintenance-window --region eu-west-1",
      "  mw replay list --function my-function --table my-table",
      "",
      "--stack NAME reads the table, parameter and replayed function from the stack's outputs (DescribeStacks); "
          + "NAME/WINDOW picks one of several windows; explicit --table, --parameter and --function win. "
          + "AWS region, credentials and endpoints come from the SDK's usual environment (AWS_REGION, AWS_PROFILE, "
          + "AWS_ENDPOINT_URL_SSM ...), or from --region and --endpoint-url, accepted before or after any subcommand."
    })
public final class MaintenanceWindowCli implements DeployedNames {
  @Mixin(name = AwsOptions.MIXIN_NAME)
  AwsOptions aws;

  @Option(
      names = "--stack",
      scope = ScopeType.INHERIT,
      paramLabel = "NAME[/WINDOW]",
      description = "Find the table, parameter and function in this deployed stack's outputs.")
  String stack;

  @Spec CommandSpec spec;

  private final CliClients clients;
  private final Clock clock;
  private ParameterStore store;
  private StackNames stackNames;

  public MaintenanceWindowCli() {
    this(CliClients.AWS, Clock.systemUTC());
  }

  /** For tests: clients pointed at local stand-ins, and the clock that says what "now" is. */
  MaintenanceWindowCli(CliClients clients, Clock clock) {
    this.clients = clients;
    this.clock = clock;
  }

  public static void main(String[] args) {
    System.exit(commandLine(new MaintenanceWindowCli()).execute(args));
  }

  /**
   * The command line of {@code mw}, with the rules every subcommand shares (exit codes, one-line
   * failures).
   */
  public static CommandLine commandLine(MaintenanceWindowCli mw) {
    return CommandRules.apply(new CommandLine(mw));
  }

  /** The parameter store, with its SSM client built on first use. */
  public ParameterStore parameterStore() {
    if (store == null) {
      store = new ParameterStore(clients.ssm(aws));
    }
    return store;
  }

  public Clock clock() {
    return clock;
  }

  @Override
  public String table() {
    return stackNames() == null ? null : stackNames.table();
  }

  @Override
  public String parameter() {
    return stackNames() == null ? null : stackNames.parameter();
  }

  @Override
  public String function() {
    return stackNames() == null ? null : stackNames.function();
  }

  @Override
  public String whyNoFunction() {
    return stackNames() == null ? null : stackNames.whyNoFunction();
  }

  /** The names of {@code --stack}, read once; null without {@code --stack}. */
  private StackNames stackNames() {
    if (stack != null && stackNames == null) {
      try (CloudFormationClient cloudFormation = clients.cloudFormation(aws)) {
        stackNames = StackNames.describe(cloudFormation, stack);
      } catch (SdkException e) {
        throw new CommandFailedException(
            ExitCodes.AWS_ERROR,
            "stack '"
                + stack
                + "' could not be read: "
                + AwsProblems.describe(e, "CloudFormation"));
      }
      spec.commandLine().getErr().println("mw: " + stackNames.describe());
    }
    return stackNames;
  }

  /** The version in the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = MaintenanceWindowCli.class.getPackage().getImplementationVersion();
      return new String[] {"mw " + (version == null ? "(development build)" : version)};
    }
  }
}

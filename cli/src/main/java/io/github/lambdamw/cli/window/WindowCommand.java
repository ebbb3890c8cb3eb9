package io.github.lambdamw.cli.window;

import io.github.lambdamw.cli.ExitCode;
import io.github.lambdamw.cli.MaintenanceWindowCli;
import java.net.URI;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.ParentCommand;

/** {@code mw window …}: the group of commands about the window value. */
@Command(
    name = "window",
    mixinStandardHelpOptions = true,
    exitCodeOnInvalidInput = ExitCode.USAGE,
    description = "Check, show, open and close the maintenance window held in an SSM parameter.",
    subcommands = {CheckCommand.class, StatusCommand.class, OpenCommand.class, CloseCommand.class},
    synopsisSubcommandLabel = "(check | status | open | close)")
public final class WindowCommand {
  @ParentCommand MaintenanceWindowCli root;

  @Option(
      names = "--region",
      scope = ScopeType.INHERIT,
      paramLabel = "REGION",
      description = "AWS region of the parameter (default: the SDK's, e.g. AWS_REGION).")
  void region(String region) {
    root.useRegion(region);
  }

  @Option(
      names = "--endpoint-url",
      scope = ScopeType.INHERIT,
      paramLabel = "URL",
      description = "SSM endpoint to call instead of AWS's (a local SSM server, say).")
  void endpoint(URI endpoint) {
    root.useEndpoint(endpoint);
  }
}

package io.github.lambdamw.cli.window;

import io.github.lambdamw.cli.MaintenanceWindowCli;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code mw window …}: the group of commands about the window value. */
@Command(
    name = "window",
    mixinStandardHelpOptions = true,
    description = "Check, show, open and close the maintenance window held in an SSM parameter.",
    subcommands = {CheckCommand.class, StatusCommand.class, OpenCommand.class, CloseCommand.class},
    synopsisSubcommandLabel = "(check | status | open | close)")
public final class WindowCommand {
  @ParentCommand MaintenanceWindowCli root;
}

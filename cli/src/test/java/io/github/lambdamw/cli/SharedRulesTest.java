package io.github.lambdamw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lambdamw.replay.ExitCodes;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * One set of rules for every subcommand: the exit-code table, --region and --endpoint-url, usage
 * errors, examples.
 */
class SharedRulesTest {
  private static final List<List<String>> LEAVES =
      List.of(
          List.of("window", "check", "--file", "w.json"),
          List.of("window", "status"),
          List.of("window", "open"),
          List.of("window", "close"),
          List.of("replay", "list"),
          List.of("replay", "run"));

  private static List<CommandLine> everyCommand(CommandLine command) {
    List<CommandLine> all = new ArrayList<>(List.of(command));
    for (CommandLine sub : command.getSubcommands().values()) {
      if (sub.getParent() == command && !sub.getCommandName().equals("help")) {
        all.addAll(everyCommand(sub));
      }
    }
    return all;
  }

  @Test
  void everyCommandsHelp_printsTheOneExitCodeTable() {
    for (CommandLine command :
        everyCommand(MaintenanceWindowCli.commandLine(new MaintenanceWindowCli()))) {
      String help = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
      assertThat(help).as(command.getCommandSpec().qualifiedName()).contains("Exit codes:");
      for (Map.Entry<String, String> code : ExitCodes.TABLE.entrySet()) {
        String start = code.getValue().substring(0, 20);
        assertThat(help)
            .as(command.getCommandSpec().qualifiedName())
            .containsPattern("\\n  " + code.getKey() + " +" + Pattern.quote(start));
      }
    }
  }

  @Test
  void theReadmesExitCodeTable_hasTheCodesOfTheCode() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    String table = readme.substring(readme.indexOf("Exit codes, the same for every subcommand"));
    table = table.substring(0, table.indexOf("\n\n", table.indexOf("| code |")));
    List<String> codes = new ArrayList<>();
    Matcher row = Pattern.compile("(?m)^\\| (\\d+) \\|").matcher(table);
    while (row.find()) {
      codes.add(row.group(1));
    }

    assertThat(codes).containsExactlyElementsOf(ExitCodes.TABLE.keySet());
  }

  @Test
  void regionAndEndpoint_areAcceptedBeforeAndAfterEverySubcommand() {
    for (List<String> leaf : LEAVES) {
      MaintenanceWindowCli before = new MaintenanceWindowCli();
      List<String> args =
          new ArrayList<>(List.of("--region", "eu-west-3", "--endpoint-url", "http://127.0.0.1:9"));
      args.addAll(leaf);
      MaintenanceWindowCli.commandLine(before).parseArgs(args.toArray(String[]::new));

      MaintenanceWindowCli after = new MaintenanceWindowCli();
      List<String> afterArgs = new ArrayList<>(leaf);
      afterArgs.addAll(
          List.of("--region", "eu-west-2", "--endpoint-url", "http://127.0.0.1:8", "--stack", "S"));
      MaintenanceWindowCli.commandLine(after).parseArgs(afterArgs.toArray(String[]::new));

      assertThat(before.aws.region()).as("%s", leaf).isEqualTo("eu-west-3");
      assertThat(before.aws.endpoint()).as("%s", leaf).isEqualTo(URI.create("http://127.0.0.1:9"));
      assertThat(after.aws.region()).as("%s", leaf).isEqualTo("eu-west-2");
      assertThat(after.aws.endpoint()).as("%s", leaf).isEqualTo(URI.create("http://127.0.0.1:8"));
      assertThat(after.stack).as("%s", leaf).isEqualTo("S");
    }
  }

  @Test
  void aWrongOption_isTheSameUsageErrorForEverySubcommand() throws IOException {
    try (CliSsm ssm = new CliSsm()) {
      for (List<String> leaf : LEAVES) {
        List<String> args = new ArrayList<>(leaf);
        args.add("--bogus");
        CliRun run =
            CliRun.run(ssm, Instant.parse("2026-12-01T00:00:00Z"), args.toArray(String[]::new));

        assertThat(run.exitCode()).as("%s", leaf).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err())
            .as("%s", leaf)
            .isEqualTo(
                "Unknown option: '--bogus'\n(mw "
                    + leaf.get(0)
                    + " "
                    + leaf.get(1)
                    + " --help shows the options)\n");
      }
      assertThat(CliRun.run(ssm, Instant.EPOCH, "window").exitCode()).isEqualTo(ExitCodes.USAGE);
      assertThat(CliRun.run(ssm, Instant.EPOCH, "replay").exitCode()).isEqualTo(ExitCodes.USAGE);
    }
  }

  @Test
  void anUnexpectedFailure_isOneLineAndExitsSeventy() throws IOException {
    try (CliSsm ssm = new CliSsm()) {
      // This test's clients have no CloudFormation: asking for one is a failure no command expects.
      CliRun run = CliRun.run(ssm, Instant.EPOCH, "--stack", "S", "window", "status");

      assertThat(run.exitCode()).isEqualTo(ExitCodes.INTERNAL);
      assertThat(run.err())
          .isEqualTo(
              "mw window status: internal error, please report it (MW_DEBUG=1 adds the stack trace): "
                  + "java.lang.IllegalStateException: this test has no CloudFormation stand-in\n");
    }
  }

  @Test
  void everyExampleInTheHelp_printsOnOneLine_soItCanBePasted() {
    int examples = 0;
    for (CommandLine command :
        everyCommand(MaintenanceWindowCli.commandLine(new MaintenanceWindowCli()))) {
      List<String> printed =
          Arrays.asList(command.getUsageMessage(CommandLine.Help.Ansi.OFF).split("\\R"));
      List<String> written =
          new ArrayList<>(Arrays.asList(command.getCommandSpec().usageMessage().footer()));
      written.addAll(Arrays.asList(command.getCommandSpec().usageMessage().description()));
      for (String line : written) {
        if (line.startsWith("  mw ")) {
          examples++;
          assertThat(printed).as(command.getCommandSpec().qualifiedName()).contains(line);
        }
      }
    }
    assertThat(examples).isGreaterThan(15);
  }
}

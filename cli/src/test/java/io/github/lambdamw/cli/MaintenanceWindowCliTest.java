package io.github.lambdamw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MaintenanceWindowCliTest {

  @Test
  void mw_offersTheWindowAndReplayCommands() {
    CommandLine mw = MaintenanceWindowCli.commandLine(new MaintenanceWindowCli());

    assertThat(mw.getSubcommands()).containsKeys("window", "replay");
    assertThat(mw.getSubcommands().get("replay").getSubcommands()).containsKeys("list", "run");
    assertThat(mw.getUsageMessage())
        .contains("mw --stack MaintenanceWindowDemo replay run --rate 10");
  }

  @Test
  void theReplayAndWindowCommands_shareOneRegionOption() {
    MaintenanceWindowCli root = new MaintenanceWindowCli();
    CommandLine mw = MaintenanceWindowCli.commandLine(root);

    mw.parseArgs("replay", "list", "--function", "orders", "--region", "eu-west-1");
    assertThat(root.aws.region()).isEqualTo("eu-west-1");

    mw.parseArgs("window", "status", "--region", "eu-west-3");
    assertThat(root.aws.region()).isEqualTo("eu-west-3");
  }
}

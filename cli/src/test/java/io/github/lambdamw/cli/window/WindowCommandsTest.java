package io.github.lambdamw.cli.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lambdamw.cli.CliRun;
import io.github.lambdamw.cli.CliSsm;
import io.github.lambdamw.replay.ExitCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window commands against an SSM server speaking the real protocol, at a fixed "now". */
class WindowCommandsTest {
  private static final Instant NOW = Instant.parse("2026-03-08T02:30:00Z");
  private static final String WEEKLY =
      "{\"schedule\":\"cron(0 4 ? * SUN *)\",\"duration\":\"PT2H\",\"timezone\":\"Europe/Paris\",\"reason\":\"weekly\"}";

  private CliSsm ssm;

  @BeforeEach
  void startSsm() throws IOException {
    ssm = new CliSsm();
  }

  @AfterEach
  void stopSsm() {
    ssm.close();
  }

  @Test
  void check_validValue_printsOpeningsInTheZoneAndInUtc_andExitsZero() {
    CliRun run =
        CliRun.run(ssm, NOW, "window", "check", "--next", "2", "{\"windows\":[" + WEEKLY + "]}");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out())
        .contains("valid: 1 window(s)")
        .contains(
            "windows[0]  recurring  cron(0 4 ? * SUN *) for PT2H in Europe/Paris (reason: weekly)")
        .contains("opens   Sun 2026-03-08 04:00:00 +01:00 Europe/Paris  =  2026-03-08T03:00:00Z")
        .contains("closes  Sun 2026-03-15 06:00:00 +01:00 Europe/Paris  =  2026-03-15T05:00:00Z")
        .contains("now: closed until 2026-03-08T03:00:00Z");
  }

  @Test
  void check_invalidValue_namesTheProblem_andExitsWithInvalidValue() {
    CliRun run =
        CliRun.run(ssm, NOW, "window", "check", "{\"windows\":[{\"start\":\"2026-03-08\"}]}");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_VALUE);
    assertThat(run.err()).contains("invalid: field 'windows[0].start' is '2026-03-08'");
  }

  @Test
  void check_readsAFile(@TempDir Path dir) throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("w.json"), "{\"enabled\":false,\"windows\":[" + WEEKLY + "]}");

    CliRun run = CliRun.run(ssm, NOW, "window", "check", "--file", file.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).contains("\"enabled\": false turns them all off");
  }

  @Test
  void check_readsTheParameter_andAMissingOneIsAnAwsError() {
    ssm.put("mw", "2026-03-08T02:00:00Z,2026-03-08T06:00:00Z", "StringList");

    CliRun found = CliRun.run(ssm, NOW, "window", "check", "--parameter", "mw");
    CliRun missing = CliRun.run(ssm, NOW, "window", "check", "--parameter", "nope");

    assertThat(found.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(found.out())
        .contains("one-off")
        .contains("now: open since 2026-03-08T02:00:00Z until 2026-03-08T06:00:00Z");
    assertThat(missing.exitCode()).isEqualTo(ExitCodes.AWS_ERROR);
    assertThat(missing.err()).contains("SSM parameter 'nope' does not exist");
  }

  @Test
  void status_saysOpenAndUntilWhen() {
    ssm.put(
        "maintenance-window",
        "{\"windows\":[{\"start\":\"2026-03-08T02:00:00Z\",\"end\":\"2026-03-08T04:00:00Z\","
            + "\"reason\":\"upgrade\"}]}",
        "String");

    CliRun run = CliRun.run(ssm, NOW, "window", "status");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out().lines().findFirst())
        .contains(
            "maintenance-window: open since 2026-03-08T02:00:00Z until 2026-03-08T04:00:00Z (reason: upgrade)");
  }

  @Test
  void status_saysClosedAndUntilWhen() {
    ssm.put("maintenance-window", "{\"windows\":[" + WEEKLY + "]}", "String");

    CliRun run = CliRun.run(ssm, NOW, "window", "status");

    assertThat(run.out().lines().findFirst())
        .contains("maintenance-window: closed until 2026-03-08T03:00:00Z");
  }

  @Test
  void status_ofAnInvalidValue_exitsWithInvalidValue_andOfAMissingParameterWithAwsError() {
    ssm.put("broken", "{\"windows\":[{}]}", "String");

    assertThat(CliRun.run(ssm, NOW, "window", "status", "-p", "broken").exitCode())
        .isEqualTo(ExitCodes.INVALID_VALUE);
    assertThat(CliRun.run(ssm, NOW, "window", "status", "-p", "missing").exitCode())
        .isEqualTo(ExitCodes.AWS_ERROR);
  }

  @Test
  void open_addsAOneOffWindowFromNow_keepingTheOtherWindows() {
    ssm.put("maintenance-window", "{\"windows\":[" + WEEKLY + "]}", "String");

    CliRun run = CliRun.run(ssm, NOW, "window", "open", "--for", "PT2H", "--reason", "db upgrade");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(ssm.value("maintenance-window"))
        .isEqualTo(
            "{\"windows\":["
                + WEEKLY
                + ",{\"start\":\"2026-03-08T02:30:00Z\",\"end\":\"2026-03-08T04:30:00Z\","
                + "\"reason\":\"db upgrade\"}]}");
    assertThat(ssm.parameter("maintenance-window").type()).isEqualTo("String");
    // the one-off window and the weekly one (03:00Z to 05:00Z) overlap: open until the later end
    assertThat(run.out())
        .contains("maintenance-window: open since 2026-03-08T02:30:00Z until 2026-03-08T05:00:00Z");
  }

  @Test
  void open_onAMissingParameter_createsIt_openEndedWithoutAnEnd() {
    CliRun run = CliRun.run(ssm, NOW, "window", "open", "-p", "new-mw");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(ssm.value("new-mw"))
        .isEqualTo("{\"windows\":[{\"start\":\"2026-03-08T02:30:00Z\"}]}");
    assertThat(run.out()).contains("new-mw: open since 2026-03-08T02:30:00Z, with no end");
  }

  @Test
  void open_onALegacyStringList_rewritesItAsJson() {
    ssm.put("maintenance-window", "2026-04-01T02:00:00Z,2026-04-01T06:00:00Z", "StringList");

    CliRun run = CliRun.run(ssm, NOW, "window", "open", "--until", "2026-03-08T03:00:00Z");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(ssm.value("maintenance-window"))
        .isEqualTo(
            "{\"windows\":[{\"start\":\"2026-04-01T02:00:00Z\",\"end\":\"2026-04-01T06:00:00Z\"},"
                + "{\"start\":\"2026-03-08T02:30:00Z\",\"end\":\"2026-03-08T03:00:00Z\"}]}");
    assertThat(run.out()).contains("it is now JSON");
  }

  @Test
  void open_untilThePast_isAUsageError_andWritesNothing() {
    CliRun run = CliRun.run(ssm, NOW, "window", "open", "--until", "2026-03-08T02:00:00Z");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("not after now");
    assertThat(ssm.writes()).isZero();
  }

  @Test
  void open_onAnInvalidValue_leavesItAlone_andExitsWithInvalidValue() {
    ssm.put("maintenance-window", "{\"windows\":[{\"start\":\"soon\"}]}", "String");

    CliRun run = CliRun.run(ssm, NOW, "window", "open", "--for", "PT1H");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_VALUE);
    assertThat(ssm.value("maintenance-window")).isEqualTo("{\"windows\":[{\"start\":\"soon\"}]}");
  }

  @Test
  void close_endsWindowsInProgressNow_andLeavesFutureOnes() {
    ssm.put(
        "maintenance-window",
        "{\"enabled\":true,\"windows\":["
            + "{\"start\":\"2026-03-08T02:00:00Z\",\"end\":\"2026-03-08T06:00:00Z\",\"reason\":\"upgrade\"},"
            + "{\"start\":\"2026-03-08T01:00:00Z\"},"
            + "{\"start\":\"2026-03-09T02:00:00Z\",\"end\":\"2026-03-09T06:00:00Z\"}]}",
        "String");

    CliRun run = CliRun.run(ssm, NOW, "window", "close");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(ssm.value("maintenance-window"))
        .isEqualTo(
            "{\"enabled\":true,\"windows\":["
                + "{\"start\":\"2026-03-08T02:00:00Z\",\"end\":\"2026-03-08T02:30:00Z\",\"reason\":\"upgrade\"},"
                + "{\"start\":\"2026-03-08T01:00:00Z\",\"end\":\"2026-03-08T02:30:00Z\"},"
                + "{\"start\":\"2026-03-09T02:00:00Z\",\"end\":\"2026-03-09T06:00:00Z\"}]}");
    assertThat(run.out())
        .contains("ended 2 window(s)")
        .contains("closed until 2026-03-09T02:00:00Z");
    assertThat(ssm.parameter("maintenance-window").version()).isEqualTo(2);
  }

  @Test
  void close_rightAfterOpen_removesTheWindow() {
    CliRun.run(ssm, NOW, "window", "open", "--for", "PT1H");

    CliRun run = CliRun.run(ssm, NOW, "window", "close");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(ssm.value("maintenance-window")).isEqualTo("{\"windows\":[]}");
  }

  @Test
  void close_withNothingOpen_writesNothing() {
    ssm.put("maintenance-window", "{\"windows\":[" + WEEKLY + "]}", "String");

    CliRun run = CliRun.run(ssm, NOW, "window", "close");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(ssm.parameter("maintenance-window").version()).isEqualTo(1);
    assertThat(run.out()).contains("nothing written");
  }

  @Test
  void close_duringARecurringWindow_saysItIsStillOpen_andExitsWindowOpen() {
    ssm.put("maintenance-window", "{\"windows\":[" + WEEKLY + "]}", "String");

    CliRun run = CliRun.run(ssm, Instant.parse("2026-03-08T03:30:00Z"), "window", "close");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.WINDOW_OPEN);
    assertThat(run.err())
        .contains(
            "still open: recurring window cron(0 4 ? * SUN *) for PT2H in Europe/Paris until 2026-03-08T05:00:00Z");
  }

  @Test
  void close_onAMissingParameter_hasNothingToDo() {
    CliRun run = CliRun.run(ssm, NOW, "window", "close");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(ssm.writes()).isZero();
  }

  @Test
  void unknownOption_isAUsageError() {
    assertThat(CliRun.run(ssm, NOW, "window", "status", "--bogus").exitCode())
        .isEqualTo(ExitCodes.USAGE);
    assertThat(CliRun.run(ssm, NOW, "window").exitCode()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void unreachableSsm_isOneLineNamingTheParameterAndTheFix() {
    ssm.close();

    CliRun run = CliRun.run(ssm, NOW, "window", "status");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.AWS_ERROR);
    assertThat(run.err().strip())
        .startsWith("SSM parameter 'maintenance-window' could not be read: SSM: cannot connect (")
        .endsWith("check --endpoint-url and AWS_ENDPOINT_URL_*, and the network")
        .doesNotContain("\n");
  }

  @Test
  void check_ofAMissingFile_saysNoSuchFile_andIsAUsageError(@TempDir Path dir) {
    CliRun run =
        CliRun.run(ssm, NOW, "window", "check", "--file", dir.resolve("missing.json").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).startsWith("--file " + dir.resolve("missing.json") + ": no such file");
  }

  @Test
  void check_warnsPastTheStandardTier_andRefusesPastTheAdvancedTier_quotingOnlyTheStart() {
    String reason = "x".repeat(4200);
    String big =
        "{\"windows\":[{\"start\":\"2026-03-08T02:00:00Z\",\"reason\":\"" + reason + "\"}]}";
    String huge =
        "{\"windows\":[{\"start\":\"2026-03-08T02:00:00Z\",\"reason\":\""
            + reason
            + reason
            + "\"}]}";

    CliRun warned = CliRun.run(ssm, NOW, "window", "check", big);
    CliRun refused = CliRun.run(ssm, NOW, "window", "check", huge);

    assertThat(warned.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(warned.err())
        .startsWith("warning: the value is 4258 bytes: more than the Standard tier's 4096");
    assertThat(refused.exitCode()).isEqualTo(ExitCodes.INVALID_VALUE);
    assertThat(refused.err())
        .startsWith("invalid: the value is 8458 bytes; an SSM parameter holds at most 8192")
        .contains("(8158 more characters)");
    assertThat(refused.err().length()).isLessThan(600);
  }

  @Test
  void invalidHugeField_isQuotedOnlyInPart() {
    String value = "{\"windows\":[{\"start\":\"" + "9".repeat(3000) + "\"}]}";

    CliRun run = CliRun.run(ssm, NOW, "window", "check", value);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_VALUE);
    assertThat(run.err()).startsWith("invalid: ").contains("more characters)");
    assertThat(run.err().length()).isLessThan(500);
  }
}

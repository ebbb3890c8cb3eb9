package io.github.lambdamw.cli.window;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import io.github.lambdamw.cli.CliRun;
import io.github.lambdamw.cli.CliSsm;
import io.github.lambdamw.replay.ExitCodes;
import io.github.lambdamw.window.WindowPlan;
import io.github.lambdamw.windowtext.Occurrences;
import io.github.lambdamw.windowtext.Timeline;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The days ahead as a timeline, around Europe/Paris's clock changes: the last Sunday of March
 * (02:00 becomes 03:00) and of October (03:00 becomes 02:00). A nightly window at 01:30 for two
 * hours straddles both.
 */
class TimelineTest {
  private static final Instant FRIDAY_NIGHT =
      Instant.parse("2026-03-27T23:30:00Z"); // Sat 00:30 in Paris
  private static final String NIGHTLY =
      "{\"windows\":[{\"schedule\":\"cron(30 1 * * ? *)\",\"duration\":\"PT2H\",\"timezone\":\"Europe/Paris\","
          + "\"reason\":\"nightly\"}]}";

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
  void status_showsTheNextDaysInTheWindowsZone_withTheHourTheSpringChangeSkips() {
    ssm.put("maintenance-window", NIGHTLY, "String");

    CliRun run = CliRun.run(ssm, FRIDAY_NIGHT, "window", "status", "--days", "3");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out())
        .isEqualTo(
            String.join(
                "\n",
                "maintenance-window: closed until 2026-03-28T00:30:00Z",
                "",
                "Next 3 day(s) in Europe/Paris: UTC+01:00, UTC+02:00 from Sun 2026-03-29 03:00",
                "# open  . closed  ~ skipped by a clock change  (a column per 30 minutes)",
                "                00    03    06    09    12    15    18    21",
                "Sat 2026-03-28  ...####.........................................  01:30-03:30 (nightly)",
                // 01:30-02:00, then the clock jumps to 03:00: still two hours, until 04:30 local
                "Sun 2026-03-29  ...#~~###.......................................  01:30-04:30 (nightly)",
                "Mon 2026-03-30  ...####.........................................  01:30-03:30 (nightly)",
                ""));
  }

  @Test
  void checkAt_showsTheAutumnChange_whereTheRepeatedHourCountsOnce() {
    CliRun run =
        CliRun.run(
            ssm,
            FRIDAY_NIGHT,
            "window",
            "check",
            "--at",
            "2026-10-24T12:00:00Z",
            "--days",
            "2",
            "--plain",
            NIGHTLY);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out())
        .contains("at 2026-10-24T12:00:00Z: closed until 2026-10-24T23:30:00Z\n")
        .contains("Next 2 day(s) in Europe/Paris: UTC+02:00, UTC+01:00 from Sun 2026-10-25 02:00\n")
        .contains(
            "Sat 2026-10-24  ...####.........................................  01:30-03:30 (nightly)\n")
        // 01:30+02:00 to 02:30+01:00: two hours, the 02:00-03:00 hour lived twice
        .endsWith(
            "Sun 2026-10-25  ...###..........................................  01:30-02:30 (nightly)\n");
  }

  @Test
  @SuppressWarnings("unchecked")
  void json_givesTheStatusAndEachOccurrenceInUtcAndInTheZone() throws IOException {
    ssm.put("maintenance-window", NIGHTLY, "String");

    CliRun run = CliRun.run(ssm, FRIDAY_NIGHT, "window", "status", "--json", "--days", "2");

    Map<String, Object> json = JSON.std.mapFrom(run.out());
    assertThat(json)
        .containsEntry("parameter", "maintenance-window")
        .containsEntry("open", false)
        .containsEntry("start", null)
        .containsEntry("validUntil", "2026-03-28T00:30:00Z")
        .containsEntry("zone", "Europe/Paris")
        .containsEntry("to", "2026-03-29T23:30:00Z");
    assertThat((List<Map<String, Object>>) json.get("occurrences"))
        .containsExactly(
            Map.of(
                "window",
                0,
                "start",
                "2026-03-28T00:30:00Z",
                "end",
                "2026-03-28T02:30:00Z",
                "startLocal",
                "2026-03-28T01:30+01:00",
                "endLocal",
                "2026-03-28T03:30+01:00",
                "reason",
                "nightly"),
            Map.of(
                "window",
                0,
                "start",
                "2026-03-29T00:30:00Z",
                "end",
                "2026-03-29T02:30:00Z",
                "startLocal",
                "2026-03-29T01:30+01:00",
                "endLocal",
                "2026-03-29T04:30+02:00",
                "reason",
                "nightly"));
  }

  @Test
  void aOneOffWindow_isShownInUtc_orInTheZoneAsked_andDaysZeroShowsNone() {
    ssm.put(
        "maintenance-window",
        "{\"windows\":[{\"start\":\"2026-03-28T10:00:00Z\",\"end\":\"2026-03-29T01:00:00Z\"}]}",
        "String");

    CliRun utc = CliRun.run(ssm, FRIDAY_NIGHT, "window", "status", "--days", "2");
    CliRun paris =
        CliRun.run(ssm, FRIDAY_NIGHT, "window", "status", "--days", "1", "--zone", "Europe/Paris");
    CliRun none = CliRun.run(ssm, FRIDAY_NIGHT, "window", "status", "--days", "0");

    assertThat(utc.out())
        .contains("Next 2 day(s) in UTC\n")
        .contains("Fri 2026-03-27  " + ".".repeat(48) + "\n")
        .contains(
            "Sat 2026-03-28  "
                + ".".repeat(20)
                + "#".repeat(28)
                + "  10:00-Sun 2026-03-29 01:00\n");
    assertThat(paris.out())
        .contains("Next 1 day(s) in Europe/Paris: UTC+01:00\n")
        .contains(
            "Sat 2026-03-28  "
                + ".".repeat(22)
                + "#".repeat(26)
                + "  11:00-Sun 2026-03-29 03:00\n");
    assertThat(none.out()).isEqualTo("maintenance-window: closed until 2026-03-28T10:00:00Z\n");
  }

  @Test
  void aDisabledValue_marksNothing_andSaysWhy() {
    ssm.put("maintenance-window", "{\"enabled\":false," + NIGHTLY.substring(1), "String");

    CliRun run = CliRun.run(ssm, FRIDAY_NIGHT, "window", "status", "--days", "1");

    assertThat(run.out())
        .contains("\"enabled\": false: no window opens, whatever the windows say\n")
        .contains(
            "Sat 2026-03-28  ................................................  01:30-03:30 (nightly)\n");
  }

  @Test
  void onATerminal_theTimelineUsesBlocks() throws Exception {
    WindowPlan plan = WindowPlan.parse(NIGHTLY);
    Instant from = Instant.parse("2026-03-28T00:00:00Z");
    StringWriter text = new StringWriter();

    Timeline.print(
        new PrintWriter(text, true),
        Occurrences.between(
            plan, Instant.parse("2026-03-27T23:00:00Z"), Instant.parse("2026-03-29T22:00:00Z")),
        true,
        from,
        2,
        ZoneId.of("Europe/Paris"),
        Timeline.Style.TERMINAL);

    assertThat(text.toString())
        .contains("█ open  · closed  (a column per 30 minutes)\n")
        .contains(
            "Sat 2026-03-28  ···████·········································  01:30-03:30 (nightly)\n")
        .contains(
            "Sun 2026-03-29  ···█  ███·······································  01:30-04:30 (nightly)\n");
  }
}

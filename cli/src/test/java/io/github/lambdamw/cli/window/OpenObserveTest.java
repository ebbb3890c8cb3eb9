package io.github.lambdamw.cli.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lambdamw.cli.CliRun;
import io.github.lambdamw.cli.CliSsm;
import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code mw window open --observe}: a rehearsal window, written with "mode":"observe". */
class OpenObserveTest {
  private static final Instant NOW = Instant.parse("2026-03-08T02:30:00Z");

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
  void openObserve_writesAnObservedWindow_andSaysNothingIsDeferred() {
    CliRun run =
        CliRun.run(
            ssm, NOW, "window", "open", "--for", "PT1H", "--observe", "--reason", "rehearsal");

    assertThat(run.exitCode()).isZero();
    assertThat(ssm.value("maintenance-window"))
        .isEqualTo(
            "{\"windows\":[{\"start\":\"2026-03-08T02:30:00Z\",\"end\":\"2026-03-08T03:30:00Z\","
                + "\"reason\":\"rehearsal\",\"mode\":\"observe\"}]}");
    assertThat(run.out())
        .contains("observe mode: handlers run as usual")
        .contains(
            "maintenance-window: open since 2026-03-08T02:30:00Z until 2026-03-08T03:30:00Z (reason: rehearsal)"
                + " (observe mode: nothing is deferred)");
  }

  @Test
  void openWithoutObserve_writesNoMode() {
    CliRun run = CliRun.run(ssm, NOW, "window", "open", "--for", "PT1H");

    assertThat(run.exitCode()).isZero();
    assertThat(ssm.value("maintenance-window")).doesNotContain("mode");
    assertThat(run.out()).doesNotContain("observe");
  }

  @Test
  void checkOfAnObservedRecurringWindow_namesItsKind_itsZone_andObserveMode() {
    CliRun run =
        CliRun.run(
            ssm,
            NOW,
            "window",
            "check",
            "--next",
            "1",
            "--days",
            "0",
            "{\"windows\":[{\"schedule\":\"cron(0 4 ? * SUN *)\",\"duration\":\"PT2H\","
                + "\"timezone\":\"Europe/Paris\",\"mode\":\"observe\"}]}");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("windows[0]  recurring  cron(0 4 ? * SUN *) for PT2H in Europe/Paris (observe)")
        .contains("opens   Sun 2026-03-08 04:00:00 +01:00 Europe/Paris  =  2026-03-08T03:00:00Z");
  }
}

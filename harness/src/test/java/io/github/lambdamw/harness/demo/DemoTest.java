package io.github.lambdamw.harness.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The ./demo of the repository root, run as CI runs the other end-to-end tests. */
class DemoTest {

  @Test
  void theDemo_runsTheHandler_rehearses_defers_replays_andShowsTheTimelineAhead() {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    DemoReport report = Demo.run(new PrintStream(printed, true, StandardCharsets.UTF_8));

    assertThat(report.closedAnswer()).contains("\"message\":\"scheduled job ran\"");
    assertThat(report.closedLogLine()).contains("scheduled job ran at ");
    assertThat(report.rehearsalAnswer()).contains("\"message\":\"scheduled job ran\"");
    assertThat(report.wouldDeferLine())
        .startsWith("maintenance-window INFO observe mode: would defer invocation ")
        .endsWith("the handler runs");
    assertThat(report.wouldDeferMetric()).contains("\"WouldDeferInvocations\"");
    assertThat(report.storedDuringRehearsal()).isZero();
    assertThat(report.deferredAnswers())
        .hasSize(Demo.EVENTS_IN_WINDOW)
        .allSatisfy(answer -> assertThat(answer).startsWith("{\"deferred\":true"));
    assertThat(report.stored())
        .extracting(StoredInvocation::payload)
        .containsExactlyElementsOf(report.deferredEvents());
    assertThat(report.stored())
        .allSatisfy(
            item ->
                assertThat(item.payloadSize())
                    .isEqualTo(item.payload().getBytes(StandardCharsets.UTF_8).length));
    assertThat(report.handlerRunsDuringWindow()).isZero();
    assertThat(report.replay().replayed()).isEqualTo(Demo.EVENTS_IN_WINDOW);
    assertThat(report.replay().failed()).isZero();
    assertThat(report.replayedAnswers())
        .hasSize(Demo.EVENTS_IN_WINDOW)
        .allSatisfy(answer -> assertThat(answer).contains("\"message\":\"scheduled job ran\""));
    assertThat(report.leftAfterReplay()).isZero();
    assertThat(report.timeline())
        .startsWith("Next " + Demo.TIMELINE_DAYS + " day(s) in Europe/Paris")
        .contains("# open  . closed");
    assertThat(report.timeline().lines().filter(line -> line.contains("02:00-04:00")))
        .as("weeknights in any %d days", Demo.TIMELINE_DAYS)
        .hasSize(5)
        .allSatisfy(line -> assertThat(line).contains("####"));
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains(
            "1. No window",
            "2. A rehearsal first",
            "observe mode: would defer invocation ",
            "3. The operator opens the window",
            "4. The operator closes",
            "5. The operator plans a recurring window",
            report.timeline().lines().skip(3).findFirst().orElseThrow());
  }
}

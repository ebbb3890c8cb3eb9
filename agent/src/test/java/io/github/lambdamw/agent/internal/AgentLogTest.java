package io.github.lambdamw.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The text log format: text from outside (a window value, an AWS answer) never breaks or forges a
 * line.
 */
class AgentLogTest {
  @RegisterExtension final QuietLog log = new QuietLog();

  @Test
  void aNewlineInAMessage_cannotForgeASecondLogLine() {
    AgentLog.error(
        "window value 'x\nmaintenance-window INFO read the window: closed' is not a window");

    assertThat(log.text().lines())
        .containsExactly(
            "maintenance-window ERROR window value 'x\\nmaintenance-window INFO read the window: closed' is not a"
                + " window");
  }

  @Test
  void everyControlCharacterAndLineSeparator_isWrittenAsAnEscape() {
    AgentLog.warn("a\rb\tc\u0000d\u001be\u007ff\u0085g\u2028h\u2029i");

    assertThat(log.text())
        .isEqualTo(
            "maintenance-window WARN a\\rb\\tc\\u0000d\\u001be\\u007ff\\u0085g\\u2028h\\u2029i"
                + System.lineSeparator());
  }

  @Test
  void ordinaryText_isWrittenAsItIs() {
    String message =
        "read the window: [2026-12-01T02:00:00Z/2026-12-01T06:00:00Z] « été » \\n stays";

    assertThat(AgentLog.escaped(message)).isSameAs(message);
  }
}

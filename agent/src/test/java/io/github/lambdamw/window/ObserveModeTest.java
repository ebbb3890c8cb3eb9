package io.github.lambdamw.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * "mode":"observe" in the window value: such a window is open but defers nothing; an enforced one
 * wins.
 */
class ObserveModeTest {
  private static final Instant T2 = Instant.parse("2026-12-01T02:00:00Z");
  private static final Instant T3 = Instant.parse("2026-12-01T03:00:00Z");
  private static final Instant T4 = Instant.parse("2026-12-01T04:00:00Z");
  private static final Instant T5 = Instant.parse("2026-12-01T05:00:00Z");

  private static WindowPlan parse(String windows) throws WindowFormatException {
    return WindowPlan.parse("{\"windows\":[" + windows + "]}");
  }

  @Test
  void anObservedWindow_isOpenInObserveMode_withItsEndAndReason() throws Exception {
    WindowPlan plan =
        parse(
            "{\"start\":\"2026-12-01T02:00:00Z\",\"end\":\"2026-12-01T04:00:00Z\",\"mode\":\"observe\","
                + "\"reason\":\"rehearsal\"}");

    WindowStatus status = plan.statusAt(T3);

    assertThat(status.isOpen()).isTrue();
    assertThat(status.observe()).isTrue();
    assertThat(status.end()).isEqualTo(T4);
    assertThat(status.validUntil()).isEqualTo(T4);
    assertThat(status.reason()).isEqualTo("rehearsal");
    assertThat(status.description()).endsWith("(observe)");
    assertThat(plan.statusAt(T4).isOpen()).isFalse();
  }

  @Test
  void modeEnforce_isTheDefault() throws Exception {
    WindowPlan plan =
        parse(
            "{\"start\":\"2026-12-01T02:00:00Z\",\"end\":\"2026-12-01T04:00:00Z\",\"mode\":\"enforce\"}");

    assertThat(plan.statusAt(T3).observe()).isFalse();
    assertThat(plan.statusAt(T3).isOpen()).isTrue();
  }

  @Test
  void anEnforcedWindowInsideAnObservedOne_isEnforced_andTheObservedStatusHoldsOnlyUntilItOpens()
      throws Exception {
    WindowPlan plan =
        parse(
            "{\"start\":\"2026-12-01T02:00:00Z\",\"end\":\"2026-12-01T05:00:00Z\",\"mode\":\"observe\"},"
                + "{\"start\":\"2026-12-01T03:00:00Z\",\"end\":\"2026-12-01T04:00:00Z\"}");

    WindowStatus before = plan.statusAt(T2);
    assertThat(before.observe()).isTrue();
    assertThat(before.end()).isEqualTo(T5);
    assertThat(before.validUntil()).isEqualTo(T3);

    WindowStatus during = plan.statusAt(T3);
    assertThat(during.isOpen()).isTrue();
    assertThat(during.observe()).isFalse();
    assertThat(during.validUntil()).isEqualTo(T4);

    WindowStatus after = plan.statusAt(T4);
    assertThat(after.observe()).isTrue();
    assertThat(after.validUntil()).isEqualTo(T5);
    assertThat(plan.statusAt(T5).isOpen()).isFalse();
  }

  @Test
  void closedBeforeBoth_isValidUntilTheFirstOfThemOpens() throws Exception {
    WindowPlan plan =
        parse(
            "{\"start\":\"2026-12-01T04:00:00Z\",\"end\":\"2026-12-01T05:00:00Z\"},"
                + "{\"start\":\"2026-12-01T03:00:00Z\",\"mode\":\"observe\"}");

    assertThat(plan.statusAt(T2).isOpen()).isFalse();
    assertThat(plan.statusAt(T2).validUntil()).isEqualTo(T3);
    assertThat(plan.statusAt(T3).observe()).isTrue();
    assertThat(plan.statusAt(T3).validUntil()).isEqualTo(T4);
    assertThat(plan.statusAt(T4).observe()).isFalse();
  }

  @Test
  void aRecurringWindow_canBeObserved() throws Exception {
    WindowPlan plan =
        parse("{\"schedule\":\"cron(0 2 ? * * *)\",\"duration\":\"PT1H\",\"mode\":\"observe\"}");

    assertThat(plan.statusAt(T2.plusSeconds(60)).observe()).isTrue();
    assertThat(plan.statusAt(T3).isOpen()).isFalse();
  }

  @Test
  void anUnknownMode_isRefusedNamingTheFieldAndTheChoices() {
    assertThatThrownBy(() -> parse("{\"start\":\"2026-12-01T02:00:00Z\",\"mode\":\"dry-run\"}"))
        .isInstanceOf(WindowFormatException.class)
        .hasMessageContaining("field 'windows[0].mode' is the string 'dry-run'")
        .hasMessageContaining("\"enforce\"")
        .hasMessageContaining("\"observe\"");
  }
}

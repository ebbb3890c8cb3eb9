package io.github.lambdamw.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowPlanStatusTest {
  private static final Instant T2 = Instant.parse("2026-12-01T02:00:00Z");
  private static final Instant T3 = Instant.parse("2026-12-01T03:00:00Z");
  private static final Instant T4 = Instant.parse("2026-12-01T04:00:00Z");
  private static final Instant T5 = Instant.parse("2026-12-01T05:00:00Z");
  private static final Instant T6 = Instant.parse("2026-12-01T06:00:00Z");

  @Test
  void closedBeforeAWindow_isValidUntilItOpens() {
    WindowPlan plan = WindowPlan.of(List.of(window(T3, T4), window(T5, T6)));

    WindowStatus status = plan.statusAt(T2);

    assertThat(status.isOpen()).isFalse();
    assertThat(status.validUntil()).isEqualTo(T3);
  }

  @Test
  void closedBetweenWindows_isValidUntilTheNextOne() {
    WindowPlan plan = WindowPlan.of(List.of(window(T5, T6), window(T2, T3)));

    assertThat(plan.statusAt(T4).validUntil()).isEqualTo(T5);
  }

  @Test
  void afterTheLastWindow_isClosedForGood() {
    WindowPlan plan = WindowPlan.of(List.of(window(T2, T3)));

    WindowStatus status = plan.statusAt(T4);

    assertThat(status.isOpen()).isFalse();
    assertThat(status.validUntilMillis()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void overlappingWindows_closeWhenTheLastOfThemEnds() {
    WindowPlan plan = WindowPlan.of(List.of(window(T2, T4), window(T3, T5)));

    WindowStatus status = plan.statusAt(T2);

    assertThat(status.isOpen()).isTrue();
    assertThat(status.end()).isEqualTo(T5);
    assertThat(status.validUntil()).isEqualTo(T5);
  }

  @Test
  void adjacentWindows_readAsOneWindow() {
    WindowPlan plan = WindowPlan.of(List.of(window(T2, T3), window(T3, T4), window(T4, T5)));

    WindowStatus status = plan.statusAt(T2.plusSeconds(60));

    assertThat(status.end()).isEqualTo(T5);
    assertThat(status.start()).isEqualTo(T2);
  }

  @Test
  void windowInsideAnother_doesNotShortenIt() {
    WindowPlan plan = WindowPlan.of(List.of(window(T2, T6), window(T3, T4)));

    assertThat(plan.statusAt(T3).end()).isEqualTo(T6);
  }

  @Test
  void openStatus_describesTheWindowsThatMatch() {
    WindowPlan plan = WindowPlan.of(List.of(window(T2, T4), window(T5, T6)));

    assertThat(plan.statusAt(T3).description()).isEqualTo("2026-12-01T02:00:00Z/<2026-12-01T04:00:00Z");
  }

  private static Window window(Instant start, Instant end) {
    return new OneOffWindow(start, end, false, null);
  }
}

package io.github.lambdamw.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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

    assertThat(plan.statusAt(T3).description())
        .isEqualTo("2026-12-01T02:00:00Z/<2026-12-01T04:00:00Z");
  }

  private static Window window(Instant start, Instant end) {
    return new OneOffWindow(start, end, false, null);
  }

  @Test
  void recurringWindowTouchingAOneOffWindow_readsAsOneWindow() {
    Window sundays =
        new RecurringWindow("cron(0 2 ? * SUN *)", Duration.ofHours(2), ZoneOffset.UTC, "weekly");
    Window extension =
        window(Instant.parse("2026-03-08T04:00:00Z"), Instant.parse("2026-03-08T06:00:00Z"));
    WindowPlan plan = WindowPlan.of(List.of(sundays, extension));

    WindowStatus status = plan.statusAt(Instant.parse("2026-03-08T02:30:00Z"));

    assertThat(status.end()).isEqualTo(Instant.parse("2026-03-08T06:00:00Z"));
    assertThat(status.reason()).isEqualTo("weekly");
  }

  @Test
  void openEndedWindow_keepsTheStatusOpenForGood_overOtherWindows() {
    WindowPlan plan = WindowPlan.of(List.of(window(T2, T4), new OpenEndedWindow(T3, "migration")));

    WindowStatus status = plan.statusAt(T2);

    assertThat(status.isOpen()).isTrue();
    assertThat(status.end()).isNull();
    assertThat(status.validUntilMillis()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void openEndedWindowNotStartedYet_isTheNextOpening() {
    WindowPlan plan = WindowPlan.of(List.of(new OpenEndedWindow(T5, null)));

    assertThat(plan.statusAt(T2).validUntil()).isEqualTo(T5);
    assertThat(plan.statusAt(T6).isOpen()).isTrue();
  }

  @Test
  void windowAlreadyOver_leavesTheNextWindowInCharge() {
    WindowPlan plan = WindowPlan.of(List.of(window(T2, T3), window(T5, T6)));

    assertThat(plan.statusAt(T4).validUntil()).isEqualTo(T5);
  }

  @Test
  void disabledPlan_isClosedForGood_evenInsideAWindow() {
    WindowPlan plan = WindowPlan.of(List.of(window(T2, T6)), false);

    WindowStatus status = plan.statusAt(T3);

    assertThat(status.isOpen()).isFalse();
    assertThat(status.validUntil()).isNull();
    assertThat(plan.windows()).hasSize(1);
  }
}

package io.github.lambdamw.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecurringWindowTest {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @Test
  void weeklyWindow_opensAtTheLocalTime_inWinterAndInSummer() {
    Window window = sundays("cron(0 2 ? * SUN *)", "PT2H", PARIS);

    assertThat(window.nextOccurrenceAfter(at("2026-03-20T00:00:00Z")).start())
        .isEqualTo(at("2026-03-22T01:00:00Z"));
    assertThat(window.nextOccurrenceAfter(at("2026-04-01T00:00:00Z")).start())
        .isEqualTo(at("2026-04-05T00:00:00Z"));
  }

  @Test
  void parisSpringForward_skippedLocalTime_opensWhenTheClockJumpsPastIt() {
    // 2026-03-29: at 02:00 CET (01:00Z) clocks jump to 03:00 CEST; 02:30 never shows
    Window window = sundays("cron(30 2 ? * SUN *)", "PT1H", PARIS);

    Occurrence occurrence = window.nextOccurrenceAfter(at("2026-03-28T12:00:00Z"));

    assertThat(occurrence.start()).isEqualTo(at("2026-03-29T01:00:00Z")); // 03:00 CEST
    assertThat(occurrence.end()).isEqualTo(at("2026-03-29T02:00:00Z")); // the full hour, 04:00 CEST
    assertThat(window.occurrenceAt(at("2026-03-29T01:59:59Z"))).isEqualTo(occurrence);
    assertThat(window.occurrenceAt(at("2026-03-29T00:59:59Z"))).isNull();
    assertThat(window.nextOccurrenceAfter(occurrence.start()).start())
        .isEqualTo(at("2026-04-05T00:30:00Z"));
  }

  @Test
  void parisFallBack_repeatedLocalTime_opensOnceAtTheFirstPass() {
    // 2026-10-25: at 03:00 CEST (01:00Z) clocks go back to 02:00 CET; 02:30 shows at 00:30Z and at
    // 01:30Z
    Window window = sundays("cron(30 2 ? * SUN *)", "PT30M", PARIS);

    Occurrence occurrence = window.nextOccurrenceAfter(at("2026-10-24T12:00:00Z"));

    assertThat(occurrence.start()).isEqualTo(at("2026-10-25T00:30:00Z"));
    assertThat(occurrence.end()).isEqualTo(at("2026-10-25T01:00:00Z"));
    assertThat(window.occurrenceAt(at("2026-10-25T01:30:00Z")))
        .isNull(); // 02:30 CET, the second pass
    assertThat(window.nextOccurrenceAfter(at("2026-10-25T00:30:00Z")).start())
        .isEqualTo(at("2026-11-01T01:30:00Z"));
    assertThat(window.nextOccurrenceAfter(at("2026-10-25T01:15:00Z")).start())
        .isEqualTo(at("2026-11-01T01:30:00Z"));
  }

  @Test
  void newYorkSpringForward_skippedLocalTime_opensWhenTheClockJumpsPastIt() {
    // 2026-03-08: at 02:00 EST (07:00Z) clocks jump to 03:00 EDT
    Window window = sundays("cron(30 2 ? * SUN *)", "PT1H", NEW_YORK);

    Occurrence occurrence = window.nextOccurrenceAfter(at("2026-03-07T12:00:00Z"));

    assertThat(occurrence.start()).isEqualTo(at("2026-03-08T07:00:00Z"));
    assertThat(occurrence.end()).isEqualTo(at("2026-03-08T08:00:00Z"));
  }

  @Test
  void newYorkFallBack_repeatedLocalTime_opensOnceAtTheFirstPass() {
    // 2026-11-01: at 02:00 EDT (06:00Z) clocks go back to 01:00 EST; 01:30 shows at 05:30Z and at
    // 06:30Z
    Window window = sundays("cron(30 1 ? * SUN *)", "PT2H", NEW_YORK);

    Occurrence occurrence = window.occurrenceAt(at("2026-11-01T06:45:00Z"));

    assertThat(occurrence.start()).isEqualTo(at("2026-11-01T05:30:00Z"));
    assertThat(occurrence.end())
        .isEqualTo(at("2026-11-01T07:30:00Z")); // two elapsed hours, 01:30 EST
    assertThat(window.nextOccurrenceAfter(at("2026-11-01T05:30:00Z")).start())
        .isEqualTo(at("2026-11-08T06:30:00Z"));
  }

  @Test
  void dailyWindowAcrossMidnight_isOpenAfterMidnight_withTheRightEnd() {
    Window window = sundays("cron(0 23 * * ? *)", "PT3H", PARIS);

    Occurrence occurrence =
        window.occurrenceAt(at("2026-01-15T23:30:00Z")); // 00:30 on the 16th in Paris

    assertThat(occurrence.start()).isEqualTo(at("2026-01-15T22:00:00Z"));
    assertThat(occurrence.end()).isEqualTo(at("2026-01-16T01:00:00Z"));
  }

  @Test
  void lastDayOfMonthWindow_spillsIntoTheNextMonth() {
    Window window = sundays("cron(0 22 L * ? *)", "PT4H", ZoneOffset.UTC);

    Occurrence occurrence = window.occurrenceAt(at("2026-03-01T01:00:00Z"));

    assertThat(occurrence.start()).isEqualTo(at("2026-02-28T22:00:00Z"));
    assertThat(occurrence.end()).isEqualTo(at("2026-03-01T02:00:00Z"));
    assertThat(window.occurrenceAt(at("2026-03-01T02:00:00Z"))).isNull();
    assertThat(window.nextOccurrenceAfter(at("2026-03-01T02:00:00Z")).start())
        .isEqualTo(at("2026-03-31T22:00:00Z"));
  }

  @Test
  void windowInProgressAtInit_isOpenFromItsStartUntilItsEnd() {
    WindowPlan plan = WindowPlan.of(List.of(sundays("cron(0 2 ? * SUN *)", "PT2H", PARIS)));

    WindowStatus status = plan.statusAt(at("2026-03-08T02:15:00Z")); // 03:15 in Paris

    assertThat(status.isOpen()).isTrue();
    assertThat(status.start()).isEqualTo(at("2026-03-08T01:00:00Z"));
    assertThat(status.end()).isEqualTo(at("2026-03-08T03:00:00Z"));
    assertThat(status.validUntil()).isEqualTo(at("2026-03-08T03:00:00Z"));
  }

  @Test
  void closedBetweenOccurrences_isValidUntilTheNextOne() {
    WindowPlan plan = WindowPlan.of(List.of(sundays("cron(0 2 ? * SUN *)", "PT2H", PARIS)));

    WindowStatus status = plan.statusAt(at("2026-03-08T03:00:00Z"));

    assertThat(status.isOpen()).isFalse();
    assertThat(status.validUntil()).isEqualTo(at("2026-03-15T01:00:00Z"));
  }

  @Test
  void scheduleWhoseYearsAreOver_isClosedForGood() {
    WindowPlan plan = WindowPlan.of(List.of(sundays("cron(0 2 ? * SUN 2024-2025)", "PT2H", PARIS)));

    assertThat(plan.statusAt(at("2026-01-01T00:00:00Z")).validUntilMillis())
        .isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void occurrencesLongerThanTheirPeriod_mergeIntoOneOpenStatus_withoutRunningForever() {
    WindowPlan plan = WindowPlan.of(List.of(sundays("cron(0 * * * ? *)", "PT90M", ZoneOffset.UTC)));

    WindowStatus status = plan.statusAt(at("2026-01-01T00:10:00Z"));

    assertThat(status.isOpen()).isTrue();
    assertThat(status.validUntil())
        .isAfter(at("2026-02-01T00:00:00Z")); // 1,000 merged hourly occurrences
  }

  private static Window sundays(String schedule, String duration, ZoneId zone) {
    return new RecurringWindow(schedule, Duration.parse(duration), zone, null);
  }

  private static Instant at(String instant) {
    return Instant.parse(instant);
  }
}

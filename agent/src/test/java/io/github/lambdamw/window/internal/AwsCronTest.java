package io.github.lambdamw.window.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class AwsCronTest {
  private static final LocalDateTime SAT_NOON = LocalDateTime.parse("2026-03-07T12:00");

  @Test
  void dayNames_andQuestionMark_matchEverySunday() {
    AwsCron cron = AwsCron.parse("0 2 ? * SUN *");

    assertThat(cron.firstAfter(SAT_NOON)).isEqualTo(LocalDateTime.parse("2026-03-08T02:00"));
    assertThat(cron.latestAtOrBefore(SAT_NOON)).isEqualTo(LocalDateTime.parse("2026-03-01T02:00"));
  }

  @Test
  void dayOfWeekNumberOne_isSunday_asInAws() {
    assertThat(AwsCron.parse("0 2 ? * 1 *").firstAfter(SAT_NOON))
        .isEqualTo(LocalDateTime.parse("2026-03-08T02:00"));
  }

  @Test
  void matchingTime_isItsOwnLatest_andNotItsOwnNext() {
    AwsCron cron = AwsCron.parse("0 2 ? * SUN *");
    LocalDateTime sunday = LocalDateTime.parse("2026-03-08T02:00");

    assertThat(cron.latestAtOrBefore(sunday)).isEqualTo(sunday);
    assertThat(cron.firstAfter(sunday)).isEqualTo(LocalDateTime.parse("2026-03-15T02:00"));
    assertThat(cron.firstAfter(sunday.minusSeconds(1))).isEqualTo(sunday);
  }

  @Test
  void lastDayOfMonth_weekdayNearest_andNthWeekday_followAws() {
    assertThat(AwsCron.parse("0 23 L * ? *").firstAfter(LocalDateTime.parse("2026-02-01T00:00")))
        .isEqualTo(LocalDateTime.parse("2026-02-28T23:00"));
    // 2026-02-15 is a Sunday: the nearest weekday is Monday the 16th
    assertThat(AwsCron.parse("0 9 15W * ? *").firstAfter(LocalDateTime.parse("2026-02-01T00:00")))
        .isEqualTo(LocalDateTime.parse("2026-02-16T09:00"));
    // the second Tuesday of March 2026 is the 10th
    assertThat(AwsCron.parse("0 9 ? MAR 3#2 *").firstAfter(LocalDateTime.parse("2026-01-01T00:00")))
        .isEqualTo(LocalDateTime.parse("2026-03-10T09:00"));
    // the last Friday of January 2026 is the 30th
    assertThat(
            AwsCron.parse("0 9 ? JAN 6L 2026").firstAfter(LocalDateTime.parse("2026-01-01T00:00")))
        .isEqualTo(LocalDateTime.parse("2026-01-30T09:00"));
  }

  @Test
  void yearField_endsTheSchedule() {
    AwsCron cron = AwsCron.parse("0 2 1 * ? 2026");

    assertThat(cron.firstAfter(LocalDateTime.parse("2026-12-01T02:00"))).isNull();
    assertThat(cron.latestAtOrBefore(LocalDateTime.parse("2025-12-31T00:00"))).isNull();
  }

  @Test
  void stepsAndRanges_work() {
    AwsCron cron = AwsCron.parse("0/15 9-17 ? * MON-FRI *");

    assertThat(cron.firstAfter(LocalDateTime.parse("2026-03-06T17:45")))
        .isEqualTo(LocalDateTime.parse("2026-03-09T09:00"));
  }

  @Test
  void bothDayFieldsGiven_isRejectedAsAwsDoes() {
    assertThatThrownBy(() -> AwsCron.parse("0 2 * * SUN *"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fiveFields_isRejectedWithTheFieldCount() {
    assertThatThrownBy(() -> AwsCron.parse("0 2 ? * SUN"))
        .hasMessageContaining("it has 5 field(s), AWS cron has six");
  }

  @Test
  void outOfRangeValues_areRejected() {
    assertThatThrownBy(() -> AwsCron.parse("0 24 ? * SUN *"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AwsCron.parse("60 2 ? * SUN *"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AwsCron.parse("0 2 ? * 8 *"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aYearStepIntoFebruary_findsTheLatestMatch_whereCronUtilsThrows() {
    AwsCron cron = AwsCron.parse("0 2 * 2 ? 2026/2");

    assertThat(cron.latestAtOrBefore(LocalDateTime.parse("2027-05-31T00:00")))
        .isEqualTo(LocalDateTime.parse("2026-02-28T02:00"));
    assertThat(cron.latestAtOrBefore(LocalDateTime.parse("2028-02-01T02:00")))
        .isEqualTo(LocalDateTime.parse("2028-02-01T02:00"));
  }

  @Test
  void aYearStep_findsTheLatestMatch_whereCronUtilsAnswersAnEarlierOne() {
    assertThat(
            AwsCron.parse("0 2 L * ? 2026/2")
                .latestAtOrBefore(LocalDateTime.parse("2027-03-01T00:00")))
        .isEqualTo(LocalDateTime.parse("2026-12-31T02:00"));
    assertThat(
            AwsCron.parse("0 2 ? 2 MON 2026/2")
                .latestAtOrBefore(LocalDateTime.parse("2027-03-01T00:00")))
        .isEqualTo(LocalDateTime.parse("2026-02-23T02:00"));
  }

  @Test
  void timesBeyondTheCronYears_answerAtOnce_withoutAskingCronUtilsThere() {
    AwsCron cron = AwsCron.parse("0 2 ? * SUN *");
    LocalDateTime farFuture = LocalDateTime.parse("+292278994-08-17T07:12:55");

    assertThat(cron.latestAtOrBefore(farFuture)).isEqualTo(LocalDateTime.parse("2199-12-29T02:00"));
    assertThat(cron.firstAfter(farFuture)).isNull();
    assertThat(cron.latestAtOrBefore(LocalDateTime.parse("1969-12-31T23:59"))).isNull();
    assertThat(cron.firstAfter(LocalDateTime.parse("-292275055-05-16T16:47:04")))
        .isEqualTo(LocalDateTime.parse("1970-01-04T02:00"));
  }
}

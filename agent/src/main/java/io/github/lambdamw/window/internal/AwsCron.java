package io.github.lambdamw.window.internal;

import com.cronutils.model.Cron;
import com.cronutils.model.definition.CronConstraintsFactory;
import com.cronutils.model.definition.CronDefinition;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * An EventBridge cron expression ({@code minutes hours day-of-month month day-of-week year}),
 * evaluated by cron-utils on local wall-clock times. The only class that touches cron-utils, so
 * that library is loaded when a value holds a recurring window and never otherwise.
 *
 * <p>Matching happens on {@link LocalDateTime}s (presented to cron-utils as UTC, which has no
 * transitions); turning a local time into an instant, daylight-saving rules included, is the
 * recurring window's job.
 */
public final class AwsCron {
  /**
   * AWS's fields and special characters:
   * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html
   */
  private static final CronDefinition AWS =
      CronDefinitionBuilder.defineCron()
          .withMinutes()
          .withValidRange(0, 59)
          .withStrictRange()
          .and()
          .withHours()
          .withValidRange(0, 23)
          .withStrictRange()
          .and()
          .withDayOfMonth()
          .withValidRange(1, 31)
          .supportsL()
          .supportsW()
          .supportsQuestionMark()
          .and()
          .withMonth()
          .withValidRange(1, 12)
          .withStrictRange()
          .and()
          .withDayOfWeek()
          .withValidRange(1, 7)
          .withMondayDoWValue(2)
          .supportsHash()
          .supportsL()
          .supportsQuestionMark()
          .and()
          .withYear()
          .withValidRange(1970, 2199)
          .withStrictRange()
          .and()
          .withCronValidation(CronConstraintsFactory.ensureEitherDayOfWeekOrDayOfMonth())
          .instance();

  private static final CronParser PARSER = new CronParser(AWS);

  /**
   * No expression matches outside the years above. cron-utils is asked only within them: far from
   * its matches it searches minute fields year by year (seconds of CPU for a clock in year 9999)
   * and, in year 292,278,994, throws.
   */
  private static final LocalDateTime FIRST_MATCHABLE = LocalDateTime.of(1970, 1, 1, 0, 0);

  private static final LocalDateTime LAST_MATCHABLE = LocalDateTime.of(2199, 12, 31, 23, 59);

  private final String expression;
  private final ExecutionTime executionTime;

  private AwsCron(String expression, ExecutionTime executionTime) {
    this.expression = expression;
    this.executionTime = executionTime;
  }

  /**
   * Parses the six fields (without the {@code cron(…)} wrapper).
   *
   * @throws IllegalArgumentException with cron-utils' explanation when the expression is not valid
   */
  public static AwsCron parse(String fields) {
    String[] parts = fields.strip().split("\\s+");
    if (parts.length != 6) {
      throw new IllegalArgumentException(
          "it has "
              + parts.length
              + " field(s), AWS cron has six: minutes hours day-of-month month day-of-week year");
    }
    Cron cron = PARSER.parse(fields.strip()).validate();
    return new AwsCron(fields.strip(), ExecutionTime.forCron(cron));
  }

  /**
   * The latest local time at or before {@code t} that the expression matches, or {@code null} when
   * none.
   */
  public LocalDateTime latestAtOrBefore(LocalDateTime t) {
    if (t.isBefore(FIRST_MATCHABLE)) {
      return null;
    }
    ZonedDateTime at = (t.isAfter(LAST_MATCHABLE) ? LAST_MATCHABLE : t).atZone(ZoneOffset.UTC);
    // Not cron-utils' isMatch: it is built on lastExecution, which throws for some year steps
    // (below).
    LocalDateTime match = firstAfter(at.toLocalDateTime().minusMinutes(1));
    if (at.toLocalDateTime().equals(match)) {
      return match;
    }
    LocalDateTime latest;
    try {
      latest = local(executionTime.lastExecution(at));
    } catch (DateTimeException e) {
      // cron-utils 9.2.1 throws "Invalid date 'FEBRUARY 30'" for some year steps (cron(0 2 * 2 ?
      // 2026/2) in 2027)
      return latestBySearch(at.toLocalDateTime());
    }
    // It may also answer an earlier match than the latest when it crosses years without one (cron(0
    // 2 L * ? 2026/2)
    // in 2027 gives 2026-11-30, not 2026-12-31): one nextExecution shows it.
    LocalDateTime following = firstAfter(latest == null ? FIRST_MATCHABLE.minusMinutes(1) : latest);
    if (following == null || following.isAfter(at.toLocalDateTime())) {
      return latest;
    }
    return latestBySearch(at.toLocalDateTime());
  }

  /**
   * The latest match before {@code t} (a whole minute that does not match) found with nextExecution
   * alone: back from {@code t} by doubling steps to a time whose next match is at or before {@code
   * t}, then a binary search for the last minute from which the next match still is. About fifty
   * evaluations at worst; taken only when lastExecution fails.
   */
  private LocalDateTime latestBySearch(LocalDateTime t) {
    LocalDateTime low;
    long back = 1;
    while (true) {
      LocalDateTime candidate = t.minusMinutes(back);
      boolean beforeAll = candidate.isBefore(FIRST_MATCHABLE);
      if (beforeAll) {
        candidate = FIRST_MATCHABLE.minusMinutes(1);
      }
      LocalDateTime next = firstAfter(candidate);
      if (next != null && !next.isAfter(t)) {
        low = candidate;
        break;
      }
      if (beforeAll) {
        return null;
      }
      back *= 2;
    }
    long below = 0; // the next match after low + below minutes is at or before t
    long above =
        java.time.Duration.between(low, t).toMinutes(); // from t itself, the next match is after t
    while (above - below > 1) {
      long middle = below + (above - below) / 2;
      LocalDateTime next = firstAfter(low.plusMinutes(middle));
      if (next != null && !next.isAfter(t)) {
        below = middle;
      } else {
        above = middle;
      }
    }
    return firstAfter(low.plusMinutes(below));
  }

  /**
   * The first local time strictly after {@code t} that the expression matches, or {@code null} when
   * none.
   */
  public LocalDateTime firstAfter(LocalDateTime t) {
    if (!t.isBefore(LAST_MATCHABLE)) {
      return null;
    }
    LocalDateTime from = t.isBefore(FIRST_MATCHABLE) ? FIRST_MATCHABLE.minusMinutes(1) : t;
    return local(executionTime.nextExecution(from.atZone(ZoneOffset.UTC)));
  }

  private static LocalDateTime local(Optional<ZonedDateTime> time) {
    return time.map(ZonedDateTime::toLocalDateTime).orElse(null);
  }

  @Override
  public String toString() {
    return expression;
  }
}

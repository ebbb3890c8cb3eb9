package io.github.lambdamw.window.internal;

import com.cronutils.model.Cron;
import com.cronutils.model.definition.CronConstraintsFactory;
import com.cronutils.model.definition.CronDefinition;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * An EventBridge cron expression ({@code minutes hours day-of-month month day-of-week year}), evaluated by cron-utils
 * on local wall-clock times. The only class that touches cron-utils, so that library is loaded when a value holds a
 * recurring window and never otherwise.
 *
 * <p>Matching happens on {@link LocalDateTime}s (presented to cron-utils as UTC, which has no transitions); turning a
 * local time into an instant, daylight-saving rules included, is the recurring window's job.
 */
public final class AwsCron {
  /** AWS's fields and special characters: https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html */
  private static final CronDefinition AWS =
      CronDefinitionBuilder.defineCron()
          .withMinutes().withValidRange(0, 59).withStrictRange().and()
          .withHours().withValidRange(0, 23).withStrictRange().and()
          .withDayOfMonth().withValidRange(1, 31).supportsL().supportsW().supportsQuestionMark().and()
          .withMonth().withValidRange(1, 12).withStrictRange().and()
          .withDayOfWeek()
          .withValidRange(1, 7)
          .withMondayDoWValue(2)
          .supportsHash()
          .supportsL()
          .supportsQuestionMark()
          .and()
          .withYear().withValidRange(1970, 2199).withStrictRange().and()
          .withCronValidation(CronConstraintsFactory.ensureEitherDayOfWeekOrDayOfMonth())
          .instance();

  private static final CronParser PARSER = new CronParser(AWS);

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
          "it has " + parts.length + " field(s), AWS cron has six: minutes hours day-of-month month day-of-week year");
    }
    Cron cron = PARSER.parse(fields.strip()).validate();
    return new AwsCron(fields.strip(), ExecutionTime.forCron(cron));
  }

  /** The latest local time at or before {@code t} that the expression matches, or {@code null} when none. */
  public LocalDateTime latestAtOrBefore(LocalDateTime t) {
    ZonedDateTime at = t.atZone(ZoneOffset.UTC);
    if (executionTime.isMatch(at)) {
      return t;
    }
    return local(executionTime.lastExecution(at));
  }

  /** The first local time strictly after {@code t} that the expression matches, or {@code null} when none. */
  public LocalDateTime firstAfter(LocalDateTime t) {
    return local(executionTime.nextExecution(t.atZone(ZoneOffset.UTC)));
  }

  private static LocalDateTime local(Optional<ZonedDateTime> time) {
    return time.map(ZonedDateTime::toLocalDateTime).orElse(null);
  }

  @Override
  public String toString() {
    return expression;
  }
}

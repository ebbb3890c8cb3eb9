package io.github.lambdamw.window;

import io.github.lambdamw.window.internal.AwsCron;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * A window that opens at every time an EventBridge cron expression names, in a time zone, for a
 * fixed duration.
 *
 * <p>Daylight saving time (see docs/window-format.md): an occurrence opens at the first instant at
 * which the zone's clock has reached the scheduled local time. So a local time skipped when clocks
 * go forward opens the window at the end of the gap (02:30 on a spring-forward night in Paris opens
 * at 03:00 CEST), and a local time that the clock shows twice when it goes back opens it once, at
 * the first pass. The duration is elapsed time: {@code PT2H} is always two hours, whatever the
 * clocks do meanwhile.
 */
public final class RecurringWindow implements Window {
  private final String schedule;
  private final AwsCron cron;
  private final Duration duration;
  private final ZoneId zone;
  private final ZoneRules rules;
  private final String reason;

  /**
   * @param schedule {@code cron(minutes hours day-of-month month day-of-week year)}, as in
   *     EventBridge
   * @param duration how long each occurrence lasts, positive
   * @param zone the zone the expression's times are read in
   * @param reason free text, may be {@code null}
   * @throws IllegalArgumentException when the schedule is not an AWS cron expression or the
   *     duration is not positive; the message says why
   */
  public RecurringWindow(String schedule, Duration duration, ZoneId zone, String reason) {
    String text = schedule.strip();
    if (!text.startsWith("cron(") || !text.endsWith(")")) {
      throw new IllegalArgumentException("it is not wrapped in cron(…)");
    }
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("the duration " + duration + " is not positive");
    }
    this.cron = AwsCron.parse(text.substring("cron(".length(), text.length() - 1));
    this.schedule = text;
    this.duration = duration;
    this.zone = zone;
    this.rules = zone.getRules();
    this.reason = reason;
  }

  public String schedule() {
    return schedule;
  }

  public Duration duration() {
    return duration;
  }

  public ZoneId zone() {
    return zone;
  }

  @Override
  public Occurrence occurrenceAt(Instant t) {
    LocalDateTime scheduled = cron.latestAtOrBefore(reachedAt(t).truncatedTo(ChronoUnit.MINUTES));
    if (scheduled == null) {
      return null;
    }
    Instant start = opensAt(scheduled);
    Instant end = start.plus(duration);
    return end.isAfter(t) ? new Occurrence(start, end, false, this) : null;
  }

  @Override
  public Occurrence nextOccurrenceAfter(Instant t) {
    LocalDateTime scheduled = cron.firstAfter(reachedAt(t));
    if (scheduled == null) {
      return null;
    }
    Instant start = opensAt(scheduled);
    return new Occurrence(start, start.plus(duration), false, this);
  }

  @Override
  public String reason() {
    return reason;
  }

  @Override
  public String describe() {
    return schedule + " for " + duration + " in " + zone;
  }

  @Override
  public String toString() {
    return describe();
  }

  /**
   * The latest local time the zone's clock has shown by {@code t}. Equal to the local time at
   * {@code t} except while the clock repeats an hour after going back, when it is the last moment
   * before the clock went back: a scheduled time in the repeated hour has already been reached.
   */
  private LocalDateTime reachedAt(Instant t) {
    LocalDateTime local = LocalDateTime.ofInstant(t, zone);
    ZoneOffsetTransition last = rules.previousTransition(t.plusNanos(1));
    if (last != null && last.isOverlap() && local.isBefore(last.getDateTimeBefore())) {
      return last.getDateTimeBefore().minusNanos(1);
    }
    return local;
  }

  /** The first instant at which the zone's clock reaches {@code scheduled}. */
  private Instant opensAt(LocalDateTime scheduled) {
    ZoneOffsetTransition transition = rules.getTransition(scheduled);
    if (transition != null && transition.isGap()) {
      return transition.getInstant();
    }
    return scheduled
        .atZone(zone)
        .toInstant(); // in an overlap, atZone takes the earlier offset: the first pass
  }
}

package io.github.lambdamw.windowtext;

import io.github.lambdamw.window.Occurrence;
import io.github.lambdamw.window.RecurringWindow;
import io.github.lambdamw.window.Window;
import io.github.lambdamw.window.WindowPlan;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The days ahead as a person reads them in a terminal: one line per day in one time zone, the day's
 * 24 hours across in half-hour columns, the columns when a window is open marked. A clock change
 * shows: the hour a spring change skips is marked as skipped, and the hour an autumn change repeats
 * counts as open if either of its two passes is.
 */
public final class Timeline {
  private static final int SLOTS_PER_HOUR = 2;
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEE yyyy-MM-dd", Locale.ENGLISH);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter DAY_TIME =
      DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ENGLISH);

  /** The marks of one style. */
  public enum Style {
    /** ASCII, for files, pipes and {@code --plain}. */
    PLAIN('#', '.', '~'),
    /** Block characters, for a terminal. */
    TERMINAL('█', '·', ' ');

    final char open;
    final char closed;
    final char skipped;

    Style(char open, char closed, char skipped) {
      this.open = open;
      this.closed = closed;
      this.skipped = skipped;
    }
  }

  private static final ZoneId UTC = ZoneId.of("UTC");

  private Timeline() {}

  /** The zone a plan is best read in: its first recurring window's, else UTC. */
  public static ZoneId zoneOf(WindowPlan plan) {
    for (Window window : plan.windows()) {
      if (window.asEnforced() instanceof RecurringWindow recurring) {
        return recurring.zone();
      }
    }
    return UTC;
  }

  /**
   * Prints {@code plan}'s timeline of the {@code days} days starting with the one {@code at} falls
   * on, in {@code zone}: what {@code mw window status} shows under its first line.
   */
  public static void print(
      PrintWriter out, WindowPlan plan, Instant at, int days, ZoneId zone, Style style) {
    Instant from = at.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
    Instant to = at.atZone(zone).toLocalDate().plusDays(days).atStartOfDay(zone).toInstant();
    print(out, Occurrences.between(plan, from, to), plan.enabled(), at, days, zone, style);
  }

  /**
   * Prints the {@code days} days starting with the one {@code from} falls on, in {@code zone}.
   *
   * @param occurrences the occurrences in that range ({@link Occurrences#between})
   * @param enabled false when {@code "enabled": false} keeps every window closed
   */
  public static void print(
      PrintWriter out,
      List<Occurrence> occurrences,
      boolean enabled,
      Instant from,
      int days,
      ZoneId zone,
      Style style) {
    LocalDate first = from.atZone(zone).toLocalDate();
    String zoneOffsets = offsets(zone, first, days);
    out.printf(
        "Next %d day(s) in %s%s%n",
        days, zone.getId(), zoneOffsets.equals(zone.getId()) ? "" : ": " + zoneOffsets);
    out.printf(
        "%c open  %c closed%s  (a column per 30 minutes)%n",
        style.open,
        style.closed,
        style == Style.PLAIN ? "  " + style.skipped + " skipped by a clock change" : "");
    if (!enabled) {
      out.println("\"enabled\": false: no window opens, whatever the windows say");
    }
    out.println(" ".repeat(DAY.format(first.atStartOfDay()).length() + 2) + hours());
    for (int d = 0; d < days; d++) {
      LocalDate day = first.plusDays(d);
      StringBuilder line = new StringBuilder(DAY.format(day.atStartOfDay())).append("  ");
      for (int slot = 0; slot < 24 * SLOTS_PER_HOUR; slot++) {
        LocalDateTime local = day.atTime(LocalTime.MIN.plusMinutes(slot * 60L / SLOTS_PER_HOUR));
        List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
        if (offsets.isEmpty()) {
          line.append(style.skipped);
          continue;
        }
        boolean open = false;
        for (ZoneOffset offset : offsets) {
          Instant start = local.toInstant(offset);
          open |= enabled && overlaps(occurrences, start, start.plusSeconds(3600 / SLOTS_PER_HOUR));
        }
        line.append(open ? style.open : style.closed);
      }
      line.append(startingOn(occurrences, day, zone));
      out.println(line.toString().stripTrailing());
    }
  }

  private static String hours() {
    StringBuilder scale = new StringBuilder();
    for (int hour = 0; hour < 24; hour += 3) {
      scale.append(String.format("%02d", hour)).append(" ".repeat(3 * SLOTS_PER_HOUR - 2));
    }
    return scale.toString().stripTrailing();
  }

  private static boolean overlaps(List<Occurrence> occurrences, Instant start, Instant end) {
    for (Occurrence occurrence : occurrences) {
      Instant closes = occurrence.closesAt();
      if (occurrence.start().isBefore(end) && (closes == null || closes.isAfter(start))) {
        return true;
      }
    }
    return false;
  }

  /** " 03:00-05:00 (reason)" for each occurrence starting on {@code day}. */
  private static String startingOn(List<Occurrence> occurrences, LocalDate day, ZoneId zone) {
    StringBuilder text = new StringBuilder();
    for (Occurrence occurrence : occurrences) {
      ZonedDateTime start = occurrence.start().atZone(zone);
      if (!start.toLocalDate().equals(day)) {
        continue;
      }
      text.append("  ").append(TIME.format(start)).append('-');
      Instant closes = occurrence.closesAt();
      if (closes == null) {
        text.append("(no end)");
      } else {
        ZonedDateTime end = closes.atZone(zone);
        text.append(end.toLocalDate().equals(day) ? TIME.format(end) : DAY_TIME.format(end));
      }
      if (occurrence.window().reason() != null) {
        text.append(" (").append(ValueSize.capped(occurrence.window().reason())).append(')');
      }
    }
    return text.toString();
  }

  /** "UTC+01:00" or "UTC+01:00, UTC+02:00 from Sun 2026-03-29 03:00". */
  private static String offsets(ZoneId zone, LocalDate first, int days) {
    Instant start = first.atStartOfDay(zone).toInstant();
    Instant end = first.plusDays(days).atStartOfDay(zone).toInstant();
    List<String> parts = new ArrayList<>(List.of(label(zone.getRules().getOffset(start))));
    ZoneOffsetTransition transition = zone.getRules().nextTransition(start);
    while (transition != null && transition.getInstant().isBefore(end)) {
      parts.add(
          label(transition.getOffsetAfter())
              + " from "
              + DAY_TIME.format(transition.getDateTimeAfter()));
      transition = zone.getRules().nextTransition(transition.getInstant());
    }
    return String.join(", ", parts);
  }

  private static String label(ZoneOffset offset) {
    return "UTC" + (offset.getTotalSeconds() == 0 ? "" : offset.getId());
  }
}

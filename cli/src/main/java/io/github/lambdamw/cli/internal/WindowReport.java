package io.github.lambdamw.cli.internal;

import io.github.lambdamw.window.Occurrence;
import io.github.lambdamw.window.OneOffWindow;
import io.github.lambdamw.window.OpenEndedWindow;
import io.github.lambdamw.window.RecurringWindow;
import io.github.lambdamw.window.Window;
import io.github.lambdamw.window.WindowPlan;
import io.github.lambdamw.window.WindowStatus;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Prints a plan for people: each window, its next openings and closings in its zone and in UTC, and
 * the status.
 */
public final class WindowReport {
  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm:ss xxx", Locale.ENGLISH);

  private WindowReport() {}

  /**
   * Every window of {@code plan} with up to {@code count} occurrences in progress at or after
   * {@code from}.
   */
  public static void windows(PrintWriter out, WindowPlan plan, Instant from, int count) {
    out.printf(
        "%d window(s)%s%n",
        plan.windows().size(),
        plan.enabled() ? "" : "; \"enabled\": false turns them all off: none opens");
    for (int i = 0; i < plan.windows().size(); i++) {
      Window window = plan.windows().get(i);
      out.printf(
          "windows[%d]  %s  %s%s%n", i, kind(window), window.describe(), reason(window.reason()));
      ZoneId zone =
          window.asEnforced() instanceof RecurringWindow recurring
              ? recurring.zone()
              : ZoneOffset.UTC;
      Occurrence occurrence = window.occurrenceAt(from);
      if (occurrence == null) {
        occurrence = window.nextOccurrenceAfter(from);
      }
      if (occurrence == null) {
        out.println("  over: no occurrence at or after " + from);
      }
      for (int n = 0; n < count && occurrence != null; n++) {
        out.printf("  opens   %s%n", at(occurrence.start(), zone));
        out.printf(
            "  closes  %s%n",
            occurrence.closesAt() == null
                ? "never (until the value changes)"
                : at(occurrence.end(), zone));
        occurrence = window.nextOccurrenceAfter(occurrence.start());
      }
    }
  }

  /** One line: open since when and until when, or closed until when. */
  public static String status(WindowPlan plan, Instant now) {
    WindowStatus status = plan.statusAt(now);
    if (status.isOpen()) {
      return "open since "
          + status.start()
          + (status.end() == null ? ", with no end" : " until " + status.end())
          + reason(status.reason())
          + (status.observe() ? " (observe mode: nothing is deferred)" : "");
    }
    if (!plan.enabled()) {
      return "closed: \"enabled\": false turns every window off";
    }
    return status.validUntil() == null
        ? "closed, no window ahead"
        : "closed until " + status.validUntil();
  }

  private static String at(Instant instant, ZoneId zone) {
    String utc = instant.toString();
    return zone.equals(ZoneOffset.UTC)
        ? utc
        : LOCAL.format(instant.atZone(zone)) + " " + zone + "  =  " + utc;
  }

  private static String kind(Window observedOrNot) {
    Window window = observedOrNot.asEnforced(); // an observed window says so in its description
    if (window instanceof RecurringWindow) {
      return "recurring";
    }
    if (window instanceof OpenEndedWindow) {
      return "open-ended";
    }
    return window instanceof OneOffWindow ? "one-off" : window.getClass().getSimpleName();
  }

  private static String reason(String reason) {
    return reason == null ? "" : " (reason: " + reason + ")";
  }
}

package io.github.lambdamw.window;

import io.github.lambdamw.window.internal.WindowValueParser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A parsed window value: the union of its windows. Immutable and safe to share between threads. */
public final class WindowPlan {
  /**
   * Guards against a pathological chain of touching occurrences (a recurring window every minute,
   * say): the status then stays valid until the end of the first 1,000 merged occurrences and is
   * computed again there. Each link costs a cron evaluation (~0.1 ms), so the bound keeps a
   * recomputation on an invocation thread short.
   */
  private static final int MAX_MERGED_OCCURRENCES = 1_000;

  private final List<Window> windows;
  private final boolean enabled;

  /**
   * The windows that defer, and those only observed ("mode":"observe"); empty when there are none.
   */
  private final List<Window> enforced;

  private final List<Window> observed;

  private WindowPlan(List<Window> windows, boolean enabled) {
    this.windows = List.copyOf(windows);
    this.enabled = enabled;
    // Loops, not streams and lambdas: this runs on the INIT path of every guarded cold start.
    List<Window> observe = new ArrayList<>();
    List<Window> enforce = new ArrayList<>();
    for (Window window : this.windows) {
      (window.observe() ? observe : enforce).add(window);
    }
    this.observed = List.copyOf(observe);
    this.enforced = observe.isEmpty() ? this.windows : List.copyOf(enforce);
  }

  public static WindowPlan of(List<Window> windows) {
    return new WindowPlan(windows, true);
  }

  /** A plan whose windows only count when {@code enabled}; disabled, it is closed for good. */
  public static WindowPlan of(List<Window> windows, boolean enabled) {
    return new WindowPlan(windows, enabled);
  }

  /** Parses an SSM parameter value; see docs/window-format.md for the accepted forms. */
  public static WindowPlan parse(String value) throws WindowFormatException {
    WindowValueParser.Parsed parsed = WindowValueParser.parse(value);
    return new WindowPlan(parsed.windows(), parsed.enabled());
  }

  /** The windows as written, whether or not the plan is enabled. */
  public List<Window> windows() {
    return windows;
  }

  /**
   * {@code false} when the value's master switch {@code "enabled": false} turns every window off.
   */
  public boolean enabled() {
    return enabled;
  }

  /**
   * The status at {@code t}. When open, the end is that of the whole union of overlapping or
   * touching occurrences, so two adjacent windows read as one.
   */
  public WindowStatus statusAt(Instant t) {
    if (!enabled) {
      return WindowStatus.closedUntil(null);
    }
    WindowStatus enforcedStatus = unionAt(t, enforced, false);
    if (observed.isEmpty() || enforcedStatus.isOpen()) {
      return enforcedStatus; // an enforced window wins over an observed one
    }
    // Closed for enforced windows: the observed ones decide, until the next enforced window opens.
    Instant nextEnforced = enforcedStatus.validUntil();
    WindowStatus observedStatus = unionAt(t, observed, true);
    if (!observedStatus.isOpen()) {
      return WindowStatus.closedUntil(earliest(nextEnforced, observedStatus.validUntil()));
    }
    Instant validUntil = earliest(nextEnforced, observedStatus.validUntil());
    return validUntil == observedStatus.validUntil()
        ? observedStatus
        : WindowStatus.observed(
            observedStatus.start(),
            observedStatus.end(),
            validUntil,
            observedStatus.reason(),
            observedStatus.description());
  }

  /** The earlier of two instants where {@code null} means never. */
  private static Instant earliest(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isBefore(b) ? a : b;
  }

  /** The status that the union of {@code windows} alone gives at {@code t}. */
  private static WindowStatus unionAt(Instant t, List<Window> windows, boolean observe) {
    Occurrence first = null;
    Instant closesAt = t;
    boolean forever = false;
    for (Window window : windows) {
      Occurrence occurrence = window.occurrenceAt(t);
      if (occurrence == null) {
        continue;
      }
      if (first == null) {
        first = occurrence;
      }
      if (occurrence.closesAt() == null) {
        forever = true;
      } else if (occurrence.closesAt().isAfter(closesAt)) {
        closesAt = occurrence.closesAt();
      }
    }
    if (first == null) {
      return WindowStatus.closedUntil(nextOpeningAfter(windows, t));
    }
    Occurrence last = first;
    for (int i = 0; !forever && i < MAX_MERGED_OCCURRENCES; i++) {
      Occurrence continuation = occurrenceExtending(windows, closesAt);
      if (continuation == null) {
        break;
      }
      last = continuation;
      if (continuation.closesAt() == null) {
        forever = true;
      } else {
        closesAt = continuation.closesAt();
      }
    }
    Instant end = forever ? null : last.closesAt().equals(closesAt) ? last.end() : closesAt;
    Instant until = forever ? null : closesAt;
    String reason = first.window().reason();
    return observe
        ? WindowStatus.observed(first.start(), end, until, reason, describe(windows, t))
        : WindowStatus.open(first.start(), end, until, reason, describe(windows, t));
  }

  /** An occurrence that is open at {@code instant} and lasts beyond it, extending the union. */
  private static Occurrence occurrenceExtending(List<Window> windows, Instant instant) {
    Occurrence best = null;
    for (Window window : windows) {
      Occurrence occurrence = window.occurrenceAt(instant);
      if (occurrence == null) {
        continue;
      }
      if (occurrence.closesAt() == null) {
        return occurrence;
      }
      if (occurrence.closesAt().isAfter(instant)
          && (best == null || occurrence.closesAt().isAfter(best.closesAt()))) {
        best = occurrence;
      }
    }
    return best;
  }

  private static Instant nextOpeningAfter(List<Window> windows, Instant t) {
    Instant next = null;
    for (Window window : windows) {
      Occurrence occurrence = window.nextOccurrenceAfter(t);
      if (occurrence != null && (next == null || occurrence.start().isBefore(next))) {
        next = occurrence.start();
      }
    }
    return next;
  }

  private static String describe(List<Window> windows, Instant t) {
    StringBuilder text = new StringBuilder();
    for (Window window : windows) {
      if (window.occurrenceAt(t) != null) {
        if (text.length() > 0) {
          text.append(", ");
        }
        text.append(window.describe());
      }
    }
    return text.toString();
  }

  @Override
  public String toString() {
    return enabled ? windows.toString() : windows + " (disabled: \"enabled\": false)";
  }
}

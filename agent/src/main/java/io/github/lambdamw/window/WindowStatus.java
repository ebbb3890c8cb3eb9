package io.github.lambdamw.window;

import io.github.lambdamw.window.internal.IsoInstants;
import java.time.Instant;

/**
 * Whether invocations are deferred at some instant, and until when that answer holds. Computed only
 * when a window opens or closes (or the value changes), so the per-invocation check is one
 * comparison against {@link #validUntilMillis()}.
 */
public final class WindowStatus {
  private static final WindowStatus CLOSED_FOR_GOOD =
      new WindowStatus(false, null, null, null, null, null, false);

  private final boolean open;
  private final Instant end;
  private final Instant validUntil;
  private final long validUntilMillis;
  private final String reason;
  private final String description;
  private final Instant start;
  private final boolean observe;

  private WindowStatus(
      boolean open,
      Instant start,
      Instant end,
      Instant validUntil,
      String reason,
      String description,
      boolean observe) {
    this.open = open;
    this.observe = observe;
    this.start = start;
    this.end = end;
    this.validUntil = validUntil;
    this.validUntilMillis = validUntil == null ? Long.MAX_VALUE : validUntil.toEpochMilli();
    this.reason = reason;
    this.description = description;
  }

  /** Open from {@code start}; {@code end} as the operator wrote it ({@code null}: open-ended). */
  public static WindowStatus open(
      Instant start, Instant end, Instant closesAt, String reason, String description) {
    return new WindowStatus(true, start, end, closesAt, reason, description, false);
  }

  /**
   * Open, but only observe-mode windows are: nothing is deferred, each invocation that would have
   * been is logged and counted. Holds until {@code validUntil} ({@code null}: never), which may be
   * before {@code end} when an enforced window opens first.
   */
  public static WindowStatus observed(
      Instant start, Instant end, Instant validUntil, String reason, String description) {
    return new WindowStatus(true, start, end, validUntil, reason, description, true);
  }

  /** Closed until {@code nextOpening} ({@code null}: no window ahead). */
  public static WindowStatus closedUntil(Instant nextOpening) {
    return nextOpening == null
        ? CLOSED_FOR_GOOD
        : new WindowStatus(false, null, null, nextOpening, null, null, false);
  }

  public boolean isOpen() {
    return open;
  }

  /** {@code true} when open only through observe-mode windows: the handler runs. */
  public boolean observe() {
    return observe;
  }

  /** Start of the open window; {@code null} when closed. */
  public Instant start() {
    return start;
  }

  /** End of the open window as written by the operator; {@code null} when closed or open-ended. */
  public Instant end() {
    return end;
  }

  /** The instant this status stops being true; {@code null} when it never changes. */
  public Instant validUntil() {
    return validUntil;
  }

  /** {@link #validUntil()} in epoch millis, {@link Long#MAX_VALUE} for never. */
  public long validUntilMillis() {
    return validUntilMillis;
  }

  /** The operator's reason for the open window, {@code null} when none. */
  public String reason() {
    return reason;
  }

  /** The window(s) that make this status open, as text; {@code null} when closed. */
  public String description() {
    return description;
  }

  @Override
  public String toString() {
    return open
        ? (observe ? "observing " : "open ")
            + description
            + (end == null ? " (open-ended)" : " until " + IsoInstants.format(end))
        : "closed" + (validUntil == null ? "" : " until " + IsoInstants.format(validUntil));
  }
}

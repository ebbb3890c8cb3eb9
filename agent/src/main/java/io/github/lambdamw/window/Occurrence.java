package io.github.lambdamw.window;

import java.time.Instant;

/**
 * One concrete interval during which a window is open.
 *
 * @param start the first instant inside the occurrence
 * @param end the end as the operator wrote it, {@code null} for an open-ended pause
 * @param endInclusive whether {@code end} itself is still inside (the original StringList format's
 *     rule)
 * @param window the window this occurrence belongs to
 */
public record Occurrence(Instant start, Instant end, boolean endInclusive, Window window) {

  /** The first instant after the occurrence, {@code null} when it never closes. */
  public Instant closesAt() {
    if (end == null) {
      return null;
    }
    return endInclusive ? end.plusMillis(1) : end;
  }

  /** Whether {@code t} lies inside this occurrence. */
  public boolean contains(Instant t) {
    if (t.isBefore(start)) {
      return false;
    }
    Instant closesAt = closesAt();
    return closesAt == null || t.isBefore(closesAt);
  }
}

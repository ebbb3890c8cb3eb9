package io.github.lambdamw.window;

import io.github.lambdamw.window.internal.IsoInstants;
import java.time.Instant;

/** A single interval with fixed ends. */
public final class OneOffWindow extends SingleOccurrenceWindow {

  /**
   * @param start first instant inside the window
   * @param end end of the window, never {@code null} here
   * @param endInclusive {@code true} for the original StringList format, whose end instant is still
   *     inside
   * @param reason free text, may be {@code null}
   */
  public OneOffWindow(Instant start, Instant end, boolean endInclusive, String reason) {
    super(start, end, endInclusive, reason);
  }

  public Instant end() {
    return occurrence.end();
  }

  /**
   * Whether {@link #end()} is still inside the window (values in the original StringList format).
   */
  public boolean endInclusive() {
    return occurrence.endInclusive();
  }

  @Override
  public String describe() {
    return IsoInstants.format(occurrence.start())
        + (occurrence.endInclusive() ? "/" : "/<")
        + IsoInstants.format(occurrence.end());
  }
}

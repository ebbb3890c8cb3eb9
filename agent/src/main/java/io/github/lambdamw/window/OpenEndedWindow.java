package io.github.lambdamw.window;

import io.github.lambdamw.window.internal.IsoInstants;
import java.time.Instant;

/** A pause with a start and no end: open from {@code start} until the value changes. */
public final class OpenEndedWindow extends SingleOccurrenceWindow {

  /**
   * @param start first instant inside the window
   * @param reason free text, may be {@code null}
   */
  public OpenEndedWindow(Instant start, String reason) {
    super(start, null, false, reason);
  }

  @Override
  public String describe() {
    return IsoInstants.format(occurrence.start()) + "/(open-ended)";
  }
}

package io.github.lambdamw.window;

import java.time.Instant;

/** A pause with a start and no end: open from {@code start} until the value changes. */
public final class OpenEndedWindow implements Window {
  private final Occurrence occurrence;
  private final String reason;

  /**
   * @param start first instant inside the window
   * @param reason free text, may be {@code null}
   */
  public OpenEndedWindow(Instant start, String reason) {
    this.occurrence = new Occurrence(start, null, false, this);
    this.reason = reason;
  }

  public Instant start() {
    return occurrence.start();
  }

  @Override
  public Occurrence occurrenceAt(Instant t) {
    return occurrence.contains(t) ? occurrence : null;
  }

  @Override
  public Occurrence nextOccurrenceAfter(Instant t) {
    return occurrence.start().isAfter(t) ? occurrence : null;
  }

  @Override
  public String reason() {
    return reason;
  }

  @Override
  public String describe() {
    return occurrence.start() + "/(open-ended)";
  }

  @Override
  public String toString() {
    return describe();
  }
}

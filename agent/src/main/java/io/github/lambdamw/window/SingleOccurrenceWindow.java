package io.github.lambdamw.window;

import java.time.Instant;

/** A window that happens once: a one-off interval, or an open-ended pause. */
abstract class SingleOccurrenceWindow implements Window {
  final Occurrence occurrence;
  private final String reason;

  SingleOccurrenceWindow(Instant start, Instant end, boolean endInclusive, String reason) {
    this.occurrence = new Occurrence(start, end, endInclusive, this);
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
  public String toString() {
    return describe();
  }
}

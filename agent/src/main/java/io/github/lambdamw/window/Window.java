package io.github.lambdamw.window;

import java.time.Instant;

/**
 * One window of a {@link WindowPlan}: {@link OneOffWindow}, {@link RecurringWindow} or {@link
 * OpenEndedWindow}. A window only answers questions about its own occurrences; {@link WindowPlan}
 * combines many into their union.
 */
public interface Window {

  /** The occurrence of this window that contains {@code t}, or {@code null} when none does. */
  Occurrence occurrenceAt(Instant t);

  /**
   * The first occurrence that starts strictly after {@code t}, or {@code null} when there is none.
   */
  Occurrence nextOccurrenceAfter(Instant t);

  /** Why the window exists, as the operator wrote it; {@code null} when not given. */
  String reason();

  /**
   * {@code true} for a window written with {@code "mode":"observe"} ({@link ObservedWindow}): it
   * defers nothing; the agent only logs and counts what it would have deferred.
   */
  default boolean observe() {
    return false;
  }

  /**
   * The window as it would be enforced: itself, or for an {@link ObservedWindow} the window it
   * observes. Code that asks what kind a window is ({@code instanceof RecurringWindow}) asks this
   * one.
   */
  default Window asEnforced() {
    return this;
  }

  /** The window as an operator would write it, for logs and stored items. */
  String describe();
}

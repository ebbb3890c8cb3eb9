package io.github.lambdamw.window;

/**
 * A window written with {@code "mode":"observe"}: a rehearsal. While only such windows are open the
 * handler runs as usual and the agent logs and counts each invocation it would have deferred. A
 * decorator, so that every kind of window can be observed without each carrying a mode.
 */
public final class ObservedWindow implements Window {
  private final Window window;

  public ObservedWindow(Window window) {
    this.window = window;
  }

  /** The window as it would be enforced. */
  @Override
  public Window asEnforced() {
    return window;
  }

  @Override
  public Occurrence occurrenceAt(java.time.Instant t) {
    return window.occurrenceAt(t);
  }

  @Override
  public Occurrence nextOccurrenceAfter(java.time.Instant t) {
    return window.nextOccurrenceAfter(t);
  }

  @Override
  public String reason() {
    return window.reason();
  }

  @Override
  public boolean observe() {
    return true;
  }

  @Override
  public String describe() {
    return window.describe() + " (observe)";
  }

  @Override
  public String toString() {
    return describe();
  }
}

package io.github.lambdamw.replay.internal;

/**
 * Spaces calls to at most {@code rate} per second, measured from the first call; 0 means no pacing.
 */
public final class Pacer {
  private final long intervalNanos;
  private long next;
  private boolean started;

  public Pacer(double ratePerSecond) {
    this.intervalNanos = ratePerSecond <= 0 ? 0 : (long) (1_000_000_000L / ratePerSecond);
  }

  /** Blocks until the next call may start. */
  public void await() throws InterruptedException {
    if (intervalNanos == 0) {
      return;
    }
    long now = System.nanoTime();
    if (!started) {
      started = true;
      next = now + intervalNanos;
      return;
    }
    long wait = next - now;
    if (wait > 0) {
      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }
    next = Math.max(next, now) + intervalNanos;
  }
}

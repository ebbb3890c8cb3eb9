package io.github.lambdamw.agent.internal.gate;

import java.util.concurrent.atomic.AtomicInteger;

/** A window source whose value or failure a test sets, counting reads. */
final class ScriptedWindowSource implements WindowSource {
  private volatile String value;
  private volatile String failure;
  private final AtomicInteger throttles = new AtomicInteger();
  private volatile long readMillis;
  final AtomicInteger reads = new AtomicInteger();

  ScriptedWindowSource(String value) {
    this.value = value;
  }

  void answer(String newValue) {
    this.value = newValue;
    this.failure = null;
  }

  void fail(String message) {
    this.failure = message;
  }

  /**
   * The next {@code count} reads are throttled (as SSM's ThrottlingException); {@link
   * Integer#MAX_VALUE} for all.
   */
  void throttleNext(int count) {
    throttles.set(count);
  }

  /** Each read takes this long (an SSM that is slow to answer). */
  void takeMillis(long millis) {
    this.readMillis = millis;
  }

  @Override
  public String read() throws WindowReadException {
    reads.incrementAndGet();
    if (readMillis > 0) {
      try {
        Thread.sleep(readMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (throttles.getAndUpdate(n -> n == Integer.MAX_VALUE ? n : Math.max(0, n - 1)) > 0) {
      throw WindowReadException.throttled(
          "scripted source could not be read: HTTP 400 ThrottlingException");
    }
    if (failure != null) {
      throw new WindowReadException(failure, null);
    }
    return value;
  }

  @Override
  public String describe() {
    return "scripted source";
  }
}

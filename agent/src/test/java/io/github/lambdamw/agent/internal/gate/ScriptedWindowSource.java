package io.github.lambdamw.agent.internal.gate;

import java.util.concurrent.atomic.AtomicInteger;

/** A window source whose value or failure a test sets, counting reads. */
final class ScriptedWindowSource implements WindowSource {
  private volatile String value;
  private volatile String failure;
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

  @Override
  public String read() throws WindowReadException {
    reads.incrementAndGet();
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

package io.github.lambdamw.harness.ssm;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The faults a test asked for, and the calls counted per action. Thread-safe. */
final class SsmFaults {

  private final AtomicInteger throttleNext = new AtomicInteger();
  private volatile boolean failAll;
  private volatile Duration delay = Duration.ZERO;
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private final SsmRateLimit rateLimit;

  SsmFaults(SsmRateLimit rateLimit) {
    this.rateLimit = rateLimit;
  }

  SsmRateLimit rateLimit() {
    return rateLimit;
  }

  void throttleNext(int count) {
    throttleNext.set(count);
  }

  void failAll(boolean fail) {
    failAll = fail;
  }

  void delay(Duration delay) {
    this.delay = delay;
  }

  void reset() {
    throttleNext.set(0);
    failAll = false;
    delay = Duration.ZERO;
    calls.clear();
  }

  int calls(String action) {
    AtomicInteger count = calls.get(action);
    return count == null ? 0 : count.get();
  }

  int totalCalls() {
    return calls.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  /**
   * Counts the call, waits the configured delay, then throws the fault due, if any: the faults a
   * test set first, then the rate limit (a call refused for another fault takes no token).
   */
  void before(String action) throws InterruptedException {
    calls.computeIfAbsent(action, a -> new AtomicInteger()).incrementAndGet();
    Duration wait = delay;
    if (!wait.isZero()) {
      Thread.sleep(wait.toMillis());
    }
    if (failAll) {
      throw new SsmException(500, "InternalServerError", "LocalSsm was told to fail every call.");
    }
    if (throttleNext.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
      throw SsmException.throttling();
    }
    if (rateLimit != null && SsmRateLimit.applies(action) && !rateLimit.tryAcquire()) {
      throw SsmException.throttling();
    }
  }
}

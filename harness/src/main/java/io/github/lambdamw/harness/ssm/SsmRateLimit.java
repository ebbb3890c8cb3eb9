package io.github.lambdamw.harness.ssm;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Parameter Store's throughput quota, per account and region: a token bucket shared by the
 * parameter reads ({@code GetParameter}, {@code GetParameters}), refilled continuously at {@code
 * perSecond} up to {@code burst} tokens. A read finding the bucket empty is answered as SSM answers
 * it, HTTP 400 {@code ThrottlingException} "Rate exceeded", and takes no token. Counts the answered
 * and throttled reads of every second since the server started, for the fleet simulation's "SSM
 * calls per second over time".
 *
 * <p>SSM's default is 40 per second; the higher-throughput setting raises it
 * (docs/fleet-sizing.md).
 */
public final class SsmRateLimit {
  /** Seconds of history kept; later calls count in the last second. */
  private static final int SECONDS = 3_600;

  private final double perSecond;
  private final double burst;
  private final long startNanos = System.nanoTime();
  private final AtomicIntegerArray answered = new AtomicIntegerArray(SECONDS);
  private final AtomicIntegerArray throttled = new AtomicIntegerArray(SECONDS);
  private double tokens;
  private long refilledAtNanos = startNanos;

  SsmRateLimit(double perSecond, int burst) {
    if (perSecond <= 0 || burst < 1) {
      throw new IllegalArgumentException("a rate limit needs perSecond > 0 and burst >= 1");
    }
    this.perSecond = perSecond;
    this.burst = burst;
    this.tokens = burst;
  }

  /** The reads of one second since start (second 0 is the server's first). */
  public record Second(int second, int answered, int throttled) {
    public int calls() {
      return answered + throttled;
    }
  }

  /** Whether the action draws on the read quota. */
  static boolean applies(String action) {
    return action.equals("GetParameter") || action.equals("GetParameters");
  }

  /** Takes a token if one is left, and counts the call either way. */
  boolean tryAcquire() {
    long now = System.nanoTime();
    boolean granted;
    synchronized (this) {
      tokens = Math.min(burst, tokens + (now - refilledAtNanos) * perSecond / 1e9);
      refilledAtNanos = now;
      granted = tokens >= 1;
      if (granted) {
        tokens -= 1;
      }
    }
    int second = (int) Math.min(SECONDS - 1, (now - startNanos) / 1_000_000_000L);
    (granted ? answered : throttled).incrementAndGet(second);
    return granted;
  }

  /** Seconds since the server started, from the first with a call to the last with one. */
  public List<Second> timeline() {
    List<Second> seconds = new ArrayList<>();
    int first = -1;
    int last = -1;
    for (int i = 0; i < SECONDS; i++) {
      if (answered.get(i) + throttled.get(i) > 0) {
        first = first < 0 ? i : first;
        last = i;
      }
    }
    for (int i = Math.max(first, 0); i <= last; i++) {
      seconds.add(new Second(i, answered.get(i), throttled.get(i)));
    }
    return seconds;
  }

  /** Reads answered (not throttled) so far. */
  public int answered() {
    int sum = 0;
    for (int i = 0; i < SECONDS; i++) {
      sum += answered.get(i);
    }
    return sum;
  }

  /** Reads throttled so far. */
  public int throttled() {
    int sum = 0;
    for (int i = 0; i < SECONDS; i++) {
      sum += throttled.get(i);
    }
    return sum;
  }
}

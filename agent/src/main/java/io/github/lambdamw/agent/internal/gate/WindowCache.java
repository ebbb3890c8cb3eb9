package io.github.lambdamw.agent.internal.gate;

import io.github.lambdamw.agent.internal.AgentConfig.ReadErrorMode;
import io.github.lambdamw.agent.internal.AgentLog;
import io.github.lambdamw.window.WindowFormatException;
import io.github.lambdamw.window.WindowPlan;
import io.github.lambdamw.window.WindowStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * The window as the gate sees it: read from its source at INIT, re-read at most every refresh interval, and
 * recomputed only when the status may change. {@link #statusAt(long)} is one volatile read and one comparison until
 * then: no allocation, no parsing on the path every invocation takes.
 *
 * <p>A failed re-read keeps the last value that could be read (a typo in the parameter or an SSM outage must not
 * drop a window that is open) and is retried at the refresh interval. While nothing has ever been read, reads are
 * retried with a doubling back-off from one second up to the refresh interval. Each distinct problem is logged once.
 *
 * <p>A status that cannot be computed (any {@code RuntimeException} from the plan, when read or when its status next
 * changes) is treated like an unreadable value: nothing escapes into the dispatch advice, where it would fail the
 * invocation without storing its event.
 */
public final class WindowCache {
  /** First retry delay after a failed read; doubles per consecutive failure up to the refresh interval. */
  static final long FIRST_RETRY_MILLIS = 1_000;

  private final WindowSource source;
  private final long refreshMillis;
  private final ReadErrorMode readErrorMode;
  private final PlanParser parser;
  private volatile Snapshot snapshot = Snapshot.UNREAD;
  private String lastProblem;

  public WindowCache(WindowSource source, long refreshMillis, ReadErrorMode readErrorMode) {
    this(source, refreshMillis, readErrorMode, null);
  }

  /** With plans made by {@code parser} ({@code null}: {@link WindowPlan#parse}). */
  WindowCache(WindowSource source, long refreshMillis, ReadErrorMode readErrorMode, PlanParser parser) {
    this.source = source;
    this.refreshMillis = refreshMillis;
    this.readErrorMode = readErrorMode;
    this.parser = parser;
  }

  /** The status at {@code nowMillis}; reads the source only when the cached value is due for a refresh. */
  public WindowStatus statusAt(long nowMillis) {
    Snapshot current = snapshot;
    if (nowMillis < current.checkAgainAtMillis) {
      return current.status;
    }
    return refresh(nowMillis);
  }

  /** Forgets when the value was read, so the next check reads it again (after a SnapStart restore). */
  public synchronized void invalidate() {
    Snapshot current = snapshot;
    snapshot = new Snapshot(current.plan, current.status, 0, 0, current.failures);
  }

  private synchronized WindowStatus refresh(long nowMillis) {
    Snapshot current = snapshot;
    if (nowMillis < current.checkAgainAtMillis) {
      return current.status; // another thread refreshed while this one waited for the lock
    }
    Snapshot next;
    try {
      next = nowMillis >= current.readAgainAtMillis ? read(current, nowMillis) : current.recompute(nowMillis);
    } catch (RuntimeException e) {
      // The plan in hand failed when its status changed (or when kept after a failed read): no good value is left.
      next = fallback(current.failures + 1, nowMillis, unusable(e));
    }
    snapshot = next;
    return next.status;
  }

  private Snapshot read(Snapshot current, long nowMillis) {
    String problem;
    try {
      WindowPlan plan = parser == null ? WindowPlan.parse(source.read()) : parser.parse(source.read());
      if (lastProblem != null || current.plan == null) {
        AgentLog.info("read the window from " + source.describe() + ": " + describe(plan, nowMillis));
      } else if (!Objects.equals(plan.toString(), current.plan.toString())) {
        AgentLog.info("the window in " + source.describe() + " changed: " + describe(plan, nowMillis));
      }
      lastProblem = null;
      return Snapshot.of(plan, nowMillis, nowMillis + refreshMillis, 0);
    } catch (WindowReadException e) {
      problem = e.getMessage();
    } catch (WindowFormatException e) {
      problem = source.describe() + " holds a value that is not a window: " + e.getMessage();
    } catch (RuntimeException e) {
      problem = unusable(e); // sources report their own failures as WindowReadException: this came from the plan
    }
    int failures = current.failures + 1;
    if (current.plan != null) {
      // A value is in hand: retry at the normal cadence, adding no load to an SSM that is already struggling.
      long retryAt = nowMillis + Math.max(refreshMillis, FIRST_RETRY_MILLIS);
      logOnce(problem + "; keeping the last window read (" + current.plan + ")");
      return Snapshot.of(current.plan, nowMillis, retryAt, failures);
    }
    return fallback(failures, nowMillis, problem);
  }

  /** The same text whether the plan failed when read or later, so that the problem is logged once. */
  private String unusable(RuntimeException e) {
    return source.describe() + " holds a window the agent cannot use: " + e;
  }

  /** Nothing read yet: the configured fail mode; retry soon, then less and less often, up to the refresh interval. */
  private Snapshot fallback(int failures, long nowMillis, String problem) {
    long retryAt = nowMillis + retryDelay(failures);
    WindowStatus fallback =
        readErrorMode == ReadErrorMode.DEFER
            ? WindowStatus.open(Instant.ofEpochMilli(nowMillis), null, null, "window unreadable", source.describe())
            : WindowStatus.closedUntil(null);
    logOnce(
        problem
            + (readErrorMode == ReadErrorMode.DEFER
                ? "; deferring every invocation until it can be read (MAINTENANCE_WINDOW_ON_READ_ERROR=defer)"
                : "; running the handler as if no window were open (MAINTENANCE_WINDOW_ON_READ_ERROR=run-handler)"));
    return new Snapshot(null, fallback, retryAt, retryAt, failures);
  }

  private long retryDelay(int failures) {
    long delay = FIRST_RETRY_MILLIS << Math.min(failures - 1, 20);
    return Math.max(1, Math.min(delay, Math.max(refreshMillis, FIRST_RETRY_MILLIS)));
  }

  private void logOnce(String problem) {
    if (!problem.equals(lastProblem)) {
      AgentLog.error(problem);
      lastProblem = problem;
    }
  }

  private static String describe(WindowPlan plan, long nowMillis) {
    return plan + ", now " + plan.statusAt(Instant.ofEpochMilli(nowMillis));
  }

  /** An immutable view the invocation threads read without locking. */
  private static final class Snapshot {
    static final Snapshot UNREAD = new Snapshot(null, WindowStatus.closedUntil(null), 0, 0, 0);

    final WindowPlan plan;
    final WindowStatus status;
    final long readAgainAtMillis;
    final long checkAgainAtMillis;
    final int failures;

    Snapshot(
        WindowPlan plan, WindowStatus status, long readAgainAtMillis, long checkAgainAtMillis, int failures) {
      this.plan = plan;
      this.status = status;
      this.readAgainAtMillis = readAgainAtMillis;
      this.checkAgainAtMillis = checkAgainAtMillis;
      this.failures = failures;
    }

    static Snapshot of(WindowPlan plan, long nowMillis, long readAgainAtMillis, int failures) {
      WindowStatus status = plan.statusAt(Instant.ofEpochMilli(nowMillis));
      return new Snapshot(
          plan, status, readAgainAtMillis, Math.min(readAgainAtMillis, status.validUntilMillis()), failures);
    }

    Snapshot recompute(long nowMillis) {
      if (plan == null) {
        return new Snapshot(null, status, readAgainAtMillis, readAgainAtMillis, failures);
      }
      return of(plan, nowMillis, readAgainAtMillis, failures);
    }
  }
}

package io.github.lambdamw.agent.internal.gate;

import io.github.lambdamw.agent.internal.AgentConfig;
import io.github.lambdamw.agent.internal.AgentConfig.ReadErrorMode;
import io.github.lambdamw.agent.internal.AgentLog;
import io.github.lambdamw.agent.internal.metrics.EmfMetrics;
import io.github.lambdamw.window.WindowFormatException;
import io.github.lambdamw.window.WindowPlan;
import io.github.lambdamw.window.WindowStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The window as the gate sees it: read from its source at INIT, re-read at most every refresh
 * interval, and recomputed only when the status may change. {@link #statusAt(long)} is one volatile
 * read and one comparison until then: no allocation, no parsing on the path every invocation takes.
 *
 * <p>A failed re-read keeps the last value that could be read (a typo in the parameter or an SSM
 * outage must not drop a window that is open) and is retried after another (jittered) refresh
 * interval. While nothing has ever been read and the answer was definite (missing, denied,
 * unreachable, malformed), reads are retried with a doubling back-off from one second up to the
 * refresh interval. Each distinct problem is logged once.
 *
 * <p>Throttling is not absence. While nothing has been read and the source answers with throttling
 * (or a server fault), the answer is unknown, not missing: reads are retried on one full-jitter
 * exponential schedule per environment, whichever thread makes them, and callers wait for the
 * answer within a budget: {@link AgentConfig#INIT_READ_BUDGET_MILLIS} when no invocation is waiting
 * (INIT, a SnapStart restore), {@link AgentConfig#INVOKE_READ_BUDGET_MILLIS} and at most half the
 * time it has left for an invocation. Only a caller whose budget runs out gets the configured fail
 * mode; the schedule goes on for the next one.
 *
 * <p>A status that cannot be computed (any {@code RuntimeException} from the plan, when read or
 * when its status next changes) is treated like an unreadable value: nothing escapes into the
 * dispatch advice, where it would fail the invocation without storing its event.
 *
 * <p>Refreshes are spread over the second half of the interval ({@code [refresh/2, refresh]}) so
 * that a fleet started together does not come back to SSM together; a value is still never used
 * longer than the refresh interval.
 */
public final class WindowCache {
  /**
   * First retry delay after a failed read; doubles per consecutive failure up to the refresh
   * interval.
   */
  static final long FIRST_RETRY_MILLIS = 1_000;

  /**
   * Throttled reads: the n-th pause is drawn uniformly from {@code [0, min(cap, base * 2^(n-1))]}
   * (full jitter). The base keeps a lone throttled environment quick; the cap bounds the wait added
   * after the quota frees up, and the calls of a long burst: once at the cap, a thousand waiting
   * environments make about 2,000 / 5 = 400 calls a second. In their first steps they make more
   * (FleetBurstTest saw peaks of 1,100-1,700 throttled calls a second; a base of 250 ms did not
   * lower them). docs/fidelity.md has the figures.
   */
  static final long THROTTLE_BASE_MILLIS = 100;

  static final long THROTTLE_CAP_MILLIS = 5_000;

  /**
   * A retry is made only if at least this much of the budget is left for it: a throttled answer
   * takes milliseconds.
   */
  static final long MIN_ATTEMPT_MILLIS = 100;

  private final WindowSource source;
  private final long refreshMillis;
  private final ReadErrorMode readErrorMode;
  private final long initBudgetMillis;
  private final long invokeBudgetMillis;
  private final PlanParser parser;
  private final EmfMetrics metrics;
  private final Random random = new Random();

  /**
   * Held while reading, back-off pauses included: a caller without a value waits here, within its
   * budget.
   */
  private final ReentrantLock reading = new ReentrantLock();

  private volatile Snapshot snapshot = Snapshot.UNREAD;
  private volatile String lastProblem;

  /** With the default read budgets, counting no metrics. */
  public WindowCache(WindowSource source, long refreshMillis, ReadErrorMode readErrorMode) {
    this(
        source,
        refreshMillis,
        readErrorMode,
        AgentConfig.DEFAULT_INIT_READ_BUDGET_MILLIS,
        AgentConfig.DEFAULT_INVOKE_READ_BUDGET_MILLIS,
        EmfMetrics.silent());
  }

  /** A cache that counts each failed read as {@code WindowReadFailures} in {@code metrics}. */
  public WindowCache(
      WindowSource source,
      long refreshMillis,
      ReadErrorMode readErrorMode,
      long initBudgetMillis,
      long invokeBudgetMillis,
      EmfMetrics metrics) {
    this(source, refreshMillis, readErrorMode, initBudgetMillis, invokeBudgetMillis, null, metrics);
  }

  /**
   * With the default read budgets and plans made by {@code parser} ({@code null}: {@link
   * WindowPlan#parse}).
   */
  WindowCache(
      WindowSource source, long refreshMillis, ReadErrorMode readErrorMode, PlanParser parser) {
    this(
        source,
        refreshMillis,
        readErrorMode,
        AgentConfig.DEFAULT_INIT_READ_BUDGET_MILLIS,
        AgentConfig.DEFAULT_INVOKE_READ_BUDGET_MILLIS,
        parser,
        EmfMetrics.silent());
  }

  private WindowCache(
      WindowSource source,
      long refreshMillis,
      ReadErrorMode readErrorMode,
      long initBudgetMillis,
      long invokeBudgetMillis,
      PlanParser parser,
      EmfMetrics metrics) {
    this.source = source;
    this.refreshMillis = refreshMillis;
    this.readErrorMode = readErrorMode;
    this.initBudgetMillis = initBudgetMillis;
    this.invokeBudgetMillis = invokeBudgetMillis;
    this.parser = parser;
    this.metrics = metrics;
  }

  /**
   * The status at {@code nowMillis} when no invocation is waiting (INIT, SnapStart restore); reads
   * the source only when the cached value is due for a refresh, waiting for a throttled answer at
   * most the INIT budget.
   */
  public WindowStatus statusAt(long nowMillis) {
    Snapshot current = snapshot;
    if (nowMillis < current.checkAgainAtMillis) {
      return current.status;
    }
    return refresh(nowMillis, initBudgetMillis, false);
  }

  /**
   * The status at {@code nowMillis} if nothing is due, else {@code null}: the gate's path, no
   * allocation.
   */
  public WindowStatus currentStatusAt(long nowMillis) {
    Snapshot current = snapshot;
    return nowMillis < current.checkAgainAtMillis ? current.status : null;
  }

  /**
   * The status for an invocation that must be answered by {@code deadlineMillis} (0 when unknown):
   * waits for a throttled answer at most the invoke budget and at most half the time left, so the
   * handler or the deferral keeps the other half.
   */
  public WindowStatus statusAt(long nowMillis, long deadlineMillis) {
    Snapshot current = snapshot;
    if (nowMillis < current.checkAgainAtMillis) {
      return current.status;
    }
    long budget = invokeBudgetMillis;
    if (deadlineMillis > 0) {
      budget = Math.max(0, Math.min(budget, (deadlineMillis - nowMillis) / 2));
    }
    return refresh(nowMillis, budget, true);
  }

  /**
   * After a SnapStart restore: the value in hand may be hours old, so the next check reads it
   * again, and while SSM throttles that read the old value is used only once the budget has run
   * out.
   */
  public void invalidate() {
    reading.lock();
    try {
      Snapshot current = snapshot;
      snapshot =
          new Snapshot(
              current.plan,
              current.status,
              0,
              0,
              current.failures,
              current.throttles,
              current.plan != null);
    } finally {
      reading.unlock();
    }
  }

  private WindowStatus refresh(long nowMillis, long budgetMillis, boolean invocation) {
    long startNanos = System.nanoTime();
    // Concurrent invocations (multi-concurrency) wait for a refresh in flight rather than use a
    // value older than the
    // refresh interval: with a value in hand that is one attempt, so the wait is short.
    if (!acquire(budgetMillis)) {
      return unanswered(snapshot, at(nowMillis, startNanos), invocation);
    }
    try {
      return readIfDue(nowMillis, budgetMillis, startNanos, invocation);
    } catch (RuntimeException e) {
      // The plan in hand failed when its status changed (or when kept after a failed read): no good
      // value is left.
      Snapshot failed = unreadable(snapshot.failures + 1, at(nowMillis, startNanos), unusable(e));
      snapshot = failed;
      return failed.status;
    } finally {
      reading.unlock();
    }
  }

  private WindowStatus readIfDue(
      long nowMillis, long budgetMillis, long startNanos, boolean invocation) {
    Snapshot current = snapshot;
    long now = at(nowMillis, startNanos);
    if (now < current.checkAgainAtMillis) {
      return current.status; // another thread read while this one waited for the lock
    }
    if (now < current.readAgainAtMillis && !current.pending()) {
      current = current.recompute(now); // only the status may have changed
      snapshot = current;
      return current.status;
    }
    // A caller makes the attempt that is due even with no budget (someone must read), and retries
    // only while an
    // attempt still fits in what is left.
    long budgetEnd = nowMillis + budgetMillis;
    boolean attempted = false;
    while (true) {
      now = at(nowMillis, startNanos);
      if (now < current.readAgainAtMillis) {
        // Throttled: the schedule's next attempt is not due yet. Wait for it if the budget allows.
        if (current.readAgainAtMillis + MIN_ATTEMPT_MILLIS > budgetEnd
            || !sleep(current.readAgainAtMillis - now)) {
          return unanswered(current, now, invocation);
        }
        attempted = true; // what follows is a retry: bounded by the budget
        continue;
      }
      if (attempted && now + MIN_ATTEMPT_MILLIS > budgetEnd) {
        return unanswered(current, now, invocation);
      }
      current = read(current, now, attempted ? budgetEnd - now : Long.MAX_VALUE);
      snapshot = current;
      attempted = true;
      if (!current.pending()) {
        return current.status;
      }
    }
  }

  /**
   * The status for a caller whose budget ran out before an answer: the value in hand if any (even
   * one from before a SnapStart restore), else the configured fail mode.
   */
  private WindowStatus unanswered(Snapshot current, long now, boolean invocation) {
    if (current.plan != null) {
      try {
        return current.plan.statusAt(Instant.ofEpochMilli(now));
      } catch (RuntimeException e) {
        logOnce(unusable(e) + "; " + failMode());
        return fallback(now);
      }
    }
    if (current.failures > 0 && !current.pending()) {
      return current.status; // a definite failure: its fail-mode status, logged when it happened
    }
    if (invocation) {
      logOnce(source.describe() + " has not answered within this invocation's wait; " + failMode());
    } else {
      // Nothing is decided on this: an invocation arriving next waits, and reads, within its own
      // budget.
      logOnce(
          source.describe()
              + " has not answered within the INIT read budget ("
              + initBudgetMillis
              + " ms); invocations wait for it",
          false);
    }
    return fallback(now);
  }

  private Snapshot read(Snapshot current, long now, long maxMillis) {
    String problem;
    try {
      String value = source.read(maxMillis);
      WindowPlan plan = parser == null ? WindowPlan.parse(value) : parser.parse(value);
      if (lastProblem != null || current.plan == null) {
        AgentLog.info("read the window from " + source.describe() + ": " + describe(plan, now));
      } else if (!Objects.equals(plan.toString(), current.plan.toString())) {
        AgentLog.info("the window in " + source.describe() + " changed: " + describe(plan, now));
      }
      lastProblem = null;
      return Snapshot.of(plan, now, now + jittered(refreshMillis), 0, 0);
    } catch (WindowReadException e) {
      // Once SSM has throttled this environment, a timeout or a refused connection is more of the
      // same overload.
      if (e.throttled() || (current.pending() && unreachable(e))) {
        return throttled(current, now, e.getMessage());
      }
      problem = e.getMessage();
    } catch (WindowFormatException e) {
      problem = source.describe() + " holds a value that is not a window: " + e.getMessage();
    } catch (RuntimeException e) {
      problem =
          unusable(
              e); // sources report their own failures as WindowReadException: this came from the
      // plan
    }
    // Counted per failed read, never per invocation: reads happen at most at the retry or refresh
    // cadence.
    metrics.count(EmfMetrics.WINDOW_READ_FAILURES);
    int failures = current.failures + 1;
    if (current.plan != null) {
      // A value is in hand: retry at the normal cadence, adding no load to an SSM that is already
      // struggling.
      long retryAt = now + jittered(Math.max(refreshMillis, FIRST_RETRY_MILLIS));
      logOnce(problem + "; keeping the last window read (" + current.plan + ")");
      return Snapshot.of(current.plan, now, retryAt, failures, 0);
    }
    return unreadable(failures, now, problem);
  }

  /**
   * Nothing read yet: the configured fail mode; retry soon, then less and less often, up to the
   * refresh interval.
   */
  private Snapshot unreadable(int failures, long now, String problem) {
    long retryAt = now + retryDelay(failures);
    logOnce(problem + "; " + failMode());
    return new Snapshot(null, fallback(now), retryAt, retryAt, failures, 0, false);
  }

  /**
   * The same text whether the plan failed when read or later, so that the problem is logged once.
   */
  private String unusable(RuntimeException e) {
    return source.describe() + " holds a window the agent cannot use: " + e;
  }

  private Snapshot throttled(Snapshot current, long now, String problem) {
    metrics.count(EmfMetrics.WINDOW_READ_FAILURES); // a throttled attempt is a failed read too
    if (current.plan != null && !current.stale) {
      long retryAt = now + jittered(Math.max(refreshMillis, FIRST_RETRY_MILLIS));
      logOnce(problem + "; keeping the last window read (" + current.plan + ")");
      return Snapshot.of(current.plan, now, retryAt, current.failures + 1, 0);
    }
    int throttles = current.throttles + 1;
    if (throttles == 1) {
      AgentLog.warn(
          problem
              + "; no window value in hand yet: retrying with back-off, waiting up to "
              + initBudgetMillis
              + " ms at INIT and "
              + invokeBudgetMillis
              + " ms (at most half its time) in an invocation");
    }
    // Pending: every caller goes through refresh() (check time 0) and waits for the schedule within
    // its budget.
    WindowStatus status = current.plan != null ? current.status : fallback(now);
    return new Snapshot(
        current.plan,
        status,
        now + backOff(throttles),
        0,
        current.failures + 1,
        throttles,
        current.stale);
  }

  private static boolean unreachable(WindowReadException e) {
    return e.getCause() instanceof java.io.IOException
        || e.getCause() instanceof java.io.UncheckedIOException;
  }

  private WindowStatus fallback(long now) {
    return readErrorMode == ReadErrorMode.DEFER
        ? WindowStatus.open(
            Instant.ofEpochMilli(now), null, null, "window unreadable", source.describe())
        : WindowStatus.closedUntil(null);
  }

  private String failMode() {
    return readErrorMode == ReadErrorMode.DEFER
        ? "deferring every invocation until it can be read (MAINTENANCE_WINDOW_ON_READ_ERROR=defer)"
        : "running the handler as if no window were open (MAINTENANCE_WINDOW_ON_READ_ERROR=run-handler)";
  }

  /** Full jitter: uniform in {@code [0, min(cap, base * 2^(throttles-1))]}. */
  private long backOff(int throttles) {
    long ceiling =
        Math.min(THROTTLE_CAP_MILLIS, THROTTLE_BASE_MILLIS << Math.min(throttles - 1, 20));
    return random.nextLong(ceiling + 1);
  }

  /** Uniform in {@code [interval/2, interval]}: spread, and never later than the interval. */
  private long jittered(long intervalMillis) {
    long spread = intervalMillis / 2;
    return spread == 0 ? intervalMillis : intervalMillis - random.nextLong(spread + 1);
  }

  private long retryDelay(int failures) {
    long delay = FIRST_RETRY_MILLIS << Math.min(failures - 1, 20);
    return Math.max(1, Math.min(delay, Math.max(refreshMillis, FIRST_RETRY_MILLIS)));
  }

  private boolean acquire(long waitMillis) {
    try {
      return waitMillis <= 0
          ? reading.tryLock()
          : reading.tryLock(waitMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static boolean sleep(long millis) {
    try {
      Thread.sleep(millis);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The caller's clock advanced by the real time spent here: reads and waits take real time. */
  private static long at(long nowMillis, long startNanos) {
    return nowMillis + (System.nanoTime() - startNanos) / 1_000_000;
  }

  private void logOnce(String problem) {
    logOnce(problem, true);
  }

  private void logOnce(String problem, boolean error) {
    synchronized (this) {
      if (!problem.equals(lastProblem)) {
        if (error) {
          AgentLog.error(problem);
        } else {
          AgentLog.warn(problem);
        }
        lastProblem = problem;
      }
    }
  }

  private static String describe(WindowPlan plan, long nowMillis) {
    return plan + ", now " + plan.statusAt(Instant.ofEpochMilli(nowMillis));
  }

  /** An immutable view the invocation threads read without locking. */
  private static final class Snapshot {
    static final Snapshot UNREAD =
        new Snapshot(null, WindowStatus.closedUntil(null), 0, 0, 0, 0, false);

    final WindowPlan plan;
    final WindowStatus status;
    final long readAgainAtMillis;
    final long checkAgainAtMillis;
    final int failures;

    /** Consecutive throttled answers while no current value is in hand; drives the back-off. */
    final int throttles;

    /**
     * The plan is from before a SnapStart restore: a throttled read waits for the budget before
     * using it.
     */
    final boolean stale;

    Snapshot(
        WindowPlan plan,
        WindowStatus status,
        long readAgainAtMillis,
        long checkAgainAtMillis,
        int failures,
        int throttles,
        boolean stale) {
      this.plan = plan;
      this.status = status;
      this.readAgainAtMillis = readAgainAtMillis;
      this.checkAgainAtMillis = checkAgainAtMillis;
      this.failures = failures;
      this.throttles = throttles;
      this.stale = stale;
    }

    static Snapshot of(
        WindowPlan plan, long nowMillis, long readAgainAtMillis, int failures, int throttles) {
      WindowStatus status = plan.statusAt(Instant.ofEpochMilli(nowMillis));
      return new Snapshot(
          plan,
          status,
          readAgainAtMillis,
          Math.min(readAgainAtMillis, status.validUntilMillis()),
          failures,
          throttles,
          false);
    }

    /**
     * No current answer, and throttled: callers wait for the back-off schedule within their
     * budgets.
     */
    boolean pending() {
      return throttles > 0 && (plan == null || stale);
    }

    Snapshot recompute(long nowMillis) {
      if (plan == null) {
        return new Snapshot(
            null, status, readAgainAtMillis, readAgainAtMillis, failures, throttles, stale);
      }
      return of(plan, nowMillis, readAgainAtMillis, failures, throttles);
    }
  }
}

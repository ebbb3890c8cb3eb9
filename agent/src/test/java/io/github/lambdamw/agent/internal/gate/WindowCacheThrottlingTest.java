package io.github.lambdamw.agent.internal.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lambdamw.agent.internal.AgentConfig.ReadErrorMode;
import io.github.lambdamw.agent.internal.QuietLog;
import io.github.lambdamw.agent.internal.metrics.EmfMetrics;
import io.github.lambdamw.window.WindowStatus;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Throttling is not absence (issue 12, item 4): while nothing has been read and the source
 * throttles, callers wait for the answer within their budget on one back-off schedule, and only
 * then get the fail mode. These run in real time with budgets of a fraction of a second.
 */
@ExtendWith(QuietLog.class)
class WindowCacheThrottlingTest {
  private static final long REFRESH = 60_000;
  private static final String OPEN =
      "{\"windows\":[{\"start\":\"2020-01-01T00:00:00Z\",\"end\":\"2999-01-01T00:00:00Z\"}]}";

  private final ScriptedWindowSource source = new ScriptedWindowSource(OPEN);

  private WindowCache cache(ReadErrorMode mode, long initBudget, long invokeBudget) {
    return new WindowCache(source, REFRESH, mode, initBudget, invokeBudget, EmfMetrics.silent());
  }

  @Test
  void aThrottledFirstRead_isRetried_andTheWindowApplies() {
    source.throttleNext(3);
    WindowCache cache = cache(ReadErrorMode.RUN_HANDLER, 5_000, 5_000);

    assertThat(cache.statusAt(System.currentTimeMillis()).isOpen()).isTrue();
    assertThat(source.reads).hasValue(4);
  }

  @Test
  void throttledPastTheInitBudget_theFailModeApplies_withinTheBudget() {
    source.throttleNext(Integer.MAX_VALUE);
    WindowCache runHandler = cache(ReadErrorMode.RUN_HANDLER, 400, 5_000);

    long start = System.nanoTime();
    WindowStatus status = runHandler.statusAt(System.currentTimeMillis());
    long took = elapsedMillis(start);

    assertThat(status.isOpen()).isFalse();
    assertThat(took).isLessThan(400 + 150);
    assertThat(source.reads.get())
        .as("retried, not given up at the first throttle")
        .isGreaterThanOrEqualTo(2);
    assertThat(cache(ReadErrorMode.DEFER, 300, 5_000).statusAt(System.currentTimeMillis()).isOpen())
        .isTrue();
  }

  @Test
  void theRetries_keepToAnExponentialBackOff_notAHammering() {
    source.throttleNext(Integer.MAX_VALUE);
    WindowCache cache = cache(ReadErrorMode.RUN_HANDLER, 2_000, 5_000);

    cache.statusAt(System.currentTimeMillis());

    // Pauses drawn from [0,100], [0,200], [0,400], [0,800], [0,1600] ms: a handful of reads in 2 s,
    // not thousands.
    assertThat(source.reads.get()).isBetween(3, 20);
  }

  @Test
  void anInvocation_waitsAtMostHalfTheTimeItHasLeft() {
    source.throttleNext(Integer.MAX_VALUE);
    WindowCache cache = cache(ReadErrorMode.RUN_HANDLER, 5_000, 60_000);

    long now = System.currentTimeMillis();
    long start = System.nanoTime();
    WindowStatus status = cache.statusAt(now, now + 1_000);

    assertThat(status.isOpen()).isFalse();
    assertThat(elapsedMillis(start)).isLessThan(500 + 150);
  }

  @Test
  void anInvocationArrivingDuringAThrottledInitRead_waitsForTheAnswer() throws Exception {
    source.throttleNext(4);
    source.takeMillis(50);
    WindowCache cache = cache(ReadErrorMode.RUN_HANDLER, 5_000, 5_000);
    CompletableFuture<WindowStatus> init =
        CompletableFuture.supplyAsync(() -> cache.statusAt(System.currentTimeMillis()));
    Thread.sleep(20); // the INIT read holds the lock

    long now = System.currentTimeMillis();
    assertThat(cache.statusAt(now, now + 60_000).isOpen()).isTrue();
    assertThat(init.get(5, TimeUnit.SECONDS).isOpen()).isTrue();
  }

  @Test
  void withNoInvokeBudget_anInvocationDuringTheInitRead_getsTheFailModeAtOnce() throws Exception {
    source.takeMillis(500);
    WindowCache cache = cache(ReadErrorMode.DEFER, 5_000, 0);
    CompletableFuture<WindowStatus> init =
        CompletableFuture.supplyAsync(() -> cache.statusAt(System.currentTimeMillis()));
    Thread.sleep(50);

    long now = System.currentTimeMillis();
    long start = System.nanoTime();
    WindowStatus status = cache.statusAt(now, now + 60_000);

    assertThat(elapsedMillis(start)).isLessThan(200);
    assertThat(status.isOpen()).as("deferred while the answer is unknown").isTrue();
    assertThat(status.end()).isNull();
    assertThat(init.get(5, TimeUnit.SECONDS).end()).as("the window read").isNotNull();
  }

  @Test
  void afterTheInitBudget_theNextInvocationCarriesOnTheSchedule_andGetsTheAnswer() {
    source.throttleNext(5);
    WindowCache cache = cache(ReadErrorMode.RUN_HANDLER, 150, 10_000);
    assertThat(cache.statusAt(System.currentTimeMillis()).isOpen())
        .as("INIT gave up: fail mode")
        .isFalse();
    int readsAtInit = source.reads.get();

    long now = System.currentTimeMillis();
    assertThat(cache.statusAt(now, now + 60_000).isOpen()).isTrue();
    assertThat(source.reads.get()).isEqualTo(6).isGreaterThan(readsAtInit);
  }

  @Test
  void aThrottledRefresh_withAValueInHand_keepsIt_afterOneRead_withoutWaiting() {
    WindowCache cache = cache(ReadErrorMode.RUN_HANDLER, 5_000, 60_000);
    long now = System.currentTimeMillis();
    assertThat(cache.statusAt(now).isOpen()).isTrue();
    source.throttleNext(Integer.MAX_VALUE);

    long start = System.nanoTime();
    assertThat(cache.statusAt(now + REFRESH, now + REFRESH + 60_000).isOpen()).isTrue();
    assertThat(elapsedMillis(start)).isLessThan(100);
    assertThat(source.reads).hasValue(2);
  }

  @Test
  void concurrentInvocations_waitForARefreshInFlight_ratherThanUseAValueOlderThanTheInterval()
      throws Exception {
    WindowCache cache = cache(ReadErrorMode.RUN_HANDLER, 5_000, 60_000);
    long now = System.currentTimeMillis();
    assertThat(cache.statusAt(now).isOpen()).isTrue();
    source.answer("{\"windows\":[]}");
    source.takeMillis(300);

    CompletableFuture<WindowStatus> refreshing =
        CompletableFuture.supplyAsync(() -> cache.statusAt(now + REFRESH, now + REFRESH + 60_000));
    Thread.sleep(50); // the refresh holds the lock
    WindowStatus meanwhile = cache.statusAt(now + REFRESH, now + REFRESH + 60_000);

    assertThat(refreshing.get(5, TimeUnit.SECONDS).isOpen()).isFalse();
    assertThat(meanwhile.isOpen())
        .as("the new value, not the one older than the interval")
        .isFalse();
  }

  @Test
  void afterASnapStartRestore_aThrottledReadIsRetried_thenTheValueFromBeforeIsKept() {
    WindowCache cache = cache(ReadErrorMode.RUN_HANDLER, 300, 60_000);
    assertThat(cache.statusAt(System.currentTimeMillis()).isOpen()).isTrue();
    source.throttleNext(Integer.MAX_VALUE);
    cache.invalidate();

    assertThat(cache.statusAt(System.currentTimeMillis()).isOpen()).isTrue();
    assertThat(source.reads.get()).as("retried like a first read").isGreaterThanOrEqualTo(3);
  }

  @Test
  void aFleetReadingTogether_refreshesSpreadOverTheSecondHalfOfTheInterval() {
    long t0 = Instant.parse("2026-12-01T03:00:00Z").toEpochMilli();
    int[] perSecond = new int[61];
    for (int i = 0; i < 1_000; i++) {
      ScriptedWindowSource own = new ScriptedWindowSource(OPEN);
      WindowCache cache = new WindowCache(own, REFRESH, ReadErrorMode.RUN_HANDLER);
      cache.statusAt(t0);
      for (int second = 1; second <= 60; second++) {
        cache.statusAt(t0 + second * 1_000L);
        if (own.reads.get() == 2) {
          perSecond[second]++;
          break;
        }
      }
      assertThat(own.reads).as("environment %d re-read within the interval", i).hasValue(2);
    }

    for (int second = 0; second < 30; second++) {
      assertThat(perSecond[second]).as("re-reads in second %d", second).isZero();
    }
    for (int second = 30; second <= 60; second++) {
      // 1,000 over 30 s is 33 a second; a fleet in step would put all 1,000 in one.
      assertThat(perSecond[second]).as("re-reads in second %d", second).isLessThan(70);
    }
  }

  private static long elapsedMillis(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}

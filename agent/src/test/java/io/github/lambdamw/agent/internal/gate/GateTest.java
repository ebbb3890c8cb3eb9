package io.github.lambdamw.agent.internal.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lambdamw.agent.internal.AgentConfig.ReadErrorMode;
import io.github.lambdamw.agent.internal.QuietLog;
import io.github.lambdamw.agent.internal.defer.Deferrer;
import io.github.lambdamw.agent.internal.defer.InMemoryDeferralStore;
import io.github.lambdamw.agent.internal.metrics.EmfMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(QuietLog.class)
class GateTest {
  private static final String OPEN = "{\"windows\":[{\"start\":\"2020-01-01T00:00:00Z\"}]}";

  private final ScriptedWindowSource source = new ScriptedWindowSource(OPEN);
  private final InMemoryDeferralStore store = new InMemoryDeferralStore();

  @Test
  void whileSsmThrottles_anInvocationWaitsAtMostHalfTheTimeItsRequestHasLeft() {
    source.throttleNext(Integer.MAX_VALUE);
    Gate gate =
        new Gate(
            new WindowCache(
                source, 60_000, ReadErrorMode.DEFER, 5_000, 60_000, EmfMetrics.silent()),
            new Deferrer(store, "fn"));
    long now = System.currentTimeMillis();

    long start = System.nanoTime();
    assertThat(gate.dispatch(new TimedRequest("r1", now + 600), now))
        .as("fail mode: deferred")
        .isNotNull();
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(300 + 150);
  }

  @Test
  void onceAnswered_theGateDefersInAnOpenWindow_withoutReadingAgain() {
    Gate gate =
        new Gate(
            new WindowCache(source, 60_000, ReadErrorMode.RUN_HANDLER), new Deferrer(store, "fn"));
    long now = System.currentTimeMillis();

    assertThat(gate.dispatch(new TimedRequest("r1", now + 3_000), now)).isNotNull();
    assertThat(gate.dispatch(new TimedRequest("r2", now + 3_000), now + 1)).isNotNull();
    assertThat(source.reads).hasValue(1);
  }
}

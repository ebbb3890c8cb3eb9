package io.github.lambdamw.agent.internal.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lambdamw.agent.internal.AgentConfig;
import io.github.lambdamw.agent.internal.AgentConfig.ReadErrorMode;
import io.github.lambdamw.agent.internal.metrics.EmfMetrics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * WindowReadFailures: one record per failed read of the value, whatever the number of invocations
 * meanwhile.
 */
class WindowCacheMetricsTest {
  private static final long REFRESH = 60_000;
  private static final long AT_0300 = Instant.parse("2026-12-01T03:00:00Z").toEpochMilli();

  private final ScriptedWindowSource source =
      new ScriptedWindowSource("2026-12-01T02:00:00Z,2026-12-01T04:00:00Z");
  private final WindowCache cache =
      new WindowCache(
          source,
          REFRESH,
          ReadErrorMode.RUN_HANDLER,
          AgentConfig.DEFAULT_INIT_READ_BUDGET_MILLIS,
          AgentConfig.DEFAULT_INVOKE_READ_BUDGET_MILLIS,
          new EmfMetrics("fn"));
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private PrintStream original;

  @BeforeEach
  void captureOutput() {
    original = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreOutput() {
    System.setOut(original);
  }

  private long failures() {
    return out.toString(StandardCharsets.UTF_8)
        .lines()
        .filter(l -> l.contains("\"WindowReadFailures\":1"))
        .count();
  }

  @Test
  void aSuccessfulRead_countsNothing() {
    cache.statusAt(AT_0300);

    assertThat(failures()).isZero();
  }

  @Test
  void aFailedRefresh_isCountedOnce_notPerInvocation_andAgainAtTheNextFailedRead() {
    cache.statusAt(AT_0300);
    source.fail("SSM parameter is throttled");

    for (int i = 0; i < 50; i++) {
      cache.statusAt(AT_0300 + REFRESH + i);
    }
    assertThat(failures()).isEqualTo(1);
    assertThat(source.reads).hasValue(2);

    cache.statusAt(AT_0300 + 2 * REFRESH + 100);
    assertThat(failures()).isEqualTo(2);
  }

  @Test
  void aMalformedValue_isAFailedRead() {
    source.answer("not a window");

    cache.statusAt(AT_0300);

    assertThat(failures()).isEqualTo(1);
  }

  @Test
  void aFailureBeforeAnyValue_isCountedPerRetry() {
    source.fail("unreachable");

    cache.statusAt(AT_0300);
    cache.statusAt(AT_0300 + 10);
    cache.statusAt(AT_0300 + WindowCache.FIRST_RETRY_MILLIS);

    assertThat(failures()).isEqualTo(2);
    assertThat(source.reads).hasValue(2);
  }
}

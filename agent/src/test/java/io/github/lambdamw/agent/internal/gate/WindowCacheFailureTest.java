package io.github.lambdamw.agent.internal.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.github.lambdamw.agent.internal.AgentConfig.ReadErrorMode;
import io.github.lambdamw.agent.internal.QuietLog;
import io.github.lambdamw.window.OneOffWindow;
import io.github.lambdamw.window.WindowPlan;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Defence in depth: a plan whose status cannot be computed is treated like an unreadable value,
 * never thrown into the dispatch advice. The plan is the one of issue 12 (a window from 2030 to
 * year 300,000,000, whose status overflows epoch milliseconds once it opens), built past the
 * parser, which now refuses that value.
 */
class WindowCacheFailureTest {
  private static final long REFRESH = 60_000;
  private static final String OVERFLOWING = "2030 to +300000000";
  private static final String GOOD = "2026-12-01T02:00:00Z,2026-12-01T04:00:00Z";
  private static final long BEFORE_2030 =
      millis("2029-12-31T23:59:50Z"); // within the refresh interval
  private static final long AT_2030 = millis("2030-01-01T00:00:00Z");

  private final ScriptedWindowSource source = new ScriptedWindowSource(OVERFLOWING);
  @RegisterExtension final QuietLog log = new QuietLog();

  @Test
  void aWindowThatOverflowsWhenItOpens_runsTheHandlerByDefault_insteadOfThrowing() {
    WindowCache cache = cache(ReadErrorMode.RUN_HANDLER);
    assertThat(cache.statusAt(BEFORE_2030).isOpen()).isFalse();

    assertThatCode(() -> cache.statusAt(AT_2030)).doesNotThrowAnyException();
    assertThat(cache.statusAt(AT_2030 + 1).isOpen()).isFalse();
  }

  @Test
  void aWindowThatOverflowsWhenItOpens_defersWhenConfiguredTo() {
    WindowCache cache = cache(ReadErrorMode.DEFER);
    cache.statusAt(BEFORE_2030);

    assertThat(cache.statusAt(AT_2030).isOpen()).isTrue();
  }

  @Test
  void aWindowThatOverflows_isLoggedOnce_andReadAgainWithABackOff_notOnEveryInvocation() {
    WindowCache cache = cache(ReadErrorMode.RUN_HANDLER);
    cache.statusAt(BEFORE_2030);
    for (int i = 0; i < 1_000; i++) {
      cache.statusAt(AT_2030 + i);
    }
    assertThat(source.reads).hasValue(1);
    for (long at = AT_2030 + 1_000; at < AT_2030 + 10 * REFRESH; at += 100) {
      cache.statusAt(at);
    }

    assertThat(source.reads.get()).isBetween(2, 20);
    assertThat(log.text().lines().filter(line -> line.contains("ERROR")))
        .singleElement()
        .asString()
        .contains(
            "scripted source holds a window the agent cannot use: java.lang.ArithmeticException");
  }

  @Test
  void aNewValueThatOverflowsAtOnce_keepsTheLastGoodWindow() {
    WindowCache cache = cache(ReadErrorMode.RUN_HANDLER);
    source.answer(GOOD);
    long at0300 = millis("2026-12-01T03:00:00Z");
    assertThat(cache.statusAt(at0300).isOpen()).isTrue();
    source.answer("2026 to +300000000");

    assertThat(cache.statusAt(at0300 + REFRESH).isOpen()).isTrue();
    assertThat(cache.statusAt(at0300 + REFRESH).end())
        .isEqualTo(Instant.parse("2026-12-01T04:00:00Z"));
  }

  @Test
  void theValueOfIssue12_throughTheRealParser_neverThrowsOutOfTheCache() {
    source.answer(
        "{\"windows\":[{\"start\":\"2030-01-01T00:00:00Z\",\"end\":\"+300000000-01-01T00:00:00Z\"}]}");
    WindowCache cache = new WindowCache(source, REFRESH, ReadErrorMode.RUN_HANDLER);
    cache.statusAt(BEFORE_2030);

    assertThatCode(() -> cache.statusAt(AT_2030)).doesNotThrowAnyException();
    assertThat(cache.statusAt(AT_2030 + REFRESH).isOpen()).isFalse();
  }

  /**
   * Plans read from the scripted source: the two overflowing values by name, anything else as the
   * parser reads it.
   */
  private WindowCache cache(ReadErrorMode mode) {
    return new WindowCache(
        source,
        REFRESH,
        mode,
        value -> {
          if (value.endsWith(" to +300000000")) {
            Instant start = Instant.parse(value.substring(0, 4) + "-01-01T00:00:00Z");
            Instant end = Instant.parse("+300000000-01-01T00:00:00Z");
            return WindowPlan.of(List.of(new OneOffWindow(start, end, false, null)));
          }
          return WindowPlan.parse(value);
        });
  }

  private static long millis(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }
}

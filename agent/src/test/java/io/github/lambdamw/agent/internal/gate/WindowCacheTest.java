package io.github.lambdamw.agent.internal.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lambdamw.agent.internal.AgentConfig.ReadErrorMode;
import io.github.lambdamw.agent.internal.QuietLog;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(QuietLog.class)
class WindowCacheTest {
  private static final long REFRESH = 60_000;
  private static final String WINDOW_02_TO_04 = "2026-12-01T02:00:00Z,2026-12-01T04:00:00Z";
  private static final long AT_0100 = millis("2026-12-01T01:00:00Z");
  private static final long AT_0300 = millis("2026-12-01T03:00:00Z");

  private final ScriptedWindowSource source = new ScriptedWindowSource(WINDOW_02_TO_04);
  private final WindowCache cache = new WindowCache(source, REFRESH, ReadErrorMode.RUN_HANDLER);

  @Test
  void withinTheRefreshInterval_theSourceIsReadOnce() {
    for (int i = 0; i < 100; i++) {
      cache.statusAt(AT_0100 + i * 100);
    }

    assertThat(source.reads).hasValue(1);
  }

  @Test
  void aChangedValue_isPickedUpInTheSecondHalfOfTheRefreshInterval_neverLater() {
    assertThat(cache.statusAt(AT_0300).isOpen()).isTrue();
    source.answer("{\"windows\":[]}");

    assertThat(cache.statusAt(AT_0300 + REFRESH / 2 - 1).isOpen()).isTrue();
    assertThat(source.reads).hasValue(1);
    assertThat(cache.statusAt(AT_0300 + REFRESH).isOpen()).isFalse();
    assertThat(source.reads).hasValue(2);
  }

  @Test
  void aWindowOpening_isNoticedAtItsStartWithoutReadingAgain() {
    WindowCache longRefresh = new WindowCache(source, 24 * 3_600_000L, ReadErrorMode.RUN_HANDLER);

    assertThat(longRefresh.statusAt(millis("2026-12-01T01:59:59.999Z")).isOpen()).isFalse();
    assertThat(longRefresh.statusAt(millis("2026-12-01T02:00:00Z")).isOpen()).isTrue();
    assertThat(longRefresh.statusAt(millis("2026-12-01T04:00:00.001Z")).isOpen()).isFalse();
    assertThat(source.reads).hasValue(1);
  }

  @Test
  void aFailedRefresh_keepsTheLastWindowRead() {
    assertThat(cache.statusAt(AT_0300).isOpen()).isTrue();
    source.fail("SSM parameter is throttled");

    assertThat(cache.statusAt(AT_0300 + REFRESH).isOpen()).isTrue();
  }

  @Test
  void aMalformedValueOnRefresh_keepsTheLastWindowRead() {
    assertThat(cache.statusAt(AT_0300).isOpen()).isTrue();
    source.answer("not a window");

    assertThat(cache.statusAt(AT_0300 + REFRESH).isOpen()).isTrue();
  }

  @Test
  void aFailedRefresh_isRetriedAfterHalfToOneRefreshInterval_notAtOnce() {
    cache.statusAt(AT_0300);
    source.fail("throttled");
    cache.statusAt(AT_0300 + REFRESH);

    cache.statusAt(AT_0300 + REFRESH + 5_000);
    assertThat(source.reads).hasValue(2);
    cache.statusAt(AT_0300 + 2 * REFRESH);
    assertThat(source.reads).hasValue(3);
  }

  @Test
  void unreadableAtInit_runsTheHandlerByDefault() {
    source.fail("parameter not found");

    assertThat(cache.statusAt(AT_0300).isOpen()).isFalse();
  }

  @Test
  void unreadableAtInit_defersWhenConfiguredTo() {
    source.fail("parameter not found");
    WindowCache failClosed = new WindowCache(source, REFRESH, ReadErrorMode.DEFER);

    assertThat(failClosed.statusAt(AT_0300).isOpen()).isTrue();
    assertThat(failClosed.statusAt(AT_0300).end()).isNull();
  }

  @Test
  void unreadableAtInit_isRetriedWithABackOffThatDoubles() {
    source.fail("unreachable");
    cache.statusAt(AT_0300);
    cache.statusAt(AT_0300 + 999);
    assertThat(source.reads).hasValue(1);
    cache.statusAt(AT_0300 + 1_000);
    assertThat(source.reads).hasValue(2);
    cache.statusAt(AT_0300 + 1_000 + 1_999);
    assertThat(source.reads).hasValue(2);
    cache.statusAt(AT_0300 + 1_000 + 2_000);
    assertThat(source.reads).hasValue(3);
  }

  @Test
  void aValueReadableAgain_endsTheFallback() {
    source.fail("unreachable");
    WindowCache failClosed = new WindowCache(source, REFRESH, ReadErrorMode.DEFER);
    assertThat(failClosed.statusAt(AT_0100).isOpen()).isTrue();
    source.answer(WINDOW_02_TO_04);

    assertThat(failClosed.statusAt(AT_0100 + 1_000).isOpen()).isFalse();
  }

  @Test
  void invalidate_forcesARead() {
    cache.statusAt(AT_0300);
    cache.invalidate();
    cache.statusAt(AT_0300 + 1);

    assertThat(source.reads).hasValue(2);
  }

  private static long millis(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }
}

package io.github.lambdamw.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lambdamw.replay.ItemOutcome.Result;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

  @Test
  void theBar_showsCountShareRateAndTimeLeft() {
    assertThat(ProgressBar.render(45, 120, 0, 4_000_000_000L))
        .isEqualTo("[###########...................]  45/120  37%  11.3/s  ETA 0:07");
    assertThat(ProgressBar.render(0, 120, 0, 0))
        .isEqualTo("[..............................]  0/120  0%");
    assertThat(ProgressBar.render(10, 100_000, 2, 10_000_000_000L))
        .isEqualTo(
            "[..............................]  10/100000  0%  1.0/s  ETA 27:46:30  (2 not replayed)");
  }

  @Test
  void moreItemsThanCounted_neverShowsMoreThanAFullBar() {
    assertThat(ProgressBar.render(12, 10, 0, 1_000_000_000L))
        .isEqualTo("[##############################]  12/12  100%  12.0/s  ETA 0:00");
  }

  @Test
  void theLineIsRedrawnInPlace_andAFailedItemGetsALineOfItsOwnAboveIt() {
    StringWriter text = new StringWriter();
    AtomicLong clock = new AtomicLong();
    ProgressBar bar =
        new ProgressBar(new PrintWriter(text), 3, () -> clock.addAndGet(500_000_000L));
    DeferredInvocation item =
        new DeferredInvocation(
            "r1", "k", Instant.parse("2026-12-01T02:00:00Z"), 10, 0, null, false);

    bar.itemDone(new ItemOutcome(item, Result.REPLAYED, null));
    bar.itemDone(new ItemOutcome(item, Result.FAILED, "HTTP 400: bad"));
    bar.itemDone(new ItemOutcome(item, Result.REPLAYED, null));
    bar.finish();

    String[] screen = text.toString().split("\n", -1);
    assertThat(screen[0])
        .startsWith("\r[##########....................]  1/3  33%")
        .endsWith("FAILED 2026-12-01T02:00:00Z  r1: HTTP 400: bad");
    assertThat(screen[1])
        .contains("\r[##############################]  3/3  100%")
        .endsWith("(1 not replayed)");
    assertThat(screen[2]).isEmpty();
  }
}

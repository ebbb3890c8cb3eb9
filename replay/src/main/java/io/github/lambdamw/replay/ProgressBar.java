package io.github.lambdamw.replay;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A replay's progress on a terminal: one line redrawn in place, a bar with the count, the rate and
 * the time left ({@code [#####.....] 45/120 38% 12.5/s ETA 0:06}). Each item that did not replay
 * still gets a line of its own, written above the bar, so nothing the operator must act on scrolls
 * away. Files and pipes get {@link ProgressPrinter}'s lines instead.
 */
final class ProgressBar implements Progress {
  private static final int WIDTH = 30;
  private static final long REDRAW_NANOS = 100_000_000L;

  private final PrintWriter err;
  private final long total;
  private final LongSupplier nanoTime;
  private long started = -1;
  private long lastDrawn;
  private long done;
  private long problems;
  private int drawnLength;

  /**
   * @param total the items the run is expected to handle (the selection's count, capped by the
   *     limit)
   * @param nanoTime the clock the rate and the time left are measured with
   */
  ProgressBar(PrintWriter err, long total, LongSupplier nanoTime) {
    this.err = err;
    this.total = total;
    this.nanoTime = nanoTime;
  }

  @Override
  public void itemDone(ItemOutcome outcome) {
    long now = nanoTime.getAsLong();
    if (started < 0) {
      started = now;
    }
    done++;
    if (outcome.result() != ItemOutcome.Result.REPLAYED) {
      if (outcome.result() != ItemOutcome.Result.WOULD_REPLAY) {
        problems++;
      }
      DeferredInvocation item = outcome.item();
      clear();
      err.println(
          outcome.result() == ItemOutcome.Result.WOULD_REPLAY
              ? "would replay "
                  + item.arrivedAt()
                  + "  "
                  + item.requestId()
                  + "  "
                  + item.payloadSize()
                  + " bytes"
              : outcome.result()
                  + " "
                  + item.arrivedAt()
                  + "  "
                  + item.requestId()
                  + ": "
                  + outcome.detail());
      draw(now);
    } else if (now - lastDrawn >= REDRAW_NANOS || done == total) {
      draw(now);
    }
    err.flush();
  }

  @Override
  public void note(String message) {
    clear();
    err.println("note: " + message);
    err.flush();
  }

  /** Ends the bar's line, so what follows starts on a line of its own. */
  @Override
  public void finish() {
    if (drawnLength > 0) {
      draw(nanoTime.getAsLong());
      err.println();
      drawnLength = 0;
    }
    err.flush();
  }

  /** The bar for {@code done} of {@code total} items after {@code elapsedNanos}. */
  static String render(long done, long total, long problems, long elapsedNanos) {
    long shownTotal = Math.max(total, done);
    int filled = shownTotal == 0 ? WIDTH : (int) (WIDTH * done / shownTotal);
    StringBuilder line =
        new StringBuilder("[")
            .append("#".repeat(filled))
            .append(".".repeat(WIDTH - filled))
            .append("]  ")
            .append(done)
            .append('/')
            .append(shownTotal)
            .append("  ")
            .append(shownTotal == 0 ? 100 : 100 * done / shownTotal)
            .append('%');
    double seconds = elapsedNanos / 1e9;
    if (done > 0 && seconds > 0) {
      double rate = done / seconds;
      line.append(String.format(Locale.ROOT, "  %.1f/s", rate));
      line.append("  ETA ").append(clock(Math.round((shownTotal - done) / rate)));
    }
    if (problems > 0) {
      line.append("  (").append(problems).append(" not replayed)");
    }
    return line.toString();
  }

  private static String clock(long seconds) {
    long h = seconds / 3600;
    long m = seconds % 3600 / 60;
    long s = seconds % 60;
    return h > 0 ? String.format("%d:%02d:%02d", h, m, s) : String.format("%d:%02d", m, s);
  }

  private void draw(long now) {
    String line = render(done, total, problems, now - started);
    err.print("\r" + line + " ".repeat(Math.max(0, drawnLength - line.length())));
    drawnLength = line.length();
    lastDrawn = now;
  }

  private void clear() {
    if (drawnLength > 0) {
      err.print("\r" + " ".repeat(drawnLength) + "\r");
      drawnLength = 0;
    }
  }
}

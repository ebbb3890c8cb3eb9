package io.github.lambdamw.replay;

import java.io.PrintWriter;

/**
 * A replay's progress as lines, for files and pipes: one per item that did not replay, a count
 * every N items.
 */
final class ProgressPrinter implements Progress {
  private final PrintWriter err;
  private final int every;
  private long done;
  private long replayed;
  private long problems;

  ProgressPrinter(PrintWriter err, int every) {
    this.err = err;
    this.every = every;
  }

  @Override
  public void itemDone(ItemOutcome outcome) {
    done++;
    DeferredInvocation item = outcome.item();
    switch (outcome.result()) {
      case REPLAYED -> replayed++;
      case WOULD_REPLAY ->
          err.printf(
              "would replay %s  %s  %d bytes%n",
              item.arrivedAt(), item.requestId(), item.payloadSize());
      default -> {
        problems++;
        err.printf(
            "%s %s  %s: %s%n",
            outcome.result(), item.arrivedAt(), item.requestId(), outcome.detail());
      }
    }
    if (done % every == 0) {
      err.printf("... %d items: %d replayed, %d not%n", done, replayed, problems);
    }
    err.flush();
  }

  @Override
  public void note(String message) {
    err.println("note: " + message);
    err.flush();
  }

  @Override
  public void finish() {
    err.flush();
  }
}

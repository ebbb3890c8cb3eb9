package io.github.lambdamw.replay;

/**
 * A replay's progress for the operator ({@link ProgressBar} on a terminal, {@link ProgressPrinter}
 * otherwise).
 */
interface Progress extends ReplayListener {
  /** The run is over: end what was drawn. */
  void finish();
}

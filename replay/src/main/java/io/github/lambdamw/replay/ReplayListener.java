package io.github.lambdamw.replay;

/**
 * Receives the progress of a replay on the replaying thread: one call per item, and notes for the
 * operator.
 */
@FunctionalInterface
public interface ReplayListener {
  ReplayListener NONE = outcome -> {};

  void itemDone(ItemOutcome outcome);

  /** Something the operator should know that is not about one item. */
  default void note(String message) {}
}

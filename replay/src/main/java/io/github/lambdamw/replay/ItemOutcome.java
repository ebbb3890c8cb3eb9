package io.github.lambdamw.replay;

/**
 * What a replay did with one item.
 *
 * @param item the item as listed
 * @param result what happened
 * @param detail the error or the reason for skipping; null when replayed
 */
public record ItemOutcome(DeferredInvocation item, Result result, String detail) {
  /** The fate of one item in one run. */
  public enum Result {
    /** Lambda accepted the invocation; the item is deleted. */
    REPLAYED,
    /**
     * Lambda refused it or the function failed: the item stays, eligible for the next run, with its
     * error.
     */
    FAILED,
    /**
     * Unknown whether Lambda accepted it: the item stays in flight and later runs skip it (README:
     * the guarantee).
     */
    UNCERTAIN,
    /** Left in flight by an earlier run, or taken by another replay running at the same time. */
    SKIPPED,
    /** A dry run would have replayed it. */
    WOULD_REPLAY
  }
}

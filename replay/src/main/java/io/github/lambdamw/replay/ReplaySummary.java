package io.github.lambdamw.replay;

/**
 * The counts of one replay run.
 *
 * @param replayed accepted by Lambda and deleted
 * @param failed refused by Lambda, or the function answered with an error: still stored, eligible
 *     again
 * @param uncertain unknown whether Lambda accepted them: still stored, left in flight
 * @param skipped left in flight by an earlier run, or taken by a concurrent replay
 * @param wouldReplay dry run only: what a real run would have handed to Lambda
 * @param left items of the selection (function and time range) still stored after the run
 * @param stoppedEarly why the run stopped before the end of the selection (limit, deadline, fatal
 *     error), or null
 */
public record ReplaySummary(
    long replayed,
    long failed,
    long uncertain,
    long skipped,
    long wouldReplay,
    long left,
    String stoppedEarly) {

  /**
   * 0 when nothing failed and nothing is uncertain, 1 otherwise: the {@code run} command's exit
   * code.
   */
  public int exitCode() {
    return failed + uncertain > 0 ? ExitCodes.SOME_FAILED : ExitCodes.OK;
  }

  /** One line for people and for logs. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    if (wouldReplay > 0) {
      text.append("would replay ").append(wouldReplay).append(", ");
    }
    text.append("replayed ")
        .append(replayed)
        .append(", failed ")
        .append(failed)
        .append(", uncertain ")
        .append(uncertain)
        .append(", skipped ")
        .append(skipped)
        .append(", left ")
        .append(left);
    if (stoppedEarly != null) {
      text.append(" (stopped early: ").append(stoppedEarly).append(')');
    }
    return text.toString();
  }
}

package io.github.lambdamw.replay.internal;

/**
 * What the Invoke API said about one invocation.
 *
 * @param verdict accepted, refused, or unknown
 * @param detail the error text; null when accepted
 * @param fatal whether no later invocation of this run can succeed either (no such function, access
 *     denied)
 */
public record InvokeOutcome(Verdict verdict, String detail, boolean fatal) {
  /** Whether Lambda took the invocation. */
  public enum Verdict {
    /**
     * 202 for {@code Event}; an answer without {@code X-Amz-Function-Error} for {@code
     * RequestResponse}.
     */
    ACCEPTED,
    /** Lambda certainly did not take it, or the function answered with an error. */
    REFUSED,
    /**
     * The request may have reached Lambda, but no answer tells whether it was taken (timeout, 5xx).
     */
    UNKNOWN
  }

  static InvokeOutcome accepted() {
    return new InvokeOutcome(Verdict.ACCEPTED, null, false);
  }

  static InvokeOutcome refused(String detail) {
    return new InvokeOutcome(Verdict.REFUSED, detail, false);
  }

  static InvokeOutcome fatal(String detail) {
    return new InvokeOutcome(Verdict.REFUSED, detail, true);
  }

  static InvokeOutcome unknown(String detail) {
    return new InvokeOutcome(Verdict.UNKNOWN, detail, false);
  }
}

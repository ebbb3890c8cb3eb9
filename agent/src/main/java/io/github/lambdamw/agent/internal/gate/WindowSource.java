package io.github.lambdamw.agent.internal.gate;

/** Where the window value lives (the SSM parameter in production, anything in tests). */
public interface WindowSource {

  /** The current value; throws with a message naming the source and the problem. */
  String read() throws WindowReadException;

  /**
   * {@link #read()} taking at most about {@code maxMillis} (less if the source's own timeout is
   * shorter): a retry late in an invocation's budget must not outlive it.
   */
  default String read(long maxMillis) throws WindowReadException {
    return read();
  }

  /** Names the source in log lines, e.g. "SSM parameter 'maintenance-window'". */
  String describe();
}

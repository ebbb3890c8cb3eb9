package io.github.lambdamw.agent.internal.gate;

/** Where the window value lives (the SSM parameter in production, anything in tests). */
public interface WindowSource {

  /** The current value; throws with a message naming the source and the problem. */
  String read() throws WindowReadException;

  /** Names the source in log lines, e.g. "SSM parameter 'maintenance-window'". */
  String describe();
}

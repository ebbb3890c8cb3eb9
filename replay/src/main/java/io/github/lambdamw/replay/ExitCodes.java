package io.github.lambdamw.replay;

/** The exit codes of the replay commands, the contract scripts rely on. */
public final class ExitCodes {
  /** Everything selected was replayed (or listed); also when there was nothing to replay. */
  public static final int OK = 0;

  /** Some items failed or are uncertain; they are still in the table with their error. */
  public static final int SOME_FAILED = 1;

  /** Bad usage, or refused: the window is open, closed too recently, or unreadable (see --force). */
  public static final int USAGE_OR_REFUSED = 2;

  /** The replay could not work: the table, SSM or credentials failed before or between items. */
  public static final int AWS_ERROR = 3;

  private ExitCodes() {}
}

package io.github.lambdamw.replay;

/**
 * An expected failure found outside a command's own flow (a stack that does not exist, an ambiguous
 * one): the shared rules print its message as one line and exit with its code, no stack trace.
 */
public final class CommandFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  /**
   * @param exitCode one of {@link ExitCodes}
   * @param message the cause and the fix, one line
   */
  public CommandFailedException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}

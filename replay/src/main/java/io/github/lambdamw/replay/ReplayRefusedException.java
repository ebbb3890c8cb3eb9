package io.github.lambdamw.replay;

/**
 * The replay did not start: the function's window is open, closed too recently, or could not be
 * read.
 */
public final class ReplayRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ReplayRefusedException(String message) {
    super(message);
  }

  public ReplayRefusedException(String message, Throwable cause) {
    super(message, cause);
  }
}

package io.github.lambdamw.cli.internal;

/** The parameter could not be read or written; the message names it and says why. */
public final class ParameterAccessException extends Exception {
  private static final long serialVersionUID = 1L;

  public ParameterAccessException(String message, Throwable cause) {
    super(message, cause);
  }
}

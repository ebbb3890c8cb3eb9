package io.github.lambdamw.agent.internal.gate;

/** The window value could not be read at all: missing, unreachable, denied, throttled. */
public final class WindowReadException extends Exception {
  private static final long serialVersionUID = 1L;

  public WindowReadException(String message, Throwable cause) {
    super(message, cause);
  }
}

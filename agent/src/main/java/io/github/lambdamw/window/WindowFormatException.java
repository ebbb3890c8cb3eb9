package io.github.lambdamw.window;

/**
 * A window value that cannot be understood; the message names the field, the value and what is
 * expected.
 */
public final class WindowFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  public WindowFormatException(String message) {
    super(message);
  }

  public WindowFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}

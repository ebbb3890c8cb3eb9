package io.github.lambdamw.agent.internal.gate;

/** The window value could not be read at all: missing, unreachable, denied, throttled. */
public final class WindowReadException extends Exception {
  private static final long serialVersionUID = 1L;

  private final boolean throttled;

  public WindowReadException(String message, Throwable cause) {
    this(message, cause, false);
  }

  private WindowReadException(String message, Throwable cause, boolean throttled) {
    super(message, cause);
    this.throttled = throttled;
  }

  /**
   * The source refused for load (throttling, HTTP 429, a server fault) or was too busy to answer in
   * time: the value may well exist and asking again later will get it, so this is not yet a reason
   * to apply the fail mode.
   */
  public static WindowReadException throttled(String message) {
    return new WindowReadException(message, null, true);
  }

  public boolean throttled() {
    return throttled;
  }
}

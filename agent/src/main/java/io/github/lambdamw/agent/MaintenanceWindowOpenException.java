package io.github.lambdamw.agent;

/**
 * The answer a caller gets during a window when the function is set to {@code
 * MAINTENANCE_WINDOW_ANSWER=error}: the invocation fails through the runtime client's normal error
 * path, so callers and Lambda's own retries try again later, as with the original system. The event
 * has been stored before this is thrown; a retry with the same request id is not stored twice. The
 * class name is the error type the caller sees.
 */
public final class MaintenanceWindowOpenException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * No cause and no stack trace: the runtime client prints them into the function's log, where they
   * say nothing.
   */
  public MaintenanceWindowOpenException(String message) {
    super(message, null, false, false);
  }
}

package io.github.lambdamw.agent;

/**
 * An invocation arrived during a maintenance window but could not be stored. It fails the
 * invocation through the runtime client's normal error path, so Lambda's retries, destinations and
 * dead-letter queues keep the event; its class name is the error type the caller sees.
 */
public final class MaintenanceWindowDeferralException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * The message carries everything an operator needs (what, which table, the service's own error);
   * the cause chain and stack trace are left out because the runtime client prints them into the
   * function's logs, where dozens of relocated SDK frames would only bury the message.
   */
  public MaintenanceWindowDeferralException(String message) {
    super(message, null, false, false);
  }
}

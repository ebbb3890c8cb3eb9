package io.github.lambdamw.agent.internal.gate;

/** An invocation request with the runtime client's getters and a deadline a test chooses. */
public final class TimedRequest {
  private final String id;
  private final long deadlineTimeInMs;

  TimedRequest(String id, long deadlineTimeInMs) {
    this.id = id;
    this.deadlineTimeInMs = deadlineTimeInMs;
  }

  public String getId() {
    return id;
  }

  public long getDeadlineTimeInMs() {
    return deadlineTimeInMs;
  }

  public byte[] getContent() {
    return new byte[0];
  }
}

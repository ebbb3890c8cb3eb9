package io.github.lambdamw.agent.internal.invocation;

/** Invocations for the tests of what stores them: only the fields a deferral reads are set. */
public final class TestInvocations {
  private TestInvocations() {}

  /**
   * Invocation {@code requestId}, due at {@code deadlineMs} (epoch millis), event {@code payload}.
   */
  public static Invocation due(String requestId, long deadlineMs, byte[] payload) {
    return new Invocation(requestId, null, deadlineMs, null, null, null, null, payload);
  }
}

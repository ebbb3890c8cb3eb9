package io.github.lambdamw.fleet;

import java.nio.charset.StandardCharsets;

/**
 * What the runtime interface client hands the dispatch (its {@code InvocationRequest}), with the
 * getters the agent reads by name: a simulated environment passes one of these to the real {@code
 * Gate}.
 */
public final class SimulatedInvocationRequest {
  private final String id;
  private final long deadlineTimeInMs;
  private final byte[] content;

  SimulatedInvocationRequest(String id, long deadlineTimeInMs) {
    this.id = id;
    this.deadlineTimeInMs = deadlineTimeInMs;
    this.content = ("{\"request\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8);
  }

  public String getId() {
    return id;
  }

  public long getDeadlineTimeInMs() {
    return deadlineTimeInMs;
  }

  public String getInvokedFunctionArn() {
    return "arn:aws:lambda:us-east-1:123456789012:function:fleet";
  }

  public byte[] getContent() {
    return content;
  }
}

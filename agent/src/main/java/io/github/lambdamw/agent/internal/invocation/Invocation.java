package io.github.lambdamw.agent.internal.invocation;

/**
 * What the runtime interface client received for one invocation, copied out of its own {@code
 * InvocationRequest} class (whose package differs between releases). Only built while a window is
 * open.
 *
 * @param payload the raw event bytes, exactly as the Runtime API delivered them
 */
public record Invocation(
    String requestId,
    String invokedFunctionArn,
    long deadlineMs,
    String xrayTraceId,
    String clientContext,
    String cognitoIdentity,
    String tenantId,
    byte[] payload) {}

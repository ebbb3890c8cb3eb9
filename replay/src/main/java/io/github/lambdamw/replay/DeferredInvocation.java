package io.github.lambdamw.replay;

import java.time.Instant;

/**
 * One stored invocation as {@code list} shows it: no payload, just what identifies and describes
 * it.
 *
 * @param requestId the original Lambda request id
 * @param arrivalKey the {@code byArrival} sort key, {@code <13-digit epoch millis>#<requestId>}
 * @param arrivedAt when the agent received it
 * @param payloadSize the raw event's size in bytes (before any compression); -1 if not recorded
 * @param replayAttempts failed or uncertain replay attempts so far
 * @param lastReplayError the last replay error, or null
 * @param inFlight whether a replay marked it as handed to Lambda without deleting it (see README:
 *     the guarantee)
 */
public record DeferredInvocation(
    String requestId,
    String arrivalKey,
    Instant arrivedAt,
    long payloadSize,
    long replayAttempts,
    String lastReplayError,
    boolean inFlight) {}

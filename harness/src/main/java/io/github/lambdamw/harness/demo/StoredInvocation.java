package io.github.lambdamw.harness.demo;

/**
 * One deferred invocation read back from the table (docs/contracts.md), with only what the demo
 * shows: no client context, no identity.
 *
 * @param requestId the original request id (sort key)
 * @param arrivedAt ISO-8601 instant the agent received it
 * @param payloadSize the raw event's size in bytes
 * @param payload the raw event as text, or null when stored in chunk items
 */
record StoredInvocation(String requestId, String arrivedAt, long payloadSize, String payload) {}

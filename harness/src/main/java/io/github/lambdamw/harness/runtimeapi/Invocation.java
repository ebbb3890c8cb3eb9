package io.github.lambdamw.harness.runtimeapi;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/** One invocation on its way through the runtime: queued, then in flight, then completed once. */
final class Invocation {

  final String requestId;
  final byte[] payload;

  /** Decoded client context JSON, or null. */
  final String clientContext;

  final String cognitoIdentity;
  final String traceId;

  /** 200 for RequestResponse, 202 for Event: the status the result reports. */
  final int statusCode;

  final CompletableFuture<InvokeResult> result = new CompletableFuture<>();

  /**
   * Set when a runtime takes the invocation: Lambda's clock starts then, not when it was queued.
   */
  volatile long deadlineMs;

  volatile ScheduledFuture<?> timeout;

  /** Taken by whichever answer comes first: the runtime's, the timeout's, or the init error's. */
  private final AtomicBoolean answered = new AtomicBoolean();

  Invocation(
      String requestId,
      byte[] payload,
      String clientContext,
      String cognitoIdentity,
      String traceId,
      int statusCode) {
    this.requestId = requestId;
    this.payload = payload;
    this.clientContext = clientContext;
    this.cognitoIdentity = cognitoIdentity;
    this.traceId = traceId;
    this.statusCode = statusCode;
  }

  /**
   * Claims the right to answer; false when another answer came first. The winner updates the
   * counters and the results before completing {@link #result}, so whoever waits on it sees them
   * updated.
   */
  boolean claim() {
    return answered.compareAndSet(false, true);
  }

  /** The answer to complete {@link #result} with, once {@link #claim()} returned true. */
  InvokeResult answer(byte[] body, String functionError, String runtimeErrorType) {
    ScheduledFuture<?> pending = timeout;
    if (pending != null) {
      pending.cancel(false);
    }
    return new InvokeResult(statusCode, body, functionError, runtimeErrorType, requestId);
  }
}

package io.github.lambdamw.agent.internal.defer;

import io.github.lambdamw.agent.MaintenanceWindowDeferralException;
import io.github.lambdamw.agent.internal.AgentLog;
import io.github.lambdamw.agent.internal.invocation.Invocation;
import io.github.lambdamw.agent.internal.invocation.InvocationRequestReader;
import io.github.lambdamw.agent.internal.metrics.EmfMetrics;
import io.github.lambdamw.window.WindowStatus;
import io.github.lambdamw.window.internal.IsoInstants;
import java.io.ByteArrayOutputStream;
import java.time.Instant;

/**
 * The open-window path: store the invocation, log one line, count it, and answer in place of the
 * handler. Never logs the payload.
 */
public final class Deferrer {
  private final DeferralStore store;
  private final String functionName;
  private final DeferredAnswer answer;
  private final EmfMetrics metrics;

  /** A deferrer giving callers the default answer. */
  public Deferrer(DeferralStore store, String functionName) {
    this(store, functionName, DeferredAnswer.DEFAULT);
  }

  /**
   * A deferrer giving callers {@code answer}, read from the configuration with {@code
   * DeferredAnswer.from}.
   */
  public Deferrer(DeferralStore store, String functionName, DeferredAnswer answer) {
    this.store = store;
    this.functionName = functionName;
    this.answer = answer;
    this.metrics = new EmfMetrics(functionName);
  }

  /**
   * Stores the invocation and returns the body the runtime client reports as the function's answer.
   *
   * @throws io.github.lambdamw.agent.MaintenanceWindowOpenException after storing, when the answer
   *     is an error
   */
  public ByteArrayOutputStream defer(Object invocationRequest, WindowStatus window) {
    Invocation invocation = InvocationRequestReader.read(invocationRequest);
    Instant arrivedAt = Instant.now();
    boolean stored;
    try {
      stored = store.store(invocation, window, arrivedAt);
    } catch (MaintenanceWindowDeferralException e) {
      metrics.count(EmfMetrics.DEFERRAL_FAILURES);
      throw e;
    }
    String end = window.end() == null ? "open-ended" : IsoInstants.format(window.end());
    AgentLog.info(
        (stored ? "deferred invocation " : "invocation already deferred, not stored twice: ")
            + invocation.requestId()
            + " of "
            + functionName
            + " (window ends "
            + end
            + ")",
        invocation.requestId());
    if (stored) {
      metrics.count(EmfMetrics.DEFERRED_INVOCATIONS);
    }
    return answer.render(invocation.requestId(), window, arrivedAt.toEpochMilli());
  }

  /** The default answer. */
  static ByteArrayOutputStream answer(String requestId, WindowStatus window) {
    return DeferredAnswer.DEFAULT.render(requestId, window, 0);
  }
}

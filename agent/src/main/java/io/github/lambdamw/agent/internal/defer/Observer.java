package io.github.lambdamw.agent.internal.defer;

import io.github.lambdamw.agent.internal.AgentLog;
import io.github.lambdamw.agent.internal.invocation.InvocationRequestReader;
import io.github.lambdamw.agent.internal.metrics.EmfMetrics;
import io.github.lambdamw.window.WindowStatus;
import io.github.lambdamw.window.internal.IsoInstants;

/**
 * Observe mode: a rehearsal of a window. The handler runs as usual; each invocation that would have
 * been deferred is logged (one line, never the payload) and counted as {@code
 * WouldDeferInvocations}. Nothing is stored.
 */
public final class Observer {
  private final String functionName;
  private final boolean everyWindow;
  private final EmfMetrics metrics;

  /**
   * @param everyWindow {@code true} when the function itself is in observe mode ({@code
   *     MAINTENANCE_WINDOW_MODE}), {@code false} when only windows written with {@code
   *     "mode":"observe"} are observed
   */
  public Observer(String functionName, boolean everyWindow) {
    this.functionName = functionName;
    this.everyWindow = everyWindow;
    this.metrics = new EmfMetrics(functionName);
  }

  /** Whether an invocation in the open {@code window} is only observed rather than deferred. */
  public boolean observes(WindowStatus window) {
    return everyWindow || window.observe();
  }

  /** Logs and counts one invocation that {@code window} would have deferred. */
  public void wouldDefer(Object invocationRequest, WindowStatus window) {
    String requestId = InvocationRequestReader.read(invocationRequest).requestId();
    String end = window.end() == null ? "open-ended" : IsoInstants.format(window.end());
    AgentLog.info(
        "observe mode: would defer invocation "
            + requestId
            + " of "
            + functionName
            + " (window "
            + window.description()
            + ", ends "
            + end
            + "); the handler runs",
        requestId);
    metrics.count(EmfMetrics.WOULD_DEFER_INVOCATIONS);
  }
}

package io.github.lambdamw.agent.internal.metrics;

import io.github.lambdamw.agent.internal.AgentLog;
import io.github.lambdamw.agent.internal.JsonText;

/**
 * The agent's CloudWatch metrics: one embedded-metric-format record per event, printed on the
 * function's output, where Lambda's log agent turns it into a metric with no API call and no
 * client. Namespace {@value #NAMESPACE}, dimension {@code FunctionName}, unit Count. Only outcomes
 * off the closed-window path are counted, so a closed window never allocates here; records never
 * carry an event's payload.
 */
public final class EmfMetrics {
  public static final String NAMESPACE = "MaintenanceWindow";

  /** An event stored in the table (a retry already stored is not counted again). */
  public static final String DEFERRED_INVOCATIONS = "DeferredInvocations";

  /**
   * An event that could not be stored: its invocation failed with
   * MaintenanceWindowDeferralException.
   */
  public static final String DEFERRAL_FAILURES = "DeferralFailures";

  /** One failed read of the window value: throttled, unreachable, missing or malformed. */
  public static final String WINDOW_READ_FAILURES = "WindowReadFailures";

  /** An event an observe-mode window would have deferred: the handler ran. */
  public static final String WOULD_DEFER_INVOCATIONS = "WouldDeferInvocations";

  private static final EmfMetrics SILENT = new EmfMetrics(null);

  private final String functionName;

  /** Records by {@code FunctionName = functionName}. */
  public EmfMetrics(String functionName) {
    this.functionName = functionName;
  }

  /**
   * Writes nothing: for gates and caches built outside a function (tests, benchmarks, simulations).
   */
  public static EmfMetrics silent() {
    return SILENT;
  }

  /** Prints one record: {@code metric} = 1 at the current time. */
  public void count(String metric) {
    if (functionName != null) {
      AgentLog.raw(record(metric, 1, System.currentTimeMillis()));
    }
  }

  /** The record for {@code metric} = {@code value} at {@code epochMillis}. */
  String record(String metric, long value, long epochMillis) {
    StringBuilder line = new StringBuilder(256);
    line.append("{\"_aws\":{\"Timestamp\":").append(epochMillis);
    line.append(",\"CloudWatchMetrics\":[{\"Namespace\":\"").append(NAMESPACE);
    line.append("\",\"Dimensions\":[[\"FunctionName\"]],\"Metrics\":[{\"Name\":\"").append(metric);
    line.append("\",\"Unit\":\"Count\"}]}]},\"FunctionName\":");
    JsonText.appendQuoted(line, functionName)
        .append(",\"")
        .append(metric)
        .append("\":")
        .append(value);
    return line.append('}').toString();
  }
}

package io.github.lambdamw.agent.internal.defer;

import io.github.lambdamw.agent.internal.AgentLog;
import io.github.lambdamw.agent.internal.JsonText;
import io.github.lambdamw.agent.internal.invocation.Invocation;
import io.github.lambdamw.agent.internal.invocation.InvocationRequestReader;
import io.github.lambdamw.window.WindowStatus;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The open-window path: store the invocation, log one line, count it, and answer in place of the handler. Never logs
 * the payload.
 */
public final class Deferrer {
  private final DeferralStore store;
  private final String functionName;

  public Deferrer(DeferralStore store, String functionName) {
    this.store = store;
    this.functionName = functionName;
  }

  /** Stores the invocation and returns the body the runtime client reports as the function's answer. */
  public ByteArrayOutputStream defer(Object invocationRequest, WindowStatus window) {
    Invocation invocation = InvocationRequestReader.read(invocationRequest);
    Instant arrivedAt = Instant.now();
    boolean stored = store.store(invocation, window, arrivedAt);
    String end = window.end() == null ? "open-ended" : window.end().toString();
    AgentLog.info(
        (stored ? "deferred invocation " : "invocation already deferred, not stored twice: ")
            + invocation.requestId() + " of " + functionName + " (window ends " + end + ")",
        invocation.requestId());
    if (stored) {
      AgentLog.raw(metric(arrivedAt));
    }
    return answer(invocation.requestId(), window);
  }

  static ByteArrayOutputStream answer(String requestId, WindowStatus window) {
    StringBuilder body = new StringBuilder(128).append("{\"deferred\":true,\"requestId\":");
    JsonText.appendQuoted(body, requestId).append(",\"windowEnd\":");
    JsonText.appendQuoted(body, window.end() == null ? null : window.end().toString());
    if (window.reason() != null) {
      JsonText.appendQuoted(body.append(",\"reason\":"), window.reason());
    }
    byte[] bytes = body.append('}').toString().getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
    out.writeBytes(bytes);
    return out;
  }

  /** One CloudWatch embedded-metric-format record: DeferredInvocations = 1, by FunctionName. */
  private String metric(Instant at) {
    StringBuilder line = new StringBuilder(256);
    line.append("{\"_aws\":{\"Timestamp\":").append(at.toEpochMilli());
    line.append(",\"CloudWatchMetrics\":[{\"Namespace\":\"MaintenanceWindow\",\"Dimensions\":[[\"FunctionName\"]],");
    line.append("\"Metrics\":[{\"Name\":\"DeferredInvocations\",\"Unit\":\"Count\"}]}]},\"FunctionName\":");
    JsonText.appendQuoted(line, functionName).append(",\"DeferredInvocations\":1}");
    return line.toString();
  }
}

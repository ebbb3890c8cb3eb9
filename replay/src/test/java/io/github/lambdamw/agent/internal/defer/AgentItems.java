package io.github.lambdamw.agent.internal.defer;

import io.github.lambdamw.agent.internal.invocation.Invocation;
import io.github.lambdamw.window.WindowStatus;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Opens the agent's own item builder to the replay's tests, so that seeded items are exactly what the agent writes
 * (same package, test class path only).
 */
public final class AgentItems {
  private AgentItems() {}

  public static Map<String, AttributeValue> item(
      String functionName, Invocation invocation, WindowStatus window, Instant arrivedAt) {
    return DeferredItems.item(functionName, invocation, window, arrivedAt, 0);
  }

  public static int compressAboveBytes() {
    return DeferredItems.COMPRESS_ABOVE_BYTES;
  }
}

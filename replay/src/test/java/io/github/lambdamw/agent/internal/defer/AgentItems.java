package io.github.lambdamw.agent.internal.defer;

import io.github.lambdamw.agent.internal.invocation.Invocation;
import io.github.lambdamw.window.WindowStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Opens the agent's own item builder to the replay's tests, so that seeded items are exactly what
 * the agent writes (same package, test class path only).
 */
public final class AgentItems {
  private AgentItems() {}

  /**
   * The items the agent's {@code DynamoDbDeferralStore} puts for one invocation, in its order: the
   * chunk items (if the stored payload is too large for one item), then the main item, which is put
   * last and conditionally.
   */
  public static List<Map<String, AttributeValue>> items(
      String functionName, Invocation invocation, WindowStatus window, Instant arrivedAt) {
    DeferredItems.StoredPayload payload = DeferredItems.StoredPayload.of(invocation.payload());
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    for (int i = 0; i < payload.chunkCount(); i++) {
      items.add(
          sdk(DeferredItems.chunk(functionName, invocation.requestId(), payload, i, arrivedAt, 0)));
    }
    items.add(sdk(DeferredItems.item(functionName, invocation, payload, window, arrivedAt, 0)));
    return items;
  }

  private static Map<String, AttributeValue> sdk(DynamoDbItem item) {
    Map<String, AttributeValue> attributes = new LinkedHashMap<>();
    item.attributes()
        .forEach(
            (name, value) ->
                attributes.put(
                    name,
                    value instanceof String text
                        ? AttributeValue.fromS(text)
                        : value instanceof Long number
                            ? AttributeValue.fromN(number.toString())
                            : AttributeValue.fromB(SdkBytes.fromByteArray((byte[]) value))));
    return attributes;
  }
}

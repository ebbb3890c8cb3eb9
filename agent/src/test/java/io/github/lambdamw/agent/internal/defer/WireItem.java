package io.github.lambdamw.agent.internal.defer;

import io.github.lambdamw.window.internal.JsonReader;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * An item read back from the {@code PutItem} body the agent sends: what DynamoDB receives, not what
 * the builder holds.
 */
final class WireItem {
  private final Map<String, Map<String, String>> attributes;

  private WireItem(Map<String, Map<String, String>> attributes) {
    this.attributes = attributes;
  }

  @SuppressWarnings("unchecked")
  static WireItem of(DynamoDbItem item) {
    try {
      Map<String, Object> request =
          (Map<String, Object>) JsonReader.read(item.putItemRequest("table", null));
      return new WireItem((Map<String, Map<String, String>>) request.get("Item"));
    } catch (JsonReader.JsonSyntaxException e) {
      throw new AssertionError("the PutItem body is not JSON", e);
    }
  }

  Set<String> names() {
    return attributes.keySet();
  }

  String s(String name) {
    return typed(name, "S");
  }

  String n(String name) {
    return typed(name, "N");
  }

  byte[] b(String name) {
    return Base64.getDecoder().decode(typed(name, "B"));
  }

  private String typed(String name, String type) {
    Map<String, String> value = attributes.get(name);
    if (value == null || !value.containsKey(type) || value.size() != 1) {
      throw new AssertionError(name + " is not a single " + type + " attribute: " + value);
    }
    return value.get(type);
  }
}

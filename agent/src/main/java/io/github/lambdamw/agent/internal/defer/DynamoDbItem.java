package io.github.lambdamw.agent.internal.defer;

import io.github.lambdamw.agent.internal.JsonText;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One DynamoDB item as DynamoDB's JSON protocol carries it ({@code {"name":{"S":"…"}}}), with the
 * three attribute types the deferral schema uses: strings, numbers and binary.
 */
final class DynamoDbItem {
  private final Map<String, Object> attributes = new LinkedHashMap<>(32);

  DynamoDbItem string(String name, String value) {
    attributes.put(name, value);
    return this;
  }

  /**
   * Only when there is a value: DynamoDB refuses empty key attributes, and absent says the same as
   * empty here.
   */
  DynamoDbItem stringIfPresent(String name, String value) {
    if (value != null && !value.isEmpty()) {
      attributes.put(name, value);
    }
    return this;
  }

  DynamoDbItem number(String name, long value) {
    attributes.put(name, value);
    return this;
  }

  DynamoDbItem binary(String name, byte[] value) {
    attributes.put(name, value);
    return this;
  }

  /** The attributes by name: {@code String} (S), {@code Long} (N) or {@code byte[]} (B). */
  Map<String, Object> attributes() {
    return attributes;
  }

  /** The body of a {@code PutItem} request for this item, with an optional condition. */
  String putItemRequest(String tableName, String condition) {
    int binaryBytes = 0;
    for (Object value : attributes.values()) {
      if (value instanceof byte[] bytes) {
        binaryBytes += bytes.length;
      }
    }
    StringBuilder json = new StringBuilder(512 + binaryBytes / 3 * 4);
    JsonText.appendQuoted(json.append("{\"TableName\":"), tableName).append(",\"Item\":{");
    boolean first = true;
    for (Map.Entry<String, Object> attribute : attributes.entrySet()) {
      if (!first) {
        json.append(',');
      }
      first = false;
      JsonText.appendQuoted(json, attribute.getKey()).append(':');
      Object value = attribute.getValue();
      if (value instanceof String text) {
        JsonText.appendQuoted(json.append("{\"S\":"), text).append('}');
      } else if (value instanceof Long number) {
        // N travels as a string on the wire.
        json.append("{\"N\":\"").append(number.longValue()).append("\"}");
      } else {
        json.append("{\"B\":\"")
            .append(Base64.getEncoder().encodeToString((byte[]) value))
            .append("\"}");
      }
    }
    json.append('}');
    if (condition != null) {
      JsonText.appendQuoted(json.append(",\"ConditionExpression\":"), condition);
    }
    return json.append('}').toString();
  }
}

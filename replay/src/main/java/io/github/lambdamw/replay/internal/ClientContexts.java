package io.github.lambdamw.replay.internal;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The client context a replayed invocation carries: the original one (the {@code
 * Lambda-Runtime-Client-Context} JSON the agent stored), with the replay's keys merged into its
 * {@code custom} map.
 *
 * <p>Lambda passes a client context to the function for synchronous invocations only (Invoke API
 * reference); with {@code Event} it is sent but the handler does not see it.
 */
public final class ClientContexts {
  /** The original request id, for handlers that need to recognise a replay. */
  public static final String ORIGINAL_REQUEST_ID = "maintenanceWindowOriginalRequestId";

  /** The instant the original invocation arrived, ISO-8601. */
  public static final String ARRIVED_AT = "maintenanceWindowArrivedAt";

  /** Lambda's limit on the base64 text of {@code X-Amz-Client-Context}. */
  static final int MAX_BASE64_CHARS = 3583;

  private ClientContexts() {}

  /**
   * The base64 text for {@code X-Amz-Client-Context}. When the original context is not a JSON
   * object, or the merge would exceed Lambda's limit, the result holds only the replay's keys.
   */
  public static String forReplay(String originalJson, String originalRequestId, String arrivedAt) {
    Map<String, Object> custom = new LinkedHashMap<>();
    custom.put(ORIGINAL_REQUEST_ID, originalRequestId);
    if (arrivedAt != null) {
      custom.put(ARRIVED_AT, arrivedAt);
    }
    Map<String, Object> merged = parseObject(originalJson);
    if (merged != null) {
      Object original = merged.get("custom");
      Map<String, Object> mergedCustom = new LinkedHashMap<>();
      if (original instanceof Map<?, ?> map) {
        map.forEach((k, v) -> mergedCustom.put(String.valueOf(k), v));
      }
      mergedCustom.putAll(custom);
      merged.put("custom", mergedCustom);
      String encoded = encode(merged);
      if (encoded.length() <= MAX_BASE64_CHARS) {
        return encoded;
      }
    }
    Map<String, Object> minimal = new LinkedHashMap<>();
    minimal.put("custom", custom);
    return encode(minimal);
  }

  private static Map<String, Object> parseObject(String json) {
    if (json == null || json.isBlank()) {
      return new LinkedHashMap<>();
    }
    try {
      Object parsed = JSON.std.anyFrom(json);
      if (parsed instanceof Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return copy;
      }
      return null;
    } catch (IOException e) {
      return null;
    }
  }

  private static String encode(Map<String, Object> context) {
    try {
      return Base64.getEncoder()
          .encodeToString(JSON.std.asString(context).getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("a map of strings and JSON values always serialises", e);
    }
  }
}

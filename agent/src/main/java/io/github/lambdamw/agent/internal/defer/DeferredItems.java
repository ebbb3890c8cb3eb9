package io.github.lambdamw.agent.internal.defer;

import io.github.lambdamw.agent.internal.invocation.Invocation;
import io.github.lambdamw.window.WindowStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Builds the DynamoDB item of one deferred invocation, in the schema of docs/contracts.md. */
final class DeferredItems {
  /** Below this, compression saves too little to be worth the CPU on the invocation path. */
  static final int COMPRESS_ABOVE_BYTES = 8 * 1024;

  private DeferredItems() {}

  static Map<String, AttributeValue> item(
      String functionName, Invocation invocation, WindowStatus window, Instant arrivedAt, long retentionDays) {
    Map<String, AttributeValue> item = new HashMap<>(24);
    item.put("functionName", s(functionName));
    item.put("requestId", s(invocation.requestId()));
    item.put("arrivalKey", s(arrivalKey(arrivedAt, invocation.requestId())));
    item.put("arrivedAt", s(arrivedAt.toString()));
    byte[] payload = invocation.payload();
    byte[] compressed = payload.length > COMPRESS_ABOVE_BYTES ? gzip(payload) : null;
    boolean useGzip = compressed != null && compressed.length < payload.length;
    item.put("payload", AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(useGzip ? compressed : payload)));
    item.put("payloadEncoding", s(useGzip ? "gzip" : "identity"));
    item.put("payloadSize", n(payload.length));
    putIfPresent(item, "invokedFunctionArn", invocation.invokedFunctionArn());
    item.put("deadlineMs", n(invocation.deadlineMs()));
    putIfPresent(item, "xrayTraceId", invocation.xrayTraceId());
    putIfPresent(item, "clientContext", invocation.clientContext());
    putIfPresent(item, "cognitoIdentity", invocation.cognitoIdentity());
    putIfPresent(item, "tenantId", invocation.tenantId());
    if (window.end() != null) {
      item.put("windowEnd", s(window.end().toString()));
    }
    putIfPresent(item, "window", window.description());
    putIfPresent(item, "windowReason", window.reason());
    if (retentionDays > 0) {
      item.put("expiresAt", n(arrivedAt.getEpochSecond() + retentionDays * 86_400));
    }
    return item;
  }

  /** Sorts by arrival, ties broken by request id: fixed-width millis so that string order is time order. */
  static String arrivalKey(Instant arrivedAt, String requestId) {
    return String.format("%013d#%s", arrivedAt.toEpochMilli(), requestId);
  }

  private static byte[] gzip(byte[] payload) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length / 4 + 64);
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(payload);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
    if (value != null && !value.isEmpty()) {
      item.put(name, s(value));
    }
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}

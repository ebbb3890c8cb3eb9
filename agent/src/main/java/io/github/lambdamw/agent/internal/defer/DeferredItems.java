package io.github.lambdamw.agent.internal.defer;

import io.github.lambdamw.agent.internal.invocation.Invocation;
import io.github.lambdamw.window.WindowStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Builds the DynamoDB item of one deferred invocation, in the schema of docs/contracts.md. */
final class DeferredItems {
  /** Below this, compression saves too little to be worth the CPU on the invocation path. */
  static final int COMPRESS_ABOVE_BYTES = 8 * 1024;

  /**
   * Stored payload bytes per item. A DynamoDB item holds at most 400 KB including attribute names and the
   * invocation's context (client context alone may be 3.5 KB), so a payload larger than this is split over chunk
   * items: Lambda accepts 6 MB synchronous events, and none may be refused for its size.
   */
  static final int CHUNK_BYTES = 350 * 1024;

  private DeferredItems() {}

  /** The stored form of a payload: compressed when that helps, split when it is too large for one item. */
  record StoredPayload(byte[] bytes, String encoding, int originalSize) {
    static StoredPayload of(byte[] payload) {
      byte[] compressed = payload.length > COMPRESS_ABOVE_BYTES ? gzip(payload) : null;
      boolean useGzip = compressed != null && compressed.length < payload.length;
      return new StoredPayload(useGzip ? compressed : payload, useGzip ? "gzip" : "identity", payload.length);
    }

    int chunkCount() {
      return bytes.length <= CHUNK_BYTES ? 0 : (bytes.length + CHUNK_BYTES - 1) / CHUNK_BYTES;
    }
  }

  /**
   * The main item. With chunks it carries {@code payloadChunks} instead of {@code payload}; it is written last, so
   * that its presence means the whole payload is stored.
   */
  static Map<String, AttributeValue> item(
      String functionName, Invocation invocation, WindowStatus window, Instant arrivedAt, long retentionDays) {
    return item(functionName, invocation, StoredPayload.of(invocation.payload()), window, arrivedAt, retentionDays);
  }

  static Map<String, AttributeValue> item(
      String functionName,
      Invocation invocation,
      StoredPayload payload,
      WindowStatus window,
      Instant arrivedAt,
      long retentionDays) {
    Map<String, AttributeValue> item = new HashMap<>(24);
    item.put("functionName", s(functionName));
    item.put("requestId", s(invocation.requestId()));
    item.put("arrivalKey", s(arrivalKey(arrivedAt, invocation.requestId())));
    item.put("arrivedAt", s(arrivedAt.toString()));
    if (payload.chunkCount() == 0) {
      item.put("payload", AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(payload.bytes())));
    } else {
      item.put("payloadChunks", n(payload.chunkCount()));
    }
    item.put("payloadEncoding", s(payload.encoding()));
    item.put("payloadSize", n(payload.originalSize()));
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

  /**
   * Chunk {@code index} (from 0) of a payload too large for one item: sort key {@code <requestId>#chunk#<index,
   * 4 digits>}, no {@code arrivalKey}, so chunks stay out of the arrival index.
   */
  static Map<String, AttributeValue> chunk(
      String functionName, String requestId, StoredPayload payload, int index, Instant arrivedAt, long retentionDays) {
    int from = index * CHUNK_BYTES;
    int to = Math.min(payload.bytes().length, from + CHUNK_BYTES);
    Map<String, AttributeValue> chunk = new HashMap<>(6);
    chunk.put("functionName", s(functionName));
    chunk.put("requestId", s(chunkKey(requestId, index)));
    chunk.put("payload", AttributeValue.fromB(SdkBytes.fromByteArray(Arrays.copyOfRange(payload.bytes(), from, to))));
    if (retentionDays > 0) {
      chunk.put("expiresAt", n(arrivedAt.getEpochSecond() + retentionDays * 86_400));
    }
    return chunk;
  }

  static String chunkKey(String requestId, int index) {
    return String.format("%s#chunk#%04d", requestId, index);
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

package io.github.lambdamw.agent.internal.defer;

import io.github.lambdamw.agent.internal.invocation.Invocation;
import io.github.lambdamw.window.WindowStatus;
import io.github.lambdamw.window.internal.IsoInstants;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

/** Builds the DynamoDB item of one deferred invocation, in the schema of docs/contracts.md. */
final class DeferredItems {
  /** Below this, compression saves too little to be worth the CPU on the invocation path. */
  static final int COMPRESS_ABOVE_BYTES = 8 * 1024;

  /**
   * Stored payload bytes per item. A DynamoDB item holds at most 400 KB including attribute names
   * and the invocation's context (client context alone may be 3.5 KB), so a payload larger than
   * this is split over chunk items: Lambda accepts 6 MB synchronous events, and none may be refused
   * for its size.
   */
  static final int CHUNK_BYTES = 350 * 1024;

  private DeferredItems() {}

  /**
   * The stored form of a payload: compressed when that helps, split when it is too large for one
   * item.
   */
  record StoredPayload(byte[] bytes, String encoding, int originalSize) {
    static StoredPayload of(byte[] payload) {
      byte[] compressed = payload.length > COMPRESS_ABOVE_BYTES ? gzip(payload) : null;
      boolean useGzip = compressed != null && compressed.length < payload.length;
      return new StoredPayload(
          useGzip ? compressed : payload, useGzip ? "gzip" : "identity", payload.length);
    }

    int chunkCount() {
      return bytes.length <= CHUNK_BYTES ? 0 : (bytes.length + CHUNK_BYTES - 1) / CHUNK_BYTES;
    }
  }

  /**
   * The main item. With chunks it carries {@code payloadChunks} instead of {@code payload}; it is
   * written last, so that its presence means the whole payload is stored.
   */
  static DynamoDbItem item(
      String functionName,
      Invocation invocation,
      StoredPayload payload,
      WindowStatus window,
      Instant arrivedAt,
      long retentionDays) {
    DynamoDbItem item = new DynamoDbItem();
    item.string("functionName", functionName);
    item.string("requestId", invocation.requestId());
    item.string("arrivalKey", arrivalKey(arrivedAt, invocation.requestId()));
    item.string("arrivedAt", IsoInstants.format(arrivedAt));
    if (payload.chunkCount() == 0) {
      item.binary("payload", payload.bytes());
    } else {
      item.number("payloadChunks", payload.chunkCount());
    }
    item.string("payloadEncoding", payload.encoding());
    item.number("payloadSize", payload.originalSize());
    item.stringIfPresent("invokedFunctionArn", invocation.invokedFunctionArn());
    item.number("deadlineMs", invocation.deadlineMs());
    item.stringIfPresent("xrayTraceId", invocation.xrayTraceId());
    item.stringIfPresent("clientContext", invocation.clientContext());
    item.stringIfPresent("cognitoIdentity", invocation.cognitoIdentity());
    item.stringIfPresent("tenantId", invocation.tenantId());
    if (window.end() != null) {
      item.string("windowEnd", IsoInstants.format(window.end()));
    }
    item.stringIfPresent("window", window.description());
    item.stringIfPresent("windowReason", window.reason());
    if (retentionDays > 0) {
      item.number("expiresAt", arrivedAt.getEpochSecond() + retentionDays * 86_400);
    }
    return item;
  }

  /**
   * Chunk {@code index} (from 0) of a payload too large for one item: sort key {@code
   * <requestId>#chunk#<index, 4 digits>}, no {@code arrivalKey}, so chunks stay out of the arrival
   * index.
   */
  static DynamoDbItem chunk(
      String functionName,
      String requestId,
      StoredPayload payload,
      int index,
      Instant arrivedAt,
      long retentionDays) {
    int from = index * CHUNK_BYTES;
    int to = Math.min(payload.bytes().length, from + CHUNK_BYTES);
    DynamoDbItem chunk = new DynamoDbItem();
    chunk.string("functionName", functionName);
    chunk.string("requestId", chunkKey(requestId, index));
    chunk.binary("payload", Arrays.copyOfRange(payload.bytes(), from, to));
    if (retentionDays > 0) {
      chunk.number("expiresAt", arrivedAt.getEpochSecond() + retentionDays * 86_400);
    }
    return chunk;
  }

  static String chunkKey(String requestId, int index) {
    return zeroPadded(new StringBuilder(requestId).append("#chunk#"), index, 4).toString();
  }

  /**
   * Sorts by arrival, ties broken by request id: fixed-width millis so that string order is time
   * order.
   */
  static String arrivalKey(Instant arrivedAt, String requestId) {
    return zeroPadded(new StringBuilder(64), arrivedAt.toEpochMilli(), 13)
        .append('#')
        .append(requestId)
        .toString();
  }

  /**
   * {@code value} in at least {@code width} digits; not {@code String.format}, which parses its
   * pattern each call.
   */
  private static StringBuilder zeroPadded(StringBuilder out, long value, int width) {
    String digits = Long.toString(value);
    for (int i = digits.length(); i < width; i++) {
      out.append('0');
    }
    return out.append(digits);
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
}

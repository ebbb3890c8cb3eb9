package io.github.lambdamw.replay.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads the raw event bytes back out of a stored item: the one place that knows how the agent
 * stores payloads (docs/contracts.md): {@code payload} B on the item, or {@code payloadChunks} N
 * chunk items with sort key {@code <requestId>#chunk#<4-digit index>} whose payloads concatenate in
 * index order; then {@code payloadEncoding} (identity | gzip) applies, and {@code payloadSize} is
 * the raw size.
 */
public final class StoredPayload {
  /**
   * Lambda's synchronous payload limit; nothing larger can have been received, nor can be replayed.
   */
  static final int MAX_RAW_BYTES = 6 * 1024 * 1024;

  private StoredPayload() {}

  /**
   * The sort keys of an item's chunk items, in order; empty when the payload is on the item itself.
   */
  public static List<String> chunkKeys(Map<String, AttributeValue> item) {
    AttributeValue chunks = item.get("payloadChunks");
    if (chunks == null || chunks.n() == null) {
      return List.of();
    }
    String requestId = item.get("requestId").s();
    int count = Integer.parseInt(chunks.n());
    List<String> keys = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      keys.add(String.format("%s#chunk#%04d", requestId, i));
    }
    return keys;
  }

  /**
   * The raw event, byte for byte as the function received it.
   *
   * @param readChunk reads the chunk item with the given sort key (same partition), or returns null
   *     if it is missing
   * @throws PayloadException when the item does not hold a payload that decodes to {@code
   *     payloadSize} bytes
   */
  public static byte[] read(
      Map<String, AttributeValue> item, Function<String, Map<String, AttributeValue>> readChunk) {
    byte[] stored = storedBytes(item, readChunk);
    AttributeValue encodingValue = item.get("payloadEncoding");
    String encoding =
        encodingValue == null || encodingValue.s() == null ? "identity" : encodingValue.s();
    byte[] raw =
        switch (encoding) {
          case "identity" -> stored;
          case "gzip" -> gunzip(stored);
          default -> throw new PayloadException("unknown payloadEncoding '" + encoding + "'");
        };
    AttributeValue size = item.get("payloadSize");
    if (size != null && size.n() != null && Long.parseLong(size.n()) != raw.length) {
      throw new PayloadException(
          "the payload decoded to "
              + raw.length
              + " bytes but payloadSize says "
              + size.n()
              + " (encoding "
              + encoding
              + ")");
    }
    return raw;
  }

  private static byte[] storedBytes(
      Map<String, AttributeValue> item, Function<String, Map<String, AttributeValue>> readChunk) {
    List<String> chunkKeys = chunkKeys(item);
    if (chunkKeys.isEmpty()) {
      return binary(item, "the item");
    }
    ByteArrayOutputStream joined = new ByteArrayOutputStream(chunkKeys.size() * 350 * 1024);
    for (String key : chunkKeys) {
      Map<String, AttributeValue> chunk = readChunk.apply(key);
      if (chunk == null) {
        throw new PayloadException(
            "chunk item '" + key + "' is missing (" + chunkKeys.size() + " expected)");
      }
      joined.writeBytes(binary(chunk, "chunk item '" + key + "'"));
    }
    return joined.toByteArray();
  }

  private static byte[] binary(Map<String, AttributeValue> item, String what) {
    AttributeValue payload = item.get("payload");
    if (payload == null || payload.b() == null) {
      throw new PayloadException(what + " has no binary 'payload' attribute");
    }
    return payload.b().asByteArray();
  }

  private static byte[] gunzip(byte[] stored) {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(stored))) {
      byte[] raw = in.readNBytes(MAX_RAW_BYTES + 1);
      if (raw.length > MAX_RAW_BYTES) {
        throw new PayloadException(
            "the gzip payload inflates to more than " + MAX_RAW_BYTES + " bytes");
      }
      return raw;
    } catch (IOException e) {
      throw new PayloadException("the gzip payload cannot be inflated: " + e.getMessage());
    }
  }

  /** The stored payload cannot be turned back into the raw event. */
  public static final class PayloadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PayloadException(String message) {
      super(message);
    }
  }
}

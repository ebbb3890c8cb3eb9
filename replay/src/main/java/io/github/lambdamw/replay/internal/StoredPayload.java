package io.github.lambdamw.replay.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads the raw event bytes back out of a stored item: the one place that knows how the agent stores payloads
 * (docs/contracts.md: {@code payload} B, {@code payloadEncoding} identity|gzip, {@code payloadSize} the raw size).
 *
 * <p>Should the agent one day split payloads over several items (chunks), reading them belongs here and only here.
 */
public final class StoredPayload {
  /** Lambda's synchronous payload limit; nothing larger can have been received, nor can be replayed. */
  static final int MAX_RAW_BYTES = 6 * 1024 * 1024;

  private StoredPayload() {}

  /** The raw event, byte for byte as the function received it; fails if the item does not say how to decode it. */
  public static byte[] read(Map<String, AttributeValue> item) {
    AttributeValue payload = item.get("payload");
    if (payload == null || payload.b() == null) {
      throw new PayloadException("the item has no binary 'payload' attribute");
    }
    AttributeValue encodingValue = item.get("payloadEncoding");
    String encoding = encodingValue == null || encodingValue.s() == null ? "identity" : encodingValue.s();
    byte[] stored = payload.b().asByteArray();
    byte[] raw =
        switch (encoding) {
          case "identity" -> stored;
          case "gzip" -> gunzip(stored);
          default -> throw new PayloadException("unknown payloadEncoding '" + encoding + "'");
        };
    AttributeValue size = item.get("payloadSize");
    if (size != null && size.n() != null && Long.parseLong(size.n()) != raw.length) {
      throw new PayloadException(
          "the payload decoded to " + raw.length + " bytes but payloadSize says " + size.n() + " (encoding " + encoding
              + ")");
    }
    return raw;
  }

  private static byte[] gunzip(byte[] stored) {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(stored))) {
      byte[] raw = in.readNBytes(MAX_RAW_BYTES + 1);
      if (raw.length > MAX_RAW_BYTES) {
        throw new PayloadException("the gzip payload inflates to more than " + MAX_RAW_BYTES + " bytes");
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

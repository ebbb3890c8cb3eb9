package io.github.lambdamw.replay.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class StoredPayloadTest {
  private static final byte[] RAW = "{\"order\":42,\"note\":\"caf\u00e9\"}".getBytes(StandardCharsets.UTF_8);

  private static Map<String, AttributeValue> item(byte[] stored, String encoding, Integer size) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("payload", AttributeValue.fromB(SdkBytes.fromByteArray(stored)));
    if (encoding != null) {
      item.put("payloadEncoding", AttributeValue.fromS(encoding));
    }
    if (size != null) {
      item.put("payloadSize", AttributeValue.fromN(size.toString()));
    }
    return item;
  }

  private static byte[] gzip(byte[] raw) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(raw);
    }
    return out.toByteArray();
  }

  @Test
  void anIdentityPayloadIsReturnedAsStored() {
    assertThat(StoredPayload.read(item(RAW, "identity", RAW.length))).isEqualTo(RAW);
  }

  @Test
  void aPayloadWithoutEncodingIsTakenAsIdentity() {
    assertThat(StoredPayload.read(item(RAW, null, null))).isEqualTo(RAW);
  }

  @Test
  void aGzipPayloadIsInflatedToTheRawBytes() throws Exception {
    assertThat(StoredPayload.read(item(gzip(RAW), "gzip", RAW.length))).isEqualTo(RAW);
  }

  @Test
  void aSizeMismatchIsRefusedRatherThanReplayedWrong() throws Exception {
    assertThatThrownBy(() -> StoredPayload.read(item(gzip(RAW), "gzip", RAW.length + 1)))
        .isInstanceOf(StoredPayload.PayloadException.class)
        .hasMessageContaining("payloadSize");
  }

  @Test
  void anUnknownEncodingIsRefused() {
    assertThatThrownBy(() -> StoredPayload.read(item(RAW, "zstd", RAW.length)))
        .isInstanceOf(StoredPayload.PayloadException.class)
        .hasMessageContaining("zstd");
  }

  @Test
  void aCorruptGzipPayloadIsRefused() {
    assertThatThrownBy(() -> StoredPayload.read(item(RAW, "gzip", RAW.length)))
        .isInstanceOf(StoredPayload.PayloadException.class)
        .hasMessageContaining("cannot be inflated");
  }
}

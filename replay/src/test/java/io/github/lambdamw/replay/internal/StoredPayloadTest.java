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
  private static final byte[] RAW =
      "{\"order\":42,\"note\":\"caf\u00e9\"}".getBytes(StandardCharsets.UTF_8);

  private static final java.util.function.Function<String, Map<String, AttributeValue>> NO_CHUNKS =
      key -> null;

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
    assertThat(StoredPayload.read(item(RAW, "identity", RAW.length), NO_CHUNKS)).isEqualTo(RAW);
  }

  @Test
  void aPayloadWithoutEncodingIsTakenAsIdentity() {
    assertThat(StoredPayload.read(item(RAW, null, null), NO_CHUNKS)).isEqualTo(RAW);
  }

  @Test
  void aGzipPayloadIsInflatedToTheRawBytes() throws Exception {
    assertThat(StoredPayload.read(item(gzip(RAW), "gzip", RAW.length), NO_CHUNKS)).isEqualTo(RAW);
  }

  @Test
  void chunkItemsAreJoinedInIndexOrderBeforeDecoding() throws Exception {
    byte[] stored = gzip(RAW);
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("requestId", AttributeValue.fromS("r1"));
    item.put("payloadChunks", AttributeValue.fromN("3"));
    item.put("payloadEncoding", AttributeValue.fromS("gzip"));
    item.put("payloadSize", AttributeValue.fromN(Integer.toString(RAW.length)));
    int third = stored.length / 3;
    Map<String, byte[]> chunks =
        Map.of(
            "r1#chunk#0000", java.util.Arrays.copyOfRange(stored, 0, third),
            "r1#chunk#0001", java.util.Arrays.copyOfRange(stored, third, 2 * third),
            "r1#chunk#0002", java.util.Arrays.copyOfRange(stored, 2 * third, stored.length));

    byte[] raw =
        StoredPayload.read(
            item,
            key ->
                Map.of("payload", AttributeValue.fromB(SdkBytes.fromByteArray(chunks.get(key)))));

    assertThat(raw).isEqualTo(RAW);
    assertThat(StoredPayload.chunkKeys(item))
        .containsExactly("r1#chunk#0000", "r1#chunk#0001", "r1#chunk#0002");
  }

  @Test
  void aSizeMismatchIsRefusedRatherThanReplayedWrong() throws Exception {
    assertThatThrownBy(() -> StoredPayload.read(item(gzip(RAW), "gzip", RAW.length + 1), NO_CHUNKS))
        .isInstanceOf(StoredPayload.PayloadException.class)
        .hasMessageContaining("payloadSize");
  }

  @Test
  void anUnknownEncodingIsRefused() {
    assertThatThrownBy(() -> StoredPayload.read(item(RAW, "zstd", RAW.length), NO_CHUNKS))
        .isInstanceOf(StoredPayload.PayloadException.class)
        .hasMessageContaining("zstd");
  }

  @Test
  void aCorruptGzipPayloadIsRefused() {
    assertThatThrownBy(() -> StoredPayload.read(item(RAW, "gzip", RAW.length), NO_CHUNKS))
        .isInstanceOf(StoredPayload.PayloadException.class)
        .hasMessageContaining("cannot be inflated");
  }
}

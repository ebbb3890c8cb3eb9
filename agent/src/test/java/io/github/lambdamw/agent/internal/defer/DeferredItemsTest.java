package io.github.lambdamw.agent.internal.defer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lambdamw.agent.internal.invocation.Invocation;
import io.github.lambdamw.window.WindowStatus;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class DeferredItemsTest {
  private static final Instant ARRIVED = Instant.parse("2026-12-01T02:30:00.123Z");
  private static final WindowStatus WINDOW =
      WindowStatus.open(
          Instant.parse("2026-12-01T02:00:00Z"),
          Instant.parse("2026-12-01T04:00:00Z"),
          Instant.parse("2026-12-01T04:00:00Z"),
          "upgrade",
          "2026-12-01T02:00:00Z/<2026-12-01T04:00:00Z");

  @Test
  void item_carriesKeysContextAndTheExactPayload() {
    byte[] payload = {1, 2, 3, (byte) 0xfe};
    WireItem item = mainItem("req-1", payload, 0);

    assertThat(item.s("functionName")).isEqualTo("fn");
    assertThat(item.s("requestId")).isEqualTo("req-1");
    assertThat(item.s("arrivalKey")).isEqualTo("1796092200123#req-1");
    assertThat(item.b("payload")).containsExactly(payload);
    assertThat(item.s("payloadEncoding")).isEqualTo("identity");
    assertThat(item.n("payloadSize")).isEqualTo("4");
    assertThat(item.s("windowEnd")).isEqualTo("2026-12-01T04:00:00Z");
    assertThat(item.s("windowReason")).isEqualTo("upgrade");
    assertThat(item.s("xrayTraceId")).isEqualTo("Root=1-x");
    assertThat(item.names()).doesNotContain("cognitoIdentity", "tenantId", "expiresAt");
  }

  @Test
  void largeCompressiblePayload_isStoredGzippedAndRestoresExactly() throws Exception {
    byte[] payload = "{\"k\":\"value\"}".repeat(10_000).getBytes(StandardCharsets.UTF_8);
    WireItem item = mainItem("r", payload, 0);

    assertThat(item.s("payloadEncoding")).isEqualTo("gzip");
    byte[] stored = item.b("payload");
    assertThat(stored.length).isLessThan(payload.length / 10);
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(stored))) {
      assertThat(in.readAllBytes()).isEqualTo(payload);
    }
    assertThat(item.n("payloadSize")).isEqualTo(Integer.toString(payload.length));
  }

  @Test
  void incompressiblePayload_isStoredAsIs() {
    byte[] payload = new byte[20_000];
    new java.util.Random(1).nextBytes(payload);

    WireItem item = mainItem("r", payload, 0);

    assertThat(item.s("payloadEncoding")).isEqualTo("identity");
    assertThat(Arrays.equals(item.b("payload"), payload)).isTrue();
  }

  @Test
  void payloadLargerThanAnItem_isSplitIntoChunksThatReassembleExactly() throws Exception {
    byte[] payload = new byte[1024 * 1024];
    new java.util.Random(7).nextBytes(payload);
    DeferredItems.StoredPayload stored = DeferredItems.StoredPayload.of(payload);

    WireItem item =
        WireItem.of(
            DeferredItems.item("fn", invocation("big", payload), stored, WINDOW, ARRIVED, 0));

    assertThat(item.names()).doesNotContain("payload");
    assertThat(item.n("payloadChunks")).isEqualTo("3");
    java.io.ByteArrayOutputStream joined = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < 3; i++) {
      WireItem chunk = WireItem.of(DeferredItems.chunk("fn", "big", stored, i, ARRIVED, 0));
      assertThat(chunk.s("requestId")).isEqualTo("big#chunk#000" + i);
      assertThat(chunk.names()).doesNotContain("arrivalKey");
      joined.writeBytes(chunk.b("payload"));
    }
    assertThat(joined.toByteArray()).isEqualTo(payload);
  }

  @Test
  void retention_setsTheTtlAttribute() {
    WireItem item = mainItem("r", new byte[0], 2);

    assertThat(item.n("expiresAt")).isEqualTo(Long.toString(ARRIVED.getEpochSecond() + 2 * 86_400));
  }

  @Test
  void arrivalKeys_sortAsTheirInstants() {
    String early = DeferredItems.arrivalKey(Instant.ofEpochMilli(999), "z");
    String late = DeferredItems.arrivalKey(Instant.ofEpochMilli(1_000), "a");

    assertThat(early).isLessThan(late);
  }

  /** The main item as the store sends it: payload prepared as the store prepares it. */
  private static WireItem mainItem(String id, byte[] payload, long retentionDays) {
    return WireItem.of(
        DeferredItems.item(
            "fn",
            invocation(id, payload),
            DeferredItems.StoredPayload.of(payload),
            WINDOW,
            ARRIVED,
            retentionDays));
  }

  private static Invocation invocation(String id, byte[] payload) {
    return new Invocation(id, "arn:fn", 1L, "Root=1-x", null, null, null, payload);
  }
}

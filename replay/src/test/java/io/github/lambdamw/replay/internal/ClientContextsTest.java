package io.github.lambdamw.replay.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientContextsTest {
  private static Map<String, Object> decode(String base64) throws Exception {
    return JSON.std.mapFrom(new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8));
  }

  @Test
  void theReplayKeysJoinTheOriginalCustomMapAndEverythingElseIsKept() throws Exception {
    String original =
        "{\"client\":{\"installation_id\":\"i-1\"},\"custom\":{\"a\":\"1\"},\"env\":{\"platform\":\"x\"}}";

    Map<String, Object> context =
        decode(ClientContexts.forReplay(original, "req-1", "2026-12-01T02:00:00Z"));

    assertThat(context)
        .containsEntry("client", Map.of("installation_id", "i-1"))
        .containsEntry("env", Map.of("platform", "x"))
        .containsEntry(
            "custom",
            Map.of(
                "a",
                "1",
                ClientContexts.ORIGINAL_REQUEST_ID,
                "req-1",
                ClientContexts.ARRIVED_AT,
                "2026-12-01T02:00:00Z"));
  }

  @Test
  void withoutAnOriginalContextOnlyTheReplayKeysAreSent() throws Exception {
    assertThat(decode(ClientContexts.forReplay(null, "req-2", null)))
        .isEqualTo(Map.of("custom", Map.of(ClientContexts.ORIGINAL_REQUEST_ID, "req-2")));
  }

  @Test
  void anOriginalThatIsNotAJsonObjectIsReplacedByTheReplayKeys() throws Exception {
    assertThat(decode(ClientContexts.forReplay("not json", "req-3", null)))
        .isEqualTo(Map.of("custom", Map.of(ClientContexts.ORIGINAL_REQUEST_ID, "req-3")));
  }

  @Test
  void aMergeBeyondLambdasLimitFallsBackToTheReplayKeys() throws Exception {
    String original = "{\"custom\":{\"big\":\"" + "x".repeat(4000) + "\"}}";

    String encoded = ClientContexts.forReplay(original, "req-4", null);

    assertThat(encoded.length()).isLessThanOrEqualTo(ClientContexts.MAX_BASE64_CHARS);
    assertThat(decode(encoded))
        .isEqualTo(Map.of("custom", Map.of(ClientContexts.ORIGINAL_REQUEST_ID, "req-4")));
  }
}

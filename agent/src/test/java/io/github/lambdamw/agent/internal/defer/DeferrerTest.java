package io.github.lambdamw.agent.internal.defer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lambdamw.agent.internal.QuietLog;
import io.github.lambdamw.window.WindowStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(QuietLog.class)
class DeferrerTest {

  @Test
  void answer_namesTheRequestAndTheWindowEnd() {
    WindowStatus window =
        WindowStatus.open(Instant.EPOCH, Instant.parse("2026-12-01T04:00:00Z"), null, null, "w");

    String body =
        new String(Deferrer.answer("req-\"1\"", window).toByteArray(), StandardCharsets.UTF_8);

    assertThat(body)
        .isEqualTo(
            "{\"deferred\":true,\"requestId\":\"req-\\\"1\\\"\",\"windowEnd\":\"2026-12-01T04:00:00Z\"}");
  }

  @Test
  void answer_forAnOpenEndedWindow_hasANullEndAndTheReason() {
    WindowStatus window = WindowStatus.open(Instant.EPOCH, null, null, "migration", "w");

    String body = new String(Deferrer.answer("r", window).toByteArray(), StandardCharsets.UTF_8);

    assertThat(body)
        .isEqualTo(
            "{\"deferred\":true,\"requestId\":\"r\",\"windowEnd\":null,\"reason\":\"migration\"}");
  }

  @Test
  void retriedRequest_isStoredOnceAndAnsweredBothTimes() {
    InMemoryDeferralStore store = new InMemoryDeferralStore();
    Deferrer deferrer = new Deferrer(store, "fn");
    WindowStatus window = WindowStatus.open(Instant.EPOCH, null, null, null, "w");
    var request =
        new com.amazonaws.services.lambda.runtime.api.client.runtimeapi.dto.InvocationRequest(
            "same", new byte[] {1});

    assertThat(deferrer.defer(request, window).toString()).contains("\"same\"");
    assertThat(deferrer.defer(request, window).toString()).contains("\"same\"");
    assertThat(store.stored).hasSize(1);
  }
}

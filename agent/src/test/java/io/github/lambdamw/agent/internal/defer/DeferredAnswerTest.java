package io.github.lambdamw.agent.internal.defer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lambdamw.agent.MaintenanceWindowOpenException;
import io.github.lambdamw.agent.internal.AgentConfig;
import io.github.lambdamw.agent.internal.QuietLog;
import io.github.lambdamw.window.WindowStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DeferredAnswerTest {
  private static final Instant START = Instant.parse("2026-12-01T02:00:00Z");
  private static final Instant END = Instant.parse("2026-12-01T04:00:00Z");
  private static final WindowStatus CLOSING =
      WindowStatus.open(START, END, END, "db \"upgrade\"", "w");
  private static final WindowStatus OPEN_ENDED = WindowStatus.open(START, null, null, null, "w");
  private static final String API_GATEWAY =
      "{\"statusCode\":503,\"headers\":{\"Retry-After\":\"${retryAfterSeconds}\"},"
          + "\"body\":\"down for maintenance until ${windowEnd}: ${reason} (${requestId})\"}";

  @RegisterExtension final QuietLog log = new QuietLog();

  @Test
  void unsetOrDefault_givesTheDefaultBody() {
    assertThat(DeferredAnswer.from(null, 60)).isSameAs(DeferredAnswer.DEFAULT);
    assertThat(DeferredAnswer.from(" default ", 60)).isSameAs(DeferredAnswer.DEFAULT);
    assertThat(body(DeferredAnswer.DEFAULT, "r1", CLOSING, START))
        .isEqualTo(
            "{\"deferred\":true,\"requestId\":\"r1\",\"windowEnd\":\"2026-12-01T04:00:00Z\","
                + "\"reason\":\"db \\\"upgrade\\\"\"}");
  }

  @Test
  void apiGatewayTemplate_isFilledWithEscapedValues() {
    DeferredAnswer answer = DeferredAnswer.from(API_GATEWAY, 60);

    assertThat(body(answer, "req\"1", CLOSING, START.plusSeconds(3599).plusMillis(1)))
        .isEqualTo(
            "{\"statusCode\":503,\"headers\":{\"Retry-After\":\"3601\"},"
                + "\"body\":\"down for maintenance until 2026-12-01T04:00:00Z: db \\\"upgrade\\\" (req\\\"1)\"}");
    assertThat(log.text()).isEmpty();
  }

  @Test
  void documentedApiGatewayExample_withANestedJsonBody_isAccepted() {
    String documented =
        "{\"statusCode\":503,\"headers\":{\"Retry-After\":\"${retryAfterSeconds}\",\"Content-Type\":"
            + "\"application/json\"},\"body\":\"{\\\"message\\\":\\\"down for maintenance until ${windowEnd}\\\"}\"}";

    DeferredAnswer answer = DeferredAnswer.from(documented, 60);

    assertThat(answer).hasToString("template");
    assertThat(body(answer, "r", CLOSING, END.minusSeconds(90)))
        .contains("\"Retry-After\":\"90\"")
        .contains("until 2026-12-01T04:00:00Z");
  }

  @Test
  void retryAfterSeconds_roundsUp_andIsNeverZero() {
    DeferredAnswer answer = DeferredAnswer.from("{\"retry\":${retryAfterSeconds}}", 60);

    assertThat(body(answer, "r", CLOSING, END.minusMillis(1500))).isEqualTo("{\"retry\":2}");
    assertThat(body(answer, "r", CLOSING, END)).isEqualTo("{\"retry\":1}");
  }

  @Test
  void openEndedWindow_fillsAnEmptyEnd_andTheRefreshIntervalAsRetryAfter() {
    DeferredAnswer answer = DeferredAnswer.from(API_GATEWAY, 300);

    assertThat(body(answer, "r", OPEN_ENDED, START))
        .isEqualTo(
            "{\"statusCode\":503,\"headers\":{\"Retry-After\":\"300\"},"
                + "\"body\":\"down for maintenance until :  (r)\"}");
  }

  @Test
  void errorMode_failsTheInvocation_namingTheEndReasonAndRequest() {
    DeferredAnswer answer = DeferredAnswer.from("error", 60);

    assertThatThrownBy(() -> answer.render("r-7", CLOSING, START.toEpochMilli()))
        .isInstanceOf(MaintenanceWindowOpenException.class)
        .hasMessage(
            "a maintenance window is open until 2026-12-01T04:00:00Z (db \"upgrade\"); the event of request r-7 is"
                + " stored and will be replayed after the window");
  }

  @Test
  void unknownPlaceholder_isLoggedOnce_andTheDefaultUsed() {
    assertThat(DeferredAnswer.from("{\"id\":\"${requestID}\"}", 60))
        .isSameAs(DeferredAnswer.DEFAULT);

    assertThat(log.text())
        .contains("MAINTENANCE_WINDOW_ANSWER has the unknown placeholder '${requestID}'")
        .contains("deferred invocations get the default answer");
  }

  @Test
  void placeholderOutsideAString_thatBreaksTheJson_isRejectedAtInit() {
    assertThat(DeferredAnswer.from("{\"end\":${windowEnd}}", 60)).isSameAs(DeferredAnswer.DEFAULT);

    assertThat(log.text()).contains("does not give valid JSON once filled in");
  }

  @Test
  void templateThatIsNotJson_isRejectedAtInit() {
    assertThat(DeferredAnswer.from("{\"statusCode\":503,}", 60)).isSameAs(DeferredAnswer.DEFAULT);
    assertThat(DeferredAnswer.from("[\"${reason\"]", 60)).isSameAs(DeferredAnswer.DEFAULT);

    assertThat(log.text()).contains("does not give valid JSON").contains("is never closed");
  }

  @Test
  void unknownWord_isRejectedAtInit() {
    assertThat(DeferredAnswer.from("503", 60)).isSameAs(DeferredAnswer.DEFAULT);

    assertThat(log.text())
        .contains("MAINTENANCE_WINDOW_ANSWER is not default, error, or a JSON template");
  }

  @Test
  void configuration_carriesTheSetting() {
    AgentConfig config =
        AgentConfig.from(Map.of(AgentConfig.ANSWER, "error", AgentConfig.REFRESH_SECONDS, "30"));

    assertThat(config.answer()).isEqualTo("error");
    assertThat(DeferredAnswer.from(config)).hasToString("error");
    assertThat(AgentConfig.from(Map.of()).answer()).isEqualTo("default");
  }

  @Test
  void errorMode_storesTheEventBeforeFailing() {
    InMemoryDeferralStore store = new InMemoryDeferralStore();
    Deferrer deferrer = new Deferrer(store, "fn", DeferredAnswer.from("error", 60));
    var request =
        new com.amazonaws.services.lambda.runtime.api.client.runtimeapi.dto.InvocationRequest(
            "id-1", new byte[] {1});

    assertThatThrownBy(() -> deferrer.defer(request, CLOSING))
        .isInstanceOf(MaintenanceWindowOpenException.class);
    assertThat(store.stored).hasSize(1);
  }

  @Test
  void templateMode_storesTheEventAndAnswersFromTheTemplate() {
    InMemoryDeferralStore store = new InMemoryDeferralStore();
    Deferrer deferrer =
        new Deferrer(store, "fn", DeferredAnswer.from("{\"id\":\"${requestId}\"}", 60));
    var request =
        new com.amazonaws.services.lambda.runtime.api.client.runtimeapi.dto.InvocationRequest(
            "id-2", new byte[] {1});

    assertThat(deferrer.defer(request, CLOSING).toString(StandardCharsets.UTF_8))
        .isEqualTo("{\"id\":\"id-2\"}");
    assertThat(store.stored).hasSize(1);
  }

  private static String body(
      DeferredAnswer answer, String requestId, WindowStatus window, Instant now) {
    return answer.render(requestId, window, now.toEpochMilli()).toString(StandardCharsets.UTF_8);
  }
}

package io.github.lambdamw.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplayFunctionHandlerTest {
  private static final Instant T0 = Instant.parse("2026-12-01T02:00:00Z");

  @Test
  void theHandlerReplaysWithItsEnvironmentAndAnswersWithTheCounts() throws Exception {
    try (Dynoxide dynoxide = Dynoxide.start();
        Rig rig = new Rig(dynoxide)) {
      for (int i = 0; i < 3; i++) {
        rig.table.defer(
            Rig.FUNCTION, Rig.requestId(), Payloads.json(i, 100, true), T0.plusMillis(i), null);
      }
      Map<String, String> env =
          Map.of(
              "TABLE",
              rig.table.tableName(),
              "FUNCTION",
              Rig.FUNCTION,
              "PARAMETER",
              Rig.PARAMETER,
              "SETTLE_SECONDS",
              "0");
      ReplayFunctionHandler handler = new ReplayFunctionHandler(env, rig.clients(false));

      rig.ssmServer.put(Rig.PARAMETER, Rig.OPEN_WINDOW);
      Map<String, Object> refused = handler.handleRequest(Map.of(), null);
      rig.ssmServer.put(Rig.PARAMETER, Rig.CLOSED_WINDOW);
      Map<String, Object> limited = handler.handleRequest(Map.of("limit", 2), null);
      Map<String, Object> rest = handler.handleRequest(Map.of(), null);

      assertThat(refused).containsEntry("status", "refused");
      assertThat((String) refused.get("reason")).contains("window is open");
      assertThat(limited)
          .containsEntry("status", "done")
          .containsEntry("replayed", 2L)
          .containsEntry("left", 1L);
      assertThat(rest)
          .containsEntry("status", "done")
          .containsEntry("replayed", 1L)
          .containsEntry("left", 0L);
      assertThat(rig.lambdaServer.received()).hasSize(3);
    }
  }
}

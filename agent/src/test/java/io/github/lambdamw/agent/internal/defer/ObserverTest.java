package io.github.lambdamw.agent.internal.defer;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.api.client.runtimeapi.dto.InvocationRequest;
import io.github.lambdamw.agent.internal.AgentConfig.ReadErrorMode;
import io.github.lambdamw.agent.internal.gate.Gate;
import io.github.lambdamw.agent.internal.gate.WindowCache;
import io.github.lambdamw.agent.internal.gate.WindowSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The gate with an observer: an observed window lets the handler run, stores nothing, logs and
 * counts once.
 */
class ObserverTest {
  private static final String OPEN =
      "{\"windows\":[{\"start\":\"2020-01-01T00:00:00Z\",\"end\":\"2999-01-01T00:00:00Z\"%s}]}";

  private final InMemoryDeferralStore store = new InMemoryDeferralStore();

  @AfterEach
  void uninstall() {
    Gate.install(null);
  }

  private String dispatch(String value, boolean observeAll, String requestId) {
    WindowSource source =
        new WindowSource() {
          @Override
          public String read() {
            return value;
          }

          @Override
          public String describe() {
            return "test value";
          }
        };
    Gate.install(
        new Gate(
            new WindowCache(source, 60_000, ReadErrorMode.RUN_HANDLER),
            new Deferrer(store, "fn"),
            new Observer("fn", observeAll)));
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      ByteArrayOutputStream answer =
          Gate.beforeDispatch(new InvocationRequest(requestId, "secret".getBytes()));
      return (answer == null ? "RUN-HANDLER\n" : "DEFERRED\n")
          + out.toString(StandardCharsets.UTF_8);
    } finally {
      System.setOut(original);
    }
  }

  @Test
  void anObservedWindow_runsTheHandler_storesNothing_andWritesOneLineAndOneRecord() {
    String printed = dispatch(String.format(OPEN, ",\"mode\":\"observe\""), false, "req-1");

    assertThat(printed.lines().toList())
        .containsExactly(
            "RUN-HANDLER",
            "maintenance-window INFO read the window from test value: [2020-01-01T00:00:00Z/<2999-01-01T00:00:00Z"
                + " (observe)], now observing 2020-01-01T00:00:00Z/<2999-01-01T00:00:00Z (observe) until"
                + " 2999-01-01T00:00:00Z",
            "maintenance-window INFO observe mode: would defer invocation req-1 of fn (window"
                + " 2020-01-01T00:00:00Z/<2999-01-01T00:00:00Z (observe), ends 2999-01-01T00:00:00Z); the handler runs",
            printed.lines().toList().get(3));
    assertThat(printed.lines().toList().get(3))
        .startsWith("{\"_aws\"")
        .endsWith("\"WouldDeferInvocations\":1}");
    assertThat(printed).doesNotContain("secret");
    assertThat(store.stored).isEmpty();
  }

  @Test
  void aFunctionInObserveMode_observesAnEnforcedWindow() {
    String printed = dispatch(String.format(OPEN, ""), true, "req-2");

    assertThat(printed).startsWith("RUN-HANDLER").contains("would defer invocation req-2");
    assertThat(store.stored).isEmpty();
  }

  @Test
  void anEnforcedWindow_defers() {
    String printed = dispatch(String.format(OPEN, ""), false, "req-3");

    assertThat(printed).startsWith("DEFERRED").doesNotContain("would defer");
    assertThat(store.stored).hasSize(1);
  }
}

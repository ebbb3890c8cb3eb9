package io.github.lambdamw.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(QuietLog.class)
class AgentConfigTest {

  @Test
  void theReadBudgets_defaultToFiveSecondsAtInit_andAMinuteInAnInvocation() {
    AgentConfig config = AgentConfig.from(Map.of());

    assertThat(config.initReadBudgetMillis()).isEqualTo(5_000);
    assertThat(config.invokeReadBudgetMillis()).isEqualTo(60_000);
  }

  @Test
  void theReadBudgets_areReadFromTheEnvironment_andZeroMeansNoWait() {
    AgentConfig config =
        AgentConfig.from(
            Map.of(
                "MAINTENANCE_WINDOW_INIT_READ_BUDGET_MILLIS", "2500",
                "MAINTENANCE_WINDOW_INVOKE_READ_BUDGET_MILLIS", "0"));

    assertThat(config.initReadBudgetMillis()).isEqualTo(2_500);
    assertThat(config.invokeReadBudgetMillis()).isZero();
  }

  @Test
  void aMalformedBudget_fallsBackToItsDefault() {
    AgentConfig config =
        AgentConfig.from(Map.of("MAINTENANCE_WINDOW_INVOKE_READ_BUDGET_MILLIS", "-1"));

    assertThat(config.invokeReadBudgetMillis()).isEqualTo(60_000);
  }

  @Test
  void theTlsContext_isMadeAhead_unlessABenchmarkSaysFalse() {
    assertThat(AgentConfig.from(Map.of()).tlsAhead()).isTrue();
    assertThat(AgentConfig.from(Map.of("MAINTENANCE_WINDOW_TLS_AHEAD", "yes")).tlsAhead()).isTrue();
    assertThat(AgentConfig.from(Map.of("MAINTENANCE_WINDOW_TLS_AHEAD", "FALSE")).tlsAhead())
        .isFalse();
  }
}

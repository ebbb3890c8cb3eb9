package io.github.lambdamw.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * MAINTENANCE_WINDOW_MODE: enforce by default; a value that is not a mode enforces, never silently
 * rehearses.
 */
@ExtendWith(QuietLog.class)
class AgentConfigModeTest {

  @Test
  void unset_enforces() {
    assertThat(AgentConfig.from(Map.of()).observeOnly()).isFalse();
  }

  @Test
  void observe_inAnyCase_observes() {
    assertThat(AgentConfig.from(Map.of(AgentConfig.MODE, " Observe ")).observeOnly()).isTrue();
  }

  @Test
  void enforce_enforces() {
    assertThat(AgentConfig.from(Map.of(AgentConfig.MODE, "enforce")).observeOnly()).isFalse();
  }

  @Test
  void aTypo_enforces() {
    assertThat(AgentConfig.from(Map.of(AgentConfig.MODE, "observ")).observeOnly()).isFalse();
  }
}

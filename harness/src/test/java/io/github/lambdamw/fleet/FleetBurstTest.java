package io.github.lambdamw.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Issue 12 item 4: a burst of 1,000 execution environments against SSM's default quota (40 reads per second, burst
 * 40), cold-started within 5 s while a window is open. With the agent's default settings no handler may run.
 * Figures and how to rerun: docs/fidelity.md, "A fleet burst against SSM's quota".
 */
class FleetBurstTest {

  @Test
  void aThousandEnvironmentsStartedWithinFiveSeconds_inAnOpenWindow_runNoHandler() throws Exception {
    FleetSimulation.Result result = FleetSimulation.run(FleetSimulation.Scenario.thousandInFiveSeconds());
    System.out.println("[fleet] " + result.summary());
    System.out.println("[fleet] SSM calls per second (answered+throttled): " + result.timeline());
    java.nio.file.Files.writeString(java.nio.file.Path.of("target", "fleet-agent.log"), result.agentLog());

    assertThat(result.unfinished()).as("environments without a decision").isZero();
    assertThat(result.handlerRan()).as("handlers run while the window is open").isZero();
    assertThat(result.deferred()).isEqualTo(1_000);
    assertThat(result.wrongDecisions()).isZero();
    // The quota was the bottleneck, and the back-off kept the throttled calls within bounds.
    assertThat(result.ssmCalls().stream().mapToInt(s -> s.answered()).max().orElse(0)).isLessThanOrEqualTo(80);
  }
}

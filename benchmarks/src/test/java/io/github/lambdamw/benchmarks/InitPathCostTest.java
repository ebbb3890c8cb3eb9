package io.github.lambdamw.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class InitPathCostTest {
  private static final String PROBE = "io.github.lambdamw.benchmarks.probes.InitPathProbe";

  @Test
  void countsOnlyTheClassesLoadedBetweenTheTwoMarks() {
    List<String> log =
        List.of(
            "[0.010s][info][class,load] java.lang.Object source: shared objects file",
            "[0.050s][info][class,load] " + PROBE + "$Before source: file:/probes/",
            "[0.051s][info][class,load] java.math.BigDecimal source: jrt:/java.base",
            "[0.052s][info][class,load] java.math.BigInteger source: shared objects file",
            "[0.060s][info][class,load] " + PROBE + "$After source: file:/probes/",
            "[0.070s][info][class,load] java.util.Formatter source: shared objects file");

    assertThat(InitPathCost.classesBetweenMarks(log, "log")).isEqualTo(2);
  }

  @Test
  void aLogWithoutBothMarksIsAnError() {
    List<String> afterOnly =
        List.of("[0.060s][info][class,load] " + PROBE + "$After source: file:/probes/");

    assertThatThrownBy(() -> InitPathCost.classesBetweenMarks(afterOnly, "the log"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the log");
    assertThatThrownBy(() -> InitPathCost.classesBetweenMarks(List.of(), "empty"))
        .isInstanceOf(IllegalStateException.class);
  }
}

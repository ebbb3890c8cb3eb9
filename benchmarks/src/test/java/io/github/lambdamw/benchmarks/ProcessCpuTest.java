package io.github.lambdamw.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessCpuTest {
  @Test
  void userAndSystemTicksOfTheStatLine_evenWithSpacesAndBracketsInTheCommand() {
    String stat =
        "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 9000 0 12 0 "
            + "57 13 0 0 20 0 19 0 123456 3000000000 20000 18446744073709551615";

    assertThat(ProcessCpu.millisOf(stat)).isEqualTo(700.0);
  }

  @Test
  void thisProcessHasUsedSomeCpu() {
    assertThat(ProcessCpu.millis(ProcessHandle.current().pid())).isPositive();
  }
}

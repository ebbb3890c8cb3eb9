package io.github.lambdamw.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ColdStartSummaryTest {
  @TempDir Path dir;

  @Test
  void aRowPerFunctionVariantAndCpuCount_withTheRatiosOfTheMediansAndTheMedianOfThePerRoundRatios()
      throws Exception {
    Path jdk17 =
        write(
            "cold-start-https-jdk17-1cpu.csv",
            "round,function,variant,first_response_ms",
            "0,sample,none,400.0",
            "0,sample,agent,800.0",
            "1,sample,none,500.0",
            "1,sample,agent,900.0",
            "2,sample,none,600.0",
            "2,sample,agent,1500.0");
    Path jdk25 =
        write(
            "cold-start-https-jdk25-1cpu.csv",
            "round,function,variant,first_response_ms,cpu_ms",
            "0,sample,none,1000.0,600",
            "0,sample,agent,1100.0,900");

    String summary = ColdStartSummary.summary("cold start, https", List.of(jdk17, jdk25));

    // JDK 17: medians 500 → 900 (1.80); per-round ratios 2.00, 1.80, 2.50, median 2.00; no CPU.
    // JDK 25: 1000 → 1100, CPU 600 → 900.
    assertThat(summary)
        .contains("### cold start, https: first response")
        .contains(
            "| function | variant | CPUs | JDK 17: none → variant, ms | ratio | CPU ratio |"
                + " JDK 25: none → variant, ms | ratio | CPU ratio |")
        .contains(
            "| sample | agent | 1 | 500 → 900 | **1.80** (2.00) | – |"
                + " 1000 → 1100 | **1.10** (1.10) | 1.50 |")
        .doesNotContain("| sample | none |");
  }

  @Test
  void theHeadlineTableHasACellPerCpuCountWithTheRatioOfEveryJdk() throws Exception {
    Path jdk17 =
        write(
            "cold-start-https-jdk17-1cpu.csv",
            "round,function,variant,first_response_ms",
            "0,realistic,none,1000.0",
            "0,realistic,agent,1100.0");
    Path jdk25 =
        write(
            "cold-start-https-jdk25-1cpu.csv",
            "round,function,variant,first_response_ms",
            "0,realistic,none,1000.0",
            "0,realistic,agent,1050.0");
    Path jdk17on2 =
        write(
            "cold-start-https-jdk17-2cpu.csv",
            "round,function,variant,first_response_ms",
            "0,realistic,none,1000.0",
            "0,realistic,agent,950.0");

    assertThat(ColdStartSummary.summary("t", List.of(jdk17, jdk25, jdk17on2)))
        .contains("Ratio of medians, guarded / unguarded, JDK 17 / 25:")
        .contains("| function | 1 CPU | 2 CPUs |")
        .contains("| realistic | 1.10 / 1.05 | 0.95 / – |");
  }

  @Test
  void aJdkWithoutThatRunShowsDashes() throws Exception {
    Path jdk17 =
        write(
            "cold-start-https-jdk17-2cpu.csv",
            "round,function,variant,first_response_ms",
            "0,realistic,none,400.0",
            "0,realistic,agent,400.0");
    Path jdk25 =
        write(
            "cold-start-https-jdk25-1cpu.csv",
            "round,function,variant,first_response_ms",
            "0,realistic,none,400.0",
            "0,realistic,agent,440.0");

    assertThat(ColdStartSummary.summary("t", List.of(jdk17, jdk25)))
        .contains("| realistic | agent | 1 | – | – | – | 400 → 440 | **1.10** (1.10) | – |")
        .contains("| realistic | agent | 2 | 400 → 400 | **1.00** (1.00) | – | – | – | – |");
  }

  @Test
  void aFileNotNamedByJdkAndCpusIsRefused() throws Exception {
    Path file = write("results.csv", "round,function,variant,first_response_ms");

    assertThatThrownBy(() -> ColdStartSummary.summary("t", List.of(file)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("results.csv");
  }

  private Path write(String name, String... lines) throws Exception {
    return Files.write(dir.resolve(name), List.of(lines));
  }
}

package io.github.lambdamw.harness.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FunctionLogTest {

  @Test
  void handlerMessagesWithoutLineEnds_areCutWhereTheNextWriterStarts() {
    List<String> lines =
        List.of(
            "maintenance-window INFO read the window from SSM parameter 'p': [], now closed",
            "scheduled job ran at T1 with event {a=1, b={}}maintenance-window INFO the window in"
                + " SSM parameter 'p' changed: open",
            "scheduled job ran at T2 with event {}scheduled job ran at T3 with event {c=[x]}");

    assertThat(FunctionLog.records(lines, FunctionLog.HANDLER))
        .containsExactly(
            "scheduled job ran at T1 with event {a=1, b={}}",
            "scheduled job ran at T2 with event {}",
            "scheduled job ran at T3 with event {c=[x]}");
    assertThat(FunctionLog.records(lines, FunctionLog.WINDOW_CHANGED))
        .containsExactly("maintenance-window INFO the window in SSM parameter 'p' changed: open");
  }
}

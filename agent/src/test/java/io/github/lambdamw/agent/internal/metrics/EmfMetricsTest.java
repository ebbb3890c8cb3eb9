package io.github.lambdamw.agent.internal.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lambdamw.window.internal.JsonReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmfMetricsTest {

  @Test
  @SuppressWarnings("unchecked")
  void aRecord_hasTheDocumentedStructure_withTheValueAndDimensionAtTopLevel() throws Exception {
    String line =
        new EmfMetrics("orders").record(EmfMetrics.DEFERRAL_FAILURES, 1, 1_700_000_000_123L);

    Map<String, Object> root = (Map<String, Object>) JsonReader.read(line);
    Map<String, Object> aws = (Map<String, Object>) root.get("_aws");
    assertThat(((Number) aws.get("Timestamp")).longValue()).isEqualTo(1_700_000_000_123L);
    List<Object> directives = (List<Object>) aws.get("CloudWatchMetrics");
    assertThat(directives).hasSize(1);
    Map<String, Object> directive = (Map<String, Object>) directives.get(0);
    assertThat(directive.get("Namespace")).isEqualTo("MaintenanceWindow");
    assertThat(directive.get("Dimensions")).isEqualTo(List.of(List.of("FunctionName")));
    assertThat(directive.get("Metrics"))
        .isEqualTo(List.of(Map.of("Name", "DeferralFailures", "Unit", "Count")));
    assertThat(root.get("FunctionName")).isEqualTo("orders");
    assertThat(((Number) root.get("DeferralFailures")).longValue()).isEqualTo(1);
    assertThat(line).doesNotContain("\n");
  }

  @Test
  void aFunctionNameWithQuotes_isEscaped() throws Exception {
    String line = new EmfMetrics("a\"b").record(EmfMetrics.WINDOW_READ_FAILURES, 1, 0);

    assertThat(((Map<?, ?>) JsonReader.read(line)).get("FunctionName")).isEqualTo("a\"b");
  }

  @Test
  void count_printsOneLine_andTheSilentInstancePrintsNothing() {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      new EmfMetrics("fn").count(EmfMetrics.WOULD_DEFER_INVOCATIONS);
      EmfMetrics.silent().count(EmfMetrics.WOULD_DEFER_INVOCATIONS);
    } finally {
      System.setOut(original);
    }

    assertThat(out.toString(StandardCharsets.UTF_8).lines().toList())
        .singleElement()
        .satisfies(line -> assertThat(line).contains("\"WouldDeferInvocations\":1"));
  }
}

package io.github.lambdamw.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Finds CloudWatch embedded-metric-format records in a function's log and checks each against the
 * structure CloudWatch documents (docs: "Specification: Embedded metric format"): a root object
 * with {@code _aws.Timestamp} (epoch millis), {@code _aws.CloudWatchMetrics} an array of {@code
 * {Namespace, Dimensions: [[…]], Metrics: [{Name, Unit}]}}, and every dimension and metric named
 * there as a top-level member of the root.
 */
final class EmfRecords {
  static final String NAMESPACE = "MaintenanceWindow";

  private EmfRecords() {}

  /**
   * The records in {@code lines} that emit {@code metric}, each checked to be valid EMF for {@code
   * functionName}.
   */
  static List<Map<String, Object>> of(List<String> lines, String metric, String functionName) {
    return lines.stream()
        .filter(
            line -> line.startsWith("{\"_aws\"") && line.contains("\"Name\":\"" + metric + "\""))
        .map(line -> validCount(line, metric, functionName))
        .toList();
  }

  /** How many records of {@code metric} are in {@code lines}, each checked. */
  static int count(List<String> lines, String metric, String functionName) {
    return of(lines, metric, functionName).size();
  }

  /**
   * {@code line} checked against the EMF structure, with the dimension {@code FunctionName =
   * functionName}.
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> valid(String line, String metric, String functionName) {
    Map<String, Object> root;
    try {
      root = JSON.std.mapFrom(line);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + line, e);
    }
    assertThat(root).as(line).containsKey("_aws");
    Map<String, Object> aws = (Map<String, Object>) root.get("_aws");
    assertThat(aws.get("Timestamp")).as("_aws.Timestamp of " + line).isInstanceOf(Number.class);
    long timestamp = ((Number) aws.get("Timestamp")).longValue();
    assertThat(timestamp)
        .as("epoch millis, within a minute of now")
        .isBetween(System.currentTimeMillis() - 600_000, System.currentTimeMillis() + 60_000);
    List<Object> directives = (List<Object>) aws.get("CloudWatchMetrics");
    assertThat(directives).as("_aws.CloudWatchMetrics of " + line).isNotEmpty();
    for (Object d : directives) {
      Map<String, Object> directive = (Map<String, Object>) d;
      assertThat(directive.get("Namespace")).isEqualTo(NAMESPACE);
      List<List<String>> dimensionSets = (List<List<String>>) directive.get("Dimensions");
      assertThat(dimensionSets).isEqualTo(List.of(List.of("FunctionName")));
      List<Map<String, Object>> metrics = (List<Map<String, Object>>) directive.get("Metrics");
      assertThat(metrics).isNotEmpty();
      for (Map<String, Object> definition : metrics) {
        assertThat(definition.get("Name")).isInstanceOf(String.class);
        assertThat(definition.get("Unit")).isEqualTo("Count");
        assertThat(root.get((String) definition.get("Name")))
            .as("the value of " + definition.get("Name") + " at top level")
            .isInstanceOf(Number.class);
      }
    }
    assertThat(root.get("FunctionName")).isEqualTo(functionName);
    return root;
  }

  /** A record of the agent's: {@code metric} = 1 and nothing else (no payload). */
  static Map<String, Object> validCount(String line, String metric, String functionName) {
    Map<String, Object> root = valid(line, metric, functionName);
    assertThat(((Number) root.get(metric)).longValue()).isEqualTo(1);
    assertThat(root.keySet())
        .as("no payload or other member")
        .containsExactlyInAnyOrder("_aws", "FunctionName", metric);
    return root;
  }

  /**
   * The records of a replay run (several metrics in one record) that name {@code metric}, each
   * checked.
   */
  static List<Map<String, Object>> ofRun(List<String> lines, String metric, String functionName) {
    return lines.stream()
        .filter(
            line -> line.startsWith("{\"_aws\"") && line.contains("\"Name\":\"" + metric + "\""))
        .map(line -> valid(line, metric, functionName))
        .toList();
  }
}

package io.github.lambdamw.replay.internal;

import com.fasterxml.jackson.jr.ob.JSON;
import io.github.lambdamw.replay.ReplaySummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The counts of one replay run as one CloudWatch embedded-metric-format record (namespace {@code
 * MaintenanceWindow}, dimension {@code FunctionName}: the replayed function, unit Count): {@code
 * Replayed}, {@code ReplayFailed}, {@code ReplayUncertain} and {@code ReplayLeft}. Printed by the
 * replay function, where Lambda turns it into metrics; the construct's {@code ReplayFailed} alarm
 * and dashboard read them.
 */
public final class ReplayMetrics {
  public static final String NAMESPACE = "MaintenanceWindow";

  private ReplayMetrics() {}

  /** The record of {@code summary} for {@code functionName} at {@code epochMillis}, on one line. */
  public static String record(String functionName, ReplaySummary summary, long epochMillis) {
    Map<String, Long> values = new LinkedHashMap<>();
    values.put("Replayed", summary.replayed());
    values.put("ReplayFailed", summary.failed());
    values.put("ReplayUncertain", summary.uncertain());
    values.put("ReplayLeft", summary.left());
    List<Map<String, String>> definitions = new ArrayList<>();
    for (String name : values.keySet()) {
      Map<String, String> definition = new LinkedHashMap<>(); // Name first, as people read it
      definition.put("Name", name);
      definition.put("Unit", "Count");
      definitions.add(definition);
    }
    Map<String, Object> directive = new LinkedHashMap<>();
    directive.put("Namespace", NAMESPACE);
    directive.put("Dimensions", List.of(List.of("FunctionName")));
    directive.put("Metrics", definitions);
    Map<String, Object> aws = new LinkedHashMap<>();
    aws.put("Timestamp", epochMillis);
    aws.put("CloudWatchMetrics", List.of(directive));
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("_aws", aws);
    root.put("FunctionName", functionName);
    root.putAll(values);
    try {
      return JSON.std.asString(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package io.github.lambdamw.harness.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * Records of a function's log, found by how they start. The runtime interface client writes {@code
 * context.getLogger().log(…)} without a line end: on Lambda each call is one framed record, but on
 * plain stdout a message runs into whatever the process writes next (the agent's next line, the
 * handler's next message) and its line is complete only then. A record is cut where the next
 * writer's output starts.
 */
final class FunctionLog {

  /** How the sample handler's message starts (ScheduledJobHandler). */
  static final String HANDLER = "scheduled job ran at ";

  /** How the agent's line starts when it reads a new window value (AgentLog, WindowCache). */
  static final String WINDOW_CHANGED = "maintenance-window INFO the window in ";

  /** How the agent's line starts for an invocation an observed window would defer (Observer). */
  static final String WOULD_DEFER = "maintenance-window INFO observe mode: would defer invocation ";

  /** How a metric record (CloudWatch embedded metric format) starts (EmfMetrics). */
  static final String METRICS = "{\"_aws\"";

  /** How the output of the writers in a function's process starts: handler, agent, metrics. */
  private static final String[] WRITERS = {HANDLER, "maintenance-window ", METRICS};

  private FunctionLog() {}

  /** The records in {@code lines} that start with {@code start}, in order. */
  static List<String> records(List<String> lines, String start) {
    List<String> records = new ArrayList<>();
    for (String line : lines) {
      int at = line.indexOf(start);
      while (at >= 0) {
        int end = nextWriter(line, at + start.length());
        records.add(line.substring(at, end).strip());
        at = line.indexOf(start, end);
      }
    }
    return records;
  }

  private static int nextWriter(String line, int from) {
    int end = line.length();
    for (String writer : WRITERS) {
      int at = line.indexOf(writer, from);
      if (at >= 0 && at < end) {
        end = at;
      }
    }
    return end;
  }
}

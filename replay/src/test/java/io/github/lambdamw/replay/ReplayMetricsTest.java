package io.github.lambdamw.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import io.github.lambdamw.replay.LocalInvokeApiStandIn.Answer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The replay function's metrics: one embedded-metric record per run (not per item), by the replayed
 * function's name, with the run's counts; none for a refused run or a dry run. Against dynoxide and
 * the Invoke API stand-in.
 */
class ReplayMetricsTest {
  private static final Instant T0 = Instant.parse("2026-12-01T02:00:00Z");

  @Test
  @SuppressWarnings("unchecked")
  void eachRun_printsOneValidEmfRecordWithItsCounts_andARefusedOrDryRunPrintsNone()
      throws Exception {
    try (Dynoxide dynoxide = Dynoxide.start();
        Rig rig = new Rig(dynoxide)) {
      for (int i = 0; i < 4; i++) {
        rig.table.defer(
            Rig.FUNCTION, Rig.requestId(), Payloads.json(i, 100, true), T0.plusMillis(i), null);
      }
      rig.lambdaServer.behave(
          r ->
              new String(r.payload(), StandardCharsets.US_ASCII).startsWith("{\"n\":2,")
                  ? Answer.functionFails("cannot book order 2")
                  : Answer.ok());
      Map<String, String> env =
          Map.of(
              "TABLE",
              rig.table.tableName(),
              "FUNCTION",
              Rig.FUNCTION,
              "PARAMETER",
              Rig.PARAMETER,
              "SETTLE_SECONDS",
              "0");
      ReplayFunctionHandler handler = new ReplayFunctionHandler(env, rig.clients(true));

      rig.ssmServer.put(Rig.PARAMETER, Rig.OPEN_WINDOW);
      List<String> refused = printed(() -> handler.handleRequest(Map.of(), null));
      rig.ssmServer.put(Rig.PARAMETER, Rig.CLOSED_WINDOW);
      List<String> dryRun = printed(() -> handler.handleRequest(Map.of("dryRun", true), null));
      List<String> run = printed(() -> handler.handleRequest(Map.of("sync", true), null));

      assertThat(refused).noneMatch(line -> line.contains("\"_aws\""));
      assertThat(dryRun).noneMatch(line -> line.contains("\"_aws\""));
      List<String> records = run.stream().filter(line -> line.startsWith("{\"_aws\"")).toList();
      assertThat(records).hasSize(1);
      Map<String, Object> root = JSON.std.mapFrom(records.get(0));
      Map<String, Object> aws = (Map<String, Object>) root.get("_aws");
      assertThat(((Number) aws.get("Timestamp")).longValue())
          .isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(60_000L));
      Map<String, Object> directive =
          (Map<String, Object>) ((List<Object>) aws.get("CloudWatchMetrics")).get(0);
      assertThat(directive.get("Namespace")).isEqualTo("MaintenanceWindow");
      assertThat(directive.get("Dimensions")).isEqualTo(List.of(List.of("FunctionName")));
      assertThat(directive.get("Metrics"))
          .isEqualTo(
              List.of(
                  Map.of("Name", "Replayed", "Unit", "Count"),
                  Map.of("Name", "ReplayFailed", "Unit", "Count"),
                  Map.of("Name", "ReplayUncertain", "Unit", "Count"),
                  Map.of("Name", "ReplayLeft", "Unit", "Count")));
      assertThat(root)
          .containsEntry("FunctionName", Rig.FUNCTION)
          .containsEntry("Replayed", 3)
          .containsEntry("ReplayFailed", 1)
          .containsEntry("ReplayUncertain", 0)
          .containsEntry("ReplayLeft", 1)
          .hasSize(6);
    }
  }

  /**
   * The lines {@code action} prints on System.out, as the replay function's log would hold them.
   */
  private static List<String> printed(Runnable action) {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setOut(original);
    }
    return out.toString(StandardCharsets.UTF_8).lines().toList();
  }
}

package io.github.lambdamw.e2e;

import static io.github.lambdamw.e2e.GuardedFunctions.CLOSED;
import static io.github.lambdamw.e2e.GuardedFunctions.HANDLERS;
import static io.github.lambdamw.e2e.GuardedFunctions.OPEN;
import static io.github.lambdamw.e2e.GuardedFunctions.PARAMETER;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lambdamw.harness.Harness;
import io.github.lambdamw.harness.dynamodb.DeferralTable;
import io.github.lambdamw.harness.function.BuiltArtifacts;
import io.github.lambdamw.harness.function.JavaHome;
import io.github.lambdamw.harness.function.LambdaFunction;
import io.github.lambdamw.harness.function.RuntimeClients;
import io.github.lambdamw.harness.runtimeapi.InvokeResult;
import io.github.lambdamw.harness.runtimeapi.LocalLambda;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The replay function's metrics: its deployment jar runs under the real runtime client, replays
 * what the agent deferred into the guarded function through the Invoke API, and prints one valid
 * EMF record per run with the run's counts, by the guarded function's name.
 */
class ReplayMetricsTest {
  private static final String TARGET = "checkout";

  @TempDir Path temp;

  @Test
  void aReplayRun_isOneRecordOfReplayedFailedUncertainAndLeft_byTheGuardedFunctionsName()
      throws Exception {
    try (Harness harness = Harness.start();
        DynamoDbClient dynamoDb = GuardedFunctions.dynamoDb(harness)) {
      DeferralTable.create(dynamoDb, GuardedFunctions.TABLE);
      harness.ssm().put(PARAMETER, OPEN);
      LocalLambda target = harness.lambda(TARGET, Duration.ofSeconds(20));
      GuardedFunctions.guarded(
          harness,
          target,
          JavaHome.OPENJDK_17,
          RuntimeClients.CURRENT,
          HANDLERS + "RecordingHandler",
          Map.of(
              "TEST_RUN_LOG",
              temp.resolve("runs.log").toString(),
              "MAINTENANCE_WINDOW_REFRESH_SECONDS",
              "1"));
      for (String event : List.of("{\"n\":1}", "{\"n\":2,\"fail\":true}", "{\"n\":3}")) {
        assertThat(target.invoke(event.getBytes(StandardCharsets.UTF_8)).payloadUtf8())
            .contains("\"deferred\":true");
      }
      harness.ssm().put(PARAMETER, CLOSED);
      Thread.sleep(1_100);

      LocalLambda replayLambda = harness.lambda("checkout-replay", Duration.ofSeconds(60));
      LambdaFunction replay =
          harness.track(
              harness
                  .function(replayLambda)
                  .withJavaHome(JavaHome.TEMURIN_25)
                  .withRuntimeClient(RuntimeClients.CURRENT)
                  .withHandler("io.github.lambdamw.replay.ReplayFunctionHandler::handleRequest")
                  .withFunctionJar(BuiltArtifacts.replayFunctionJar())
                  .withEnv("FUNCTION", TARGET)
                  .withEnv("TABLE", GuardedFunctions.TABLE)
                  .withEnv("PARAMETER", PARAMETER)
                  .withEnv("SETTLE_SECONDS", "0")
                  .withEnv("AWS_ENDPOINT_URL_LAMBDA", target.endpoint().toString())
                  .start()
                  .awaitReady(GuardedFunctions.READY));

      InvokeResult answer = replayLambda.invoke("{\"sync\":true}".getBytes(StandardCharsets.UTF_8));

      assertThat(answer.functionError()).as(answer.payloadUtf8()).isNull();
      assertThat(answer.payloadUtf8())
          .contains("\"replayed\":2")
          .contains("\"failed\":1")
          .contains("\"left\":1");
      replay.awaitLog(line -> line.contains("\"ReplayFailed\":1"), Duration.ofSeconds(5));
      List<Map<String, Object>> records =
          EmfRecords.ofRun(replay.logLines(), "ReplayFailed", TARGET);
      assertThat(records).as(String.join("\n", replay.logLines())).hasSize(1);
      assertThat(records.get(0))
          .containsEntry("Replayed", 2)
          .containsEntry("ReplayFailed", 1)
          .containsEntry("ReplayUncertain", 0)
          .containsEntry("ReplayLeft", 1);
    }
  }
}

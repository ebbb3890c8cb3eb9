package io.github.lambdamw.e2e;

import static io.github.lambdamw.e2e.GuardedFunctions.CLOSED;
import static io.github.lambdamw.e2e.GuardedFunctions.HANDLERS;
import static io.github.lambdamw.e2e.GuardedFunctions.OPEN;
import static io.github.lambdamw.e2e.GuardedFunctions.PARAMETER;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lambdamw.harness.Harness;
import io.github.lambdamw.harness.dynamodb.DeferralTable;
import io.github.lambdamw.harness.function.JavaHome;
import io.github.lambdamw.harness.function.LambdaFunction;
import io.github.lambdamw.harness.function.RuntimeClients;
import io.github.lambdamw.harness.runtimeapi.LocalLambda;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Reading the window: missing or malformed values fail open by default, and changes arrive within
 * the interval.
 */
class WindowReadTest {
  private static final byte[] EVENT = "{\"ping\":true}".getBytes(StandardCharsets.UTF_8);

  @Test
  void aMissingParameter_isLoggedOnceByName_andTheHandlerRuns() {
    try (Harness harness = Harness.start()) {
      LocalLambda lambda = harness.lambda("no-parameter", Duration.ofSeconds(10));
      LambdaFunction function =
          GuardedFunctions.guarded(
              harness,
              lambda,
              JavaHome.OPENJDK_17,
              RuntimeClients.CURRENT,
              HANDLERS + "EchoHandler",
              Map.of());

      assertThat(lambda.invoke(EVENT).payloadUtf8()).isEqualTo("{\"ping\":true}");
      assertThat(lambda.invoke(EVENT).payloadUtf8()).isEqualTo("{\"ping\":true}");
      // The process's output reaches the test through a reader thread: wait for the line before
      // counting.
      function.awaitLog(line -> line.contains("does not exist"), Duration.ofSeconds(5));
      assertThat(function.logLines())
          .filteredOn(line -> line.contains("SSM parameter 'maintenance-window' does not exist"))
          .hasSize(1)
          .allMatch(line -> line.contains("running the handler as if no window were open"));
    }
  }

  @Test
  void aMalformedValue_namesTheProblem_andTheHandlerRuns() {
    try (Harness harness = Harness.start()) {
      harness
          .ssm()
          .put(
              PARAMETER,
              "{\"windows\":[{\"start\":\"tomorrow\",\"end\":\"2026-12-01T04:00:00Z\"}]}");
      LocalLambda lambda = harness.lambda("malformed", Duration.ofSeconds(10));
      LambdaFunction function =
          GuardedFunctions.guarded(
              harness,
              lambda,
              JavaHome.TEMURIN_25,
              RuntimeClients.LEGACY,
              HANDLERS + "EchoHandler",
              Map.of());

      assertThat(lambda.invoke(EVENT).payloadUtf8()).isEqualTo("{\"ping\":true}");
      assertThat(
              function.awaitLog(
                  line ->
                      line.contains(
                          "SSM parameter 'maintenance-window' holds a value that is not a window"),
                  Duration.ofSeconds(5)))
          .contains("field 'windows[0].start' is 'tomorrow'");
    }
  }

  @Test
  void failClosed_defersWhileTheWindowCannotBeRead() {
    try (Harness harness = Harness.start();
        DynamoDbClient dynamoDb = GuardedFunctions.dynamoDb(harness)) {
      DeferralTable.create(dynamoDb, GuardedFunctions.TABLE);
      LocalLambda lambda = harness.lambda("fail-closed", Duration.ofSeconds(10));
      GuardedFunctions.guarded(
          harness,
          lambda,
          JavaHome.OPENJDK_17,
          RuntimeClients.CURRENT,
          HANDLERS + "EchoHandler",
          Map.of("MAINTENANCE_WINDOW_ON_READ_ERROR", "defer"));

      assertThat(lambda.invoke(EVENT).payloadUtf8())
          .contains("\"deferred\":true")
          .contains("\"windowEnd\":null");
      assertThat(GuardedFunctions.deferred(dynamoDb, "fail-closed")).hasSize(1);
    }
  }

  @Test
  void aWindowChange_isPickedUpWithinTheRefreshInterval() throws Exception {
    try (Harness harness = Harness.start();
        DynamoDbClient dynamoDb = GuardedFunctions.dynamoDb(harness)) {
      DeferralTable.create(dynamoDb, GuardedFunctions.TABLE);
      harness.ssm().put(PARAMETER, CLOSED);
      LocalLambda lambda = harness.lambda("refreshing", Duration.ofSeconds(10));
      GuardedFunctions.guarded(
          harness,
          lambda,
          JavaHome.TEMURIN_25,
          RuntimeClients.CURRENT,
          HANDLERS + "EchoHandler",
          Map.of("MAINTENANCE_WINDOW_REFRESH_SECONDS", "1"));
      assertThat(lambda.invoke(EVENT).payloadUtf8()).isEqualTo("{\"ping\":true}");

      harness.ssm().put(PARAMETER, OPEN);
      Thread.sleep(1_100);
      assertThat(lambda.invoke(EVENT).payloadUtf8()).contains("\"deferred\":true");

      harness.ssm().put(PARAMETER, CLOSED);
      Thread.sleep(1_100);
      assertThat(lambda.invoke(EVENT).payloadUtf8()).isEqualTo("{\"ping\":true}");
      assertThat(harness.ssm().calls("GetParameter")).isBetween(3, 5);
    }
  }
}

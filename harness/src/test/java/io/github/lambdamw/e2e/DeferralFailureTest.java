package io.github.lambdamw.e2e;

import static io.github.lambdamw.e2e.GuardedFunctions.HANDLERS;
import static io.github.lambdamw.e2e.GuardedFunctions.OPEN;
import static io.github.lambdamw.e2e.GuardedFunctions.PARAMETER;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lambdamw.harness.Harness;
import io.github.lambdamw.harness.function.JavaHome;
import io.github.lambdamw.harness.function.RuntimeClients;
import io.github.lambdamw.harness.runtimeapi.InvokeResult;
import io.github.lambdamw.harness.runtimeapi.LocalLambda;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * An event that cannot be stored fails its invocation, so Lambda's retries keep it: never a success
 * without an item.
 */
class DeferralFailureTest {
  private static final String ERROR_TYPE =
      "io.github.lambdamw.agent.MaintenanceWindowDeferralException";

  @TempDir Path temp;

  @Test
  void dynamoDbDown_failsTheInvocationWithAClearError_andTheHandlerDoesNotRun() throws Exception {
    Path runLog = temp.resolve("runs.log");
    try (Harness harness = Harness.start();
        DynamoDbClient dynamoDb = GuardedFunctions.dynamoDb(harness)) {
      GuardedFunctions.openWindow(harness, dynamoDb);
      LocalLambda lambda = harness.lambda("down", Duration.ofSeconds(10));
      GuardedFunctions.guarded(
          harness,
          lambda,
          JavaHome.OPENJDK_17,
          RuntimeClients.CURRENT,
          HANDLERS + "CountingHandler",
          Map.of("TEST_RUN_LOG", runLog.toString()));
      harness.dynamoDb().stop();

      InvokeResult result =
          lambda.invoke("{\"keep\":\"me\"}".getBytes(StandardCharsets.UTF_8), "lost-1");

      assertThat(result.functionError()).isNotNull();
      assertThat(result.payloadUtf8())
          .contains("\"errorType\":\"" + ERROR_TYPE + "\"")
          .contains("invocation lost-1 arrived during a maintenance window but was not stored")
          .contains("DynamoDB could not be reached for table 'maintenance-window-deferred'");
      assertThat(Files.exists(runLog)).isFalse();

      harness.dynamoDb().restart();
      InvokeResult retried =
          lambda.invoke("{\"keep\":\"me\"}".getBytes(StandardCharsets.UTF_8), "lost-1");
      assertThat(retried.payloadUtf8()).contains("\"deferred\":true");
      assertThat(GuardedFunctions.deferred(dynamoDb, "down")).hasSize(1);
    }
  }

  @Test
  void aMissingTable_isNamedInTheError() {
    try (Harness harness = Harness.start()) {
      harness.ssm().put(PARAMETER, OPEN);
      LocalLambda lambda = harness.lambda("no-table", Duration.ofSeconds(10));
      GuardedFunctions.guarded(
          harness,
          lambda,
          JavaHome.TEMURIN_25,
          RuntimeClients.LEGACY,
          HANDLERS + "EchoHandler",
          Map.of("MAINTENANCE_WINDOW_TABLE", "typo-table"));

      InvokeResult result = lambda.invoke("{}".getBytes(StandardCharsets.UTF_8));

      assertThat(result.functionError()).isNotNull();
      assertThat(result.payloadUtf8())
          .contains("\"errorType\":\"" + ERROR_TYPE + "\"")
          .contains("table 'typo-table' does not exist");
    }
  }
}

package io.github.lambdamw.e2e;

import static io.github.lambdamw.e2e.GuardedFunctions.CLOSED;
import static io.github.lambdamw.e2e.GuardedFunctions.HANDLERS;
import static io.github.lambdamw.e2e.GuardedFunctions.PARAMETER;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lambdamw.harness.Harness;
import io.github.lambdamw.harness.function.JavaHome;
import io.github.lambdamw.harness.function.LambdaFunction;
import io.github.lambdamw.harness.function.RuntimeClients;
import io.github.lambdamw.harness.runtimeapi.InvokeResult;
import io.github.lambdamw.harness.runtimeapi.LocalLambda;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The agent's embedded-metric records, seen in the function's output as CloudWatch would read them:
 * each appears exactly when its outcome happens, and is valid EMF (EmfRecords checks the documented
 * structure).
 */
class AgentMetricsTest {
  private static final String DEFERRED = "DeferredInvocations";
  private static final String DEFERRAL_FAILURES = "DeferralFailures";
  private static final String READ_FAILURES = "WindowReadFailures";
  private static final String WOULD_DEFER = "WouldDeferInvocations";
  private static final byte[] EVENT = "{\"n\":1}".getBytes(StandardCharsets.UTF_8);

  @Test
  void aStoredEvent_isOneDeferredInvocationsRecord_andAFailedStore_isOneDeferralFailuresRecord() {
    try (Harness harness = Harness.start();
        DynamoDbClient dynamoDb = GuardedFunctions.dynamoDb(harness)) {
      GuardedFunctions.openWindow(harness, dynamoDb);
      LocalLambda lambda = harness.lambda("billing", Duration.ofSeconds(10));
      LambdaFunction function =
          GuardedFunctions.guarded(
              harness,
              lambda,
              JavaHome.OPENJDK_17,
              RuntimeClients.CURRENT,
              HANDLERS + "EchoHandler",
              Map.of());

      assertThat(lambda.invoke(EVENT, "stored-1").payloadUtf8()).contains("\"deferred\":true");
      function.awaitLog(line -> line.contains("\"" + DEFERRED + "\":1"), Duration.ofSeconds(5));
      assertThat(EmfRecords.count(function.logLines(), DEFERRED, "billing")).isEqualTo(1);
      assertThat(EmfRecords.count(function.logLines(), DEFERRAL_FAILURES, "billing")).isZero();

      harness.dynamoDb().stop();
      InvokeResult lost = lambda.invoke(EVENT, "lost-1");

      assertThat(lost.functionError()).isNotNull();
      function.awaitLog(
          line -> line.contains("\"" + DEFERRAL_FAILURES + "\":1"), Duration.ofSeconds(5));
      assertThat(EmfRecords.count(function.logLines(), DEFERRAL_FAILURES, "billing")).isEqualTo(1);
      assertThat(EmfRecords.count(function.logLines(), DEFERRED, "billing")).isEqualTo(1);
      assertThat(function.logLines()).noneMatch(line -> line.contains("\"n\":1"));
    }
  }

  @Test
  void
      aClosedWindowWithSsmUp_writesNoRecord_andSsmDown_isOneWindowReadFailuresRecordPerFailedRead() {
    try (Harness harness = Harness.start()) {
      harness.ssm().put(PARAMETER, CLOSED);
      LocalLambda lambda = harness.lambda("reports", Duration.ofSeconds(10));
      LambdaFunction function =
          GuardedFunctions.guarded(
              harness,
              lambda,
              JavaHome.TEMURIN_25,
              RuntimeClients.CURRENT,
              HANDLERS + "EchoHandler",
              Map.of("MAINTENANCE_WINDOW_REFRESH_SECONDS", "1"));

      for (int i = 0; i < 5; i++) {
        assertThat(lambda.invoke(EVENT).payloadUtf8()).isEqualTo("{\"n\":1}");
      }
      assertThat(function.logLines()).noneMatch(line -> line.contains("\"_aws\""));

      harness.ssm().failAllCalls(true);
      int callsBefore = harness.ssm().calls("GetParameter");
      sleep(Duration.ofMillis(1_100));
      int invocations = 0;
      for (; invocations < 20; invocations++) {
        assertThat(lambda.invoke(EVENT).payloadUtf8()).isEqualTo("{\"n\":1}");
        sleep(Duration.ofMillis(50));
      }
      function.awaitLog(
          line -> line.contains("\"" + READ_FAILURES + "\":1"), Duration.ofSeconds(5));
      int failedCalls = harness.ssm().calls("GetParameter") - callsBefore;
      int records = EmfRecords.count(function.logLines(), READ_FAILURES, "reports");

      // A read is one or two calls (the agent's own retry); 20 invocations within one refresh
      // interval are one read.
      assertThat(records).isBetween(1, failedCalls).isLessThan(invocations);
      assertThat(EmfRecords.count(function.logLines(), DEFERRED, "reports")).isZero();
      assertThat(EmfRecords.count(function.logLines(), WOULD_DEFER, "reports")).isZero();
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

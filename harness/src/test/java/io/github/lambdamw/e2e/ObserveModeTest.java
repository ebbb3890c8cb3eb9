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
import io.github.lambdamw.harness.runtimeapi.InvokeResult;
import io.github.lambdamw.harness.runtimeapi.LocalLambda;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Observe mode, a rehearsal of a window: per window ({@code "mode":"observe"}) or per function
 * ({@code MAINTENANCE_WINDOW_MODE=observe}). While such a window is open the handler runs, callers
 * get byte for byte what they get without the agent, nothing is stored, and each invocation is one
 * log line and one {@code WouldDeferInvocations} record. Closed, nothing is logged; an enforced
 * window still defers.
 */
class ObserveModeTest {
  private static final String OBSERVED =
      "{\"windows\":[{\"start\":\"2020-01-01T00:00:00Z\",\"end\":\"2999-01-01T00:00:00Z\",\"mode\":\"observe\","
          + "\"reason\":\"rehearsal\"}]}";
  private static final String WOULD_DEFER = "WouldDeferInvocations";
  private static final String MARKER = "observe-payload-marker";

  @TempDir Path temp;

  @Test
  void
      anObservedWindow_answersAndErrorsAreByteIdenticalToARunWithoutTheAgent_andEachInvocationIsCountedNotStored() {
    try (Harness harness = Harness.start();
        DynamoDbClient dynamoDb = GuardedFunctions.dynamoDb(harness)) {
      DeferralTable.create(dynamoDb, GuardedFunctions.TABLE);
      harness.ssm().put(PARAMETER, OBSERVED);
      for (String handler : List.of("PojoHandler", "ThrowingHandler")) {
        String name = "observed-" + handler;
        LocalLambda plain = harness.lambda("plain-" + handler, Duration.ofSeconds(20));
        LocalLambda guarded = harness.lambda(name, Duration.ofSeconds(20));
        GuardedFunctions.unguarded(
            harness, plain, JavaHome.OPENJDK_17, RuntimeClients.CURRENT, HANDLERS + handler);
        LambdaFunction function =
            GuardedFunctions.guarded(
                harness,
                guarded,
                JavaHome.OPENJDK_17,
                RuntimeClients.CURRENT,
                HANDLERS + handler,
                Map.of());
        byte[] event = ("{\"name\":\"" + MARKER + "\"}").getBytes(StandardCharsets.UTF_8);

        for (int i = 0; i < 3; i++) {
          InvokeResult expected = plain.invoke(event, "plain-" + i);
          InvokeResult actual = guarded.invoke(event, "observed-" + i);

          assertThat(actual.payload()).isEqualTo(expected.payload());
          assertThat(actual.functionError()).isEqualTo(expected.functionError());
          assertThat(actual.runtimeErrorType()).isEqualTo(expected.runtimeErrorType());
        }
        function.awaitLog(
            line -> line.contains("would defer invocation observed-2"), Duration.ofSeconds(5));
        assertThat(function.logLines())
            .filteredOn(line -> line.contains("observe mode: would defer invocation"))
            .hasSize(3)
            .allMatch(line -> line.contains(" of " + name) && line.contains("(observe)"));
        assertThat(EmfRecords.count(function.logLines(), WOULD_DEFER, name)).isEqualTo(3);
        assertThat(EmfRecords.count(function.logLines(), "DeferredInvocations", name)).isZero();
        assertThat(function.logLines()).noneMatch(line -> line.contains(MARKER));
        assertThat(GuardedFunctions.deferred(dynamoDb, name)).isEmpty();
      }
    }
  }

  @Test
  void aFunctionInObserveMode_runsItsHandlerThroughAnEnforcedWindow_andIsSilentWhenClosed()
      throws Exception {
    Path runLog = temp.resolve("runs.log");
    try (Harness harness = Harness.start();
        DynamoDbClient dynamoDb = GuardedFunctions.dynamoDb(harness)) {
      GuardedFunctions.openWindow(harness, dynamoDb);
      LocalLambda lambda = harness.lambda("rehearsed", Duration.ofSeconds(20));
      LambdaFunction function =
          GuardedFunctions.guarded(
              harness,
              lambda,
              JavaHome.TEMURIN_25,
              RuntimeClients.LEGACY,
              HANDLERS + "CountingHandler",
              Map.of(
                  "TEST_RUN_LOG", runLog.toString(),
                  "MAINTENANCE_WINDOW_MODE", "observe",
                  "MAINTENANCE_WINDOW_REFRESH_SECONDS", "1"));

      InvokeResult open = lambda.invoke("{\"a\":1}".getBytes(StandardCharsets.UTF_8), "open-1");

      assertThat(open.payloadUtf8()).isEqualTo("{\"a\":1}");
      assertThat(Files.readAllLines(runLog)).containsExactly("open-1");
      function.awaitLog(
          line -> line.contains("would defer invocation open-1"), Duration.ofSeconds(5));
      assertThat(EmfRecords.count(function.logLines(), WOULD_DEFER, "rehearsed")).isEqualTo(1);
      assertThat(GuardedFunctions.deferred(dynamoDb, "rehearsed")).isEmpty();

      harness.ssm().put(PARAMETER, CLOSED);
      Thread.sleep(1_100);
      InvokeResult closed = lambda.invoke("{\"a\":2}".getBytes(StandardCharsets.UTF_8), "closed-1");

      assertThat(closed.payloadUtf8()).isEqualTo("{\"a\":2}");
      assertThat(Files.readAllLines(runLog)).containsExactly("open-1", "closed-1");
      assertThat(function.logLines())
          .noneMatch(line -> line.contains("would defer invocation closed-1"));
      assertThat(EmfRecords.count(function.logLines(), WOULD_DEFER, "rehearsed")).isEqualTo(1);
    }
  }

  @Test
  void theSameFunctionInEnforceMode_defersThroughTheEnforcedWindow_andCountsNoWouldDefer()
      throws Exception {
    Path runLog = temp.resolve("runs.log");
    try (Harness harness = Harness.start();
        DynamoDbClient dynamoDb = GuardedFunctions.dynamoDb(harness)) {
      GuardedFunctions.openWindow(harness, dynamoDb);
      assertThat(OPEN).doesNotContain("observe");
      LocalLambda lambda = harness.lambda("enforced", Duration.ofSeconds(20));
      LambdaFunction function =
          GuardedFunctions.guarded(
              harness,
              lambda,
              JavaHome.TEMURIN_25,
              RuntimeClients.LEGACY,
              HANDLERS + "CountingHandler",
              Map.of("TEST_RUN_LOG", runLog.toString(), "MAINTENANCE_WINDOW_MODE", "enforce"));

      InvokeResult answer =
          lambda.invoke("{\"a\":1}".getBytes(StandardCharsets.UTF_8), "enforced-1");

      assertThat(answer.payloadUtf8()).contains("\"deferred\":true");
      assertThat(Files.exists(runLog)).isFalse();
      assertThat(GuardedFunctions.deferred(dynamoDb, "enforced")).hasSize(1);
      function.awaitLog(line -> line.contains("\"DeferredInvocations\":1"), Duration.ofSeconds(5));
      assertThat(EmfRecords.count(function.logLines(), WOULD_DEFER, "enforced")).isZero();
    }
  }
}

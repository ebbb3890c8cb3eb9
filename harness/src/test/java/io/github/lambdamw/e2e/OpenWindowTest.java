package io.github.lambdamw.e2e;

import static io.github.lambdamw.e2e.GuardedFunctions.HANDLERS;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lambdamw.harness.Harness;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Window open: each event is stored once with its exact bytes, the handler never runs, callers are
 * told why.
 */
class OpenWindowTest {
  private static final String MARKER = "PAYLOAD-MARKER-7f3a";

  @TempDir Path temp;

  static Stream<Arguments> runtimes() {
    return Stream.of(
        Arguments.of(RuntimeClients.LEGACY, JavaHome.TEMURIN_25),
        Arguments.of(RuntimeClients.CURRENT, JavaHome.OPENJDK_17));
  }

  @ParameterizedTest(name = "RIC {0} on {1}")
  @MethodSource("runtimes")
  void eventsAreStoredOnceWithTheirExactBytes_andTheHandlerDoesNotRun(String ric, Path javaHome)
      throws Exception {
    Path runLog = temp.resolve("runs.log");
    try (Harness harness = Harness.start();
        DynamoDbClient dynamoDb = GuardedFunctions.dynamoDb(harness)) {
      GuardedFunctions.openWindow(harness, dynamoDb);
      LocalLambda lambda = harness.lambda("orders", Duration.ofSeconds(20));
      LambdaFunction function =
          GuardedFunctions.guarded(
              harness,
              lambda,
              javaHome,
              ric,
              HANDLERS + "CountingHandler",
              Map.of("TEST_RUN_LOG", runLog.toString()));
      byte[] first =
          ("{\"order\":1,\"note\":\"caf\u00e9 \u2603 " + MARKER + "\"}")
              .getBytes(StandardCharsets.UTF_8);
      byte[] second =
          ("[1, 2.50, \"" + MARKER + "\", {\"nested\": null}]").getBytes(StandardCharsets.UTF_8);

      InvokeResult firstAnswer = lambda.invoke(first, "request-1");
      InvokeResult secondAnswer = lambda.invoke(second, "request-2");

      assertThat(firstAnswer.functionError()).isNull();
      assertThat(firstAnswer.payloadUtf8())
          .isEqualTo(
              "{\"deferred\":true,\"requestId\":\"request-1\",\"windowEnd\":\"2999-01-01T00:00:00Z\","
                  + "\"reason\":\"e2e\"}");
      assertThat(secondAnswer.payloadUtf8()).contains("\"requestId\":\"request-2\"");
      List<Map<String, AttributeValue>> items = GuardedFunctions.deferred(dynamoDb, "orders");
      assertThat(items)
          .extracting(item -> item.get("requestId").s())
          .containsExactly("request-1", "request-2");
      assertThat(items.get(0).get("payload").b().asByteArray()).isEqualTo(first);
      assertThat(items.get(1).get("payload").b().asByteArray()).isEqualTo(second);
      assertThat(items.get(0).get("invokedFunctionArn").s()).endsWith(":function:orders");
      assertThat(items.get(0).get("windowEnd").s()).isEqualTo("2999-01-01T00:00:00Z");
      assertThat(Files.exists(runLog)).as("the handler never ran").isFalse();
      function.awaitLog(
          line -> line.contains("deferred invocation request-2"), Duration.ofSeconds(5));
      assertThat(function.logLines())
          .anyMatch(line -> line.contains("deferred invocation request-1 of orders"))
          .anyMatch(line -> line.contains("\"DeferredInvocations\":1"))
          .noneMatch(line -> line.contains(MARKER));
    }
  }

  @ParameterizedTest(name = "RIC {0} on {1}")
  @MethodSource("runtimes")
  void aRetryWithTheSameRequestId_isStoredOnce(String ric, Path javaHome) {
    try (Harness harness = Harness.start();
        DynamoDbClient dynamoDb = GuardedFunctions.dynamoDb(harness)) {
      GuardedFunctions.openWindow(harness, dynamoDb);
      LocalLambda lambda = harness.lambda("retried", Duration.ofSeconds(20));
      GuardedFunctions.guarded(harness, lambda, javaHome, ric, HANDLERS + "EchoHandler", Map.of());
      byte[] event = "{\"attempt\":1}".getBytes(StandardCharsets.UTF_8);

      InvokeResult first = lambda.invoke(event, "same-id");
      InvokeResult retry = lambda.invoke(event, "same-id");

      assertThat(first.payloadUtf8()).contains("\"deferred\":true");
      assertThat(retry.payloadUtf8()).contains("\"deferred\":true");
      assertThat(GuardedFunctions.deferred(dynamoDb, "retried")).hasSize(1);
    }
  }

  @org.junit.jupiter.api.Test
  void withLambdasJsonLogFormat_theDeferralLineIsJsonWithTheRequestId() {
    try (Harness harness = Harness.start();
        DynamoDbClient dynamoDb = GuardedFunctions.dynamoDb(harness)) {
      GuardedFunctions.openWindow(harness, dynamoDb);
      LocalLambda lambda = harness.lambda("json-logs", Duration.ofSeconds(20));
      LambdaFunction function =
          GuardedFunctions.guarded(
              harness,
              lambda,
              JavaHome.TEMURIN_25,
              RuntimeClients.CURRENT,
              HANDLERS + "EchoHandler",
              Map.of("AWS_LAMBDA_LOG_FORMAT", "JSON"));

      lambda.invoke("{}".getBytes(StandardCharsets.UTF_8), "json-1");

      assertThat(
              function.awaitLog(
                  line -> line.contains("deferred invocation json-1"), Duration.ofSeconds(5)))
          .startsWith("{\"timestamp\":\"")
          .contains("\"level\":\"INFO\"")
          .contains("\"logger\":\"maintenance-window\"")
          .endsWith("\"requestId\":\"json-1\"}");
    }
  }
}

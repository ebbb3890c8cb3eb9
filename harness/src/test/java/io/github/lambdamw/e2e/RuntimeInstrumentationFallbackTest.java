package io.github.lambdamw.e2e;

import static io.github.lambdamw.e2e.GuardedFunctions.HANDLERS;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lambdamw.harness.Harness;
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
 * A runtime-client build the agent has no prepared classes for is still guarded: the shaded agent runs Byte Buddy at
 * run time (forced here, as it would happen for an unknown build).
 */
class RuntimeInstrumentationFallbackTest {

  @Test
  void anUnknownBuild_isInstrumentedAtRunTime_andDefers() {
    try (Harness harness = Harness.start();
        DynamoDbClient dynamoDb = GuardedFunctions.dynamoDb(harness)) {
      GuardedFunctions.openWindow(harness, dynamoDb);
      LocalLambda lambda = harness.lambda("unknown-build", Duration.ofSeconds(20));
      LambdaFunction function =
          GuardedFunctions.guarded(
              harness,
              lambda,
              JavaHome.TEMURIN_25,
              RuntimeClients.CURRENT,
              HANDLERS + "EchoHandler",
              Map.of("MAINTENANCE_WINDOW_RUNTIME_INSTRUMENTATION", "true"));

      String answer = lambda.invoke("{\"n\":1}".getBytes(StandardCharsets.UTF_8), "fallback-1").payloadUtf8();

      assertThat(answer).startsWith("{\"deferred\":true,\"requestId\":\"fallback-1\"");
      assertThat(GuardedFunctions.deferred(dynamoDb, "unknown-build")).hasSize(1);
      assertThat(function.awaitLog(line -> line.contains("instrumenting it at run time"), Duration.ofSeconds(5)))
          .contains("EventHandlerLoader$2");
      assertThat(function.logLines()).noneMatch(line -> line.contains("Unsafe"));
    }
  }
}

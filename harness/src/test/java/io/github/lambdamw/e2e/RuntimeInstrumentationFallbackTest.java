package io.github.lambdamw.e2e;

import static io.github.lambdamw.e2e.GuardedFunctions.HANDLERS;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lambdamw.harness.Harness;
import io.github.lambdamw.harness.function.JavaHome;
import io.github.lambdamw.harness.function.LambdaFunction;
import io.github.lambdamw.harness.function.RuntimeClients;
import io.github.lambdamw.harness.runtimeapi.LocalLambda;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A runtime-client build the agent has no prepared classes for is still guarded: the shaded agent
 * runs Byte Buddy at run time (forced here, as it would happen for an unknown build), on both class
 * layouts of the 2.x line and both JDKs the shaded Byte Buddy must run on.
 */
class RuntimeInstrumentationFallbackTest {

  static Stream<Arguments> cells() {
    return Stream.of(
        Arguments.of(JavaHome.OPENJDK_17, RuntimeClients.LEGACY),
        Arguments.of(JavaHome.TEMURIN_25, RuntimeClients.CURRENT));
  }

  @ParameterizedTest(name = "{1} on {0}")
  @MethodSource("cells")
  void anUnknownBuild_isInstrumentedAtRunTime_andDefers(Path javaHome, String ric) {
    try (Harness harness = Harness.start();
        DynamoDbClient dynamoDb = GuardedFunctions.dynamoDb(harness)) {
      GuardedFunctions.openWindow(harness, dynamoDb);
      LocalLambda lambda = harness.lambda("unknown-build", Duration.ofSeconds(20));
      LambdaFunction function =
          GuardedFunctions.guarded(
              harness,
              lambda,
              javaHome,
              ric,
              HANDLERS + "EchoHandler",
              Map.of("MAINTENANCE_WINDOW_RUNTIME_INSTRUMENTATION", "true"));

      String answer =
          lambda.invoke("{\"n\":1}".getBytes(StandardCharsets.UTF_8), "fallback-1").payloadUtf8();

      assertThat(answer).startsWith("{\"deferred\":true,\"requestId\":\"fallback-1\"");
      assertThat(GuardedFunctions.deferred(dynamoDb, "unknown-build")).hasSize(1);
      assertThat(
              function.awaitLog(
                  line -> line.contains("instrumenting it at run time"), Duration.ofSeconds(5)))
          .contains("EventHandlerLoader$2");
      assertThat(function.logLines()).noneMatch(line -> line.contains("Unsafe"));
    }
  }
}

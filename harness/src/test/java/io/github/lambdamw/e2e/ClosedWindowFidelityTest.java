package io.github.lambdamw.e2e;

import static io.github.lambdamw.e2e.GuardedFunctions.CLOSED;
import static io.github.lambdamw.e2e.GuardedFunctions.HANDLERS;
import static io.github.lambdamw.e2e.GuardedFunctions.PARAMETER;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lambdamw.harness.Harness;
import io.github.lambdamw.harness.function.JavaHome;
import io.github.lambdamw.harness.function.RuntimeClients;
import io.github.lambdamw.harness.runtimeapi.InvokeResult;
import io.github.lambdamw.harness.runtimeapi.LocalLambda;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Window closed: what callers get from a guarded function is byte for byte what they get without
 * the agent, for answers and for errors, on the oldest and newest runtime-client layouts and on JDK
 * 17 and 25.
 */
class ClosedWindowFidelityTest {

  static Stream<Arguments> runtimes() {
    return Stream.of(
        Arguments.of(RuntimeClients.LEGACY, JavaHome.OPENJDK_17),
        Arguments.of(RuntimeClients.LEGACY, JavaHome.TEMURIN_25),
        Arguments.of(RuntimeClients.CURRENT, JavaHome.OPENJDK_17),
        Arguments.of(RuntimeClients.CURRENT, JavaHome.TEMURIN_25));
  }

  @ParameterizedTest(name = "RIC {0} on {1}")
  @MethodSource("runtimes")
  void answersAndErrors_areByteIdenticalToARunWithoutTheAgent(String ric, Path javaHome) {
    try (Harness harness = Harness.start()) {
      harness.ssm().put(PARAMETER, CLOSED);
      assertSameBytes(
          harness, ric, javaHome, HANDLERS + "PojoHandler", "{\"name\":\"Ada \\u00e9\"}");
      assertSameBytes(harness, ric, javaHome, HANDLERS + "ThrowingHandler", "\"broken input\"");
    }
  }

  private static void assertSameBytes(
      Harness harness, String ric, Path javaHome, String handler, String event) {
    LocalLambda plainLambda = harness.lambda("plain", Duration.ofSeconds(20));
    LocalLambda guardedLambda = harness.lambda("guarded", Duration.ofSeconds(20));
    GuardedFunctions.unguarded(harness, plainLambda, javaHome, ric, handler);
    var guarded =
        GuardedFunctions.guarded(harness, guardedLambda, javaHome, ric, handler, Map.of());
    byte[] payload = event.getBytes(StandardCharsets.UTF_8);

    for (int i = 0; i < 3; i++) {
      InvokeResult expected = plainLambda.invoke(payload);
      InvokeResult actual = guardedLambda.invoke(payload);

      assertThat(actual.payloadUtf8()).isEqualTo(expected.payloadUtf8());
      assertThat(actual.payload()).isEqualTo(expected.payload());
      assertThat(actual.functionError()).isEqualTo(expected.functionError());
      assertThat(actual.runtimeErrorType()).isEqualTo(expected.runtimeErrorType());
    }
    assertThat(guarded.logLines())
        .anyMatch(line -> line.contains("maintenance-window INFO guarding"));
  }
}

package io.github.lambdamw.e2e;

import static io.github.lambdamw.e2e.GuardedFunctions.CLOSED;
import static io.github.lambdamw.e2e.GuardedFunctions.HANDLERS;
import static io.github.lambdamw.e2e.GuardedFunctions.OPEN;
import static io.github.lambdamw.e2e.GuardedFunctions.PARAMETER;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lambdamw.harness.Harness;
import io.github.lambdamw.harness.dynamodb.DeferralTable;
import io.github.lambdamw.harness.function.JavaHome;
import io.github.lambdamw.harness.function.RuntimeClients;
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

/**
 * The agent loads the runtime client's dispatch classes itself, guarded, before the function's
 * handler class loads: the client would load them only after the handler's initialization, and
 * until they are guarded the JVM hands every class the function loads to the agent's transformer
 * (read from {@code -Xlog:class+load}, as the JVM loads them). Loading them early must not change
 * what the guard does: the open window still defers.
 */
class DispatchGuardedAheadTest {
  private static final String DISPATCH_CLASS =
      "com.amazonaws.services.lambda.runtime.api.client.EventHandlerLoader$2 ";
  private static final String HANDLER = HANDLERS + "EchoHandler";

  @TempDir Path temp;

  static Stream<Arguments> runtimes() {
    return Stream.of(
        Arguments.of(RuntimeClients.LEGACY, JavaHome.OPENJDK_17),
        Arguments.of(RuntimeClients.CURRENT, JavaHome.TEMURIN_25));
  }

  @ParameterizedTest(name = "RIC {0} on {1}")
  @MethodSource("runtimes")
  void theDispatchClass_isLoadedBeforeTheHandlerClass_andStillGuards(String ric, Path javaHome)
      throws Exception {
    Path classLog = temp.resolve("classes.log");
    try (Harness harness = Harness.start();
        DynamoDbClient dynamoDb = GuardedFunctions.dynamoDb(harness)) {
      DeferralTable.create(dynamoDb, GuardedFunctions.TABLE);
      harness.ssm().put(PARAMETER, CLOSED);
      LocalLambda lambda = harness.lambda("guarded-ahead", Duration.ofSeconds(20));
      GuardedFunctions.guarded(
          harness,
          lambda,
          javaHome,
          ric,
          HANDLER,
          Map.of(
              "JAVA_TOOL_OPTIONS",
              "-Xlog:class+load=info:file=" + classLog,
              "MAINTENANCE_WINDOW_REFRESH_SECONDS",
              "1"));

      assertThat(lambda.invoke(utf8("{\"n\":1}"), "closed-1").payloadUtf8()).isEqualTo("{\"n\":1}");
      List<String> loaded = Files.readAllLines(classLog);
      int dispatch = indexOf(loaded, DISPATCH_CLASS);
      int handler = indexOf(loaded, HANDLER + " ");
      assertThat(dispatch).as("the dispatch class in the class-load log").isNotNegative();
      assertThat(handler).as("the handler class in the class-load log").isNotNegative();
      assertThat(dispatch).as("dispatch class loaded before the handler class").isLessThan(handler);

      harness.ssm().put(PARAMETER, OPEN);
      Thread.sleep(1_100); // past the refresh interval
      assertThat(lambda.invoke(utf8("{\"n\":2}"), "open-2").payloadUtf8())
          .contains("\"deferred\":true");
      assertThat(GuardedFunctions.deferred(dynamoDb, "guarded-ahead")).hasSize(1);
    }
  }

  private static int indexOf(List<String> lines, String className) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(" " + className)) {
        return i;
      }
    }
    return -1;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}

package io.github.lambdamw.e2e;

import static io.github.lambdamw.e2e.GuardedFunctions.CLOSED;
import static io.github.lambdamw.e2e.GuardedFunctions.PARAMETER;
import static io.github.lambdamw.e2e.GuardedFunctions.READY;
import static io.github.lambdamw.e2e.GuardedFunctions.TABLE;
import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lambdamw.harness.Harness;
import io.github.lambdamw.harness.fixture.FixtureFunctionJar;
import io.github.lambdamw.harness.fixture.SecondAgent;
import io.github.lambdamw.harness.fixture.SecondAgentJar;
import io.github.lambdamw.harness.function.BuiltArtifacts;
import io.github.lambdamw.harness.function.JavaHome;
import io.github.lambdamw.harness.function.LambdaFunction;
import io.github.lambdamw.harness.function.RuntimeClients;
import io.github.lambdamw.harness.runtimeapi.InvokeResult;
import io.github.lambdamw.harness.runtimeapi.LocalLambda;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Another tool's exec wrapper named in MAINTENANCE_WINDOW_NEXT_WRAPPER, as guard() leaves it: the
 * real runtime client started through our wrapper, then through that tool's wrapper, which attaches
 * its own agent. Both agents run; with the window closed the answers are those of the function with
 * the other tool alone, and with it open the event is deferred.
 */
class ChainedWrapperTest {
  private static final String PROPERTY_EVENT =
      "{\"systemProperty\":\"" + SecondAgent.PROPERTY + "\"}";

  /**
   * What a tool puts in its layer: a wrapper adding its agent, from its own folder, to
   * JAVA_TOOL_OPTIONS (the placeholder), then running the command.
   */
  private static final String SECOND_WRAPPER =
      """
      #!/bin/sh
      dir=$(CDPATH='' cd -P -- "$(dirname -- "$0")" && pwd -P)
      JAVA_TOOL_OPTIONS=%s
      export JAVA_TOOL_OPTIONS
      exec "$@"
      """;

  /** After what is there; some tools (OpenTelemetry's wrappers) put theirs first instead. */
  private static final String AFTER =
      "\"${JAVA_TOOL_OPTIONS:+$JAVA_TOOL_OPTIONS }-javaagent:$dir/second-agent.jar\"";

  private static final String FIRST =
      "\"-javaagent:$dir/second-agent.jar${JAVA_TOOL_OPTIONS:+ $JAVA_TOOL_OPTIONS}\"";

  @TempDir Path temp;

  static Stream<Arguments> runtimes() {
    return Stream.of(
        Arguments.of(RuntimeClients.LEGACY, JavaHome.TEMURIN_25, false),
        Arguments.of(RuntimeClients.CURRENT, JavaHome.OPENJDK_17, true));
  }

  @ParameterizedTest(name = "RIC {0} on {1}, the other agent first: {2}")
  @MethodSource("runtimes")
  void withTheWindowClosed_bothAgentsRun_andAnswersAreByteIdenticalToTheOtherToolAlone(
      String ric, Path javaHome, boolean otherAgentFirst) throws IOException {
    Path secondWrapper = secondToolLayer(otherAgentFirst);
    try (Harness harness = Harness.start()) {
      harness.ssm().put(PARAMETER, CLOSED);
      LocalLambda aloneLambda = harness.lambda("other-tool-alone", Duration.ofSeconds(20));
      LocalLambda chainedLambda = harness.lambda("chained", Duration.ofSeconds(20));
      LambdaFunction alone =
          start(
              harness,
              launcher(harness, aloneLambda, javaHome, ric).withExecWrapper(secondWrapper));
      LambdaFunction chained =
          start(
              harness,
              chainedThrough(secondWrapper, launcher(harness, chainedLambda, javaHome, ric)));
      List<String> events =
          List.of(
              "{\"name\":\"Ada \\u00e9\",\"n\":[1, 2.50]}",
              "{\"fail\":\"broken input\"}",
              PROPERTY_EVENT);

      for (String event : events) {
        byte[] payload = event.getBytes(StandardCharsets.UTF_8);
        InvokeResult expected = aloneLambda.invoke(payload);
        InvokeResult actual = chainedLambda.invoke(payload);

        assertThat(actual.payloadUtf8()).as(event).isEqualTo(expected.payloadUtf8());
        assertThat(actual.payload()).as(event).isEqualTo(expected.payload());
        assertThat(actual.functionError()).as(event).isEqualTo(expected.functionError());
        assertThat(actual.runtimeErrorType()).as(event).isEqualTo(expected.runtimeErrorType());
      }
      assertThat(
              chainedLambda.invoke(PROPERTY_EVENT.getBytes(StandardCharsets.UTF_8)).payloadUtf8())
          .as("the second agent's system property, seen by the handler")
          .isEqualTo("{\"systemProperty\":\"" + SecondAgent.PROPERTY + "\",\"value\":\"loaded\"}");
      assertThat(chained.logLines())
          .contains(SecondAgent.LOADED)
          .anyMatch(line -> line.contains("maintenance-window INFO guarding"));
      String ours = "-javaagent:.*/maintenance-window/agent\\.jar\"?";
      String theirs =
          "-javaagent:"
              + Pattern.quote(
                  secondWrapper.resolveSibling("second-agent.jar").toRealPath().toString());
      assertThat(chained.logLines())
          .as("both agents, in the order the next wrapper chose")
          .filteredOn(line -> line.startsWith("Picked up JAVA_TOOL_OPTIONS: "))
          .singleElement(as(InstanceOfAssertFactories.STRING))
          .matches(
              "Picked up JAVA_TOOL_OPTIONS: "
                  + (otherAgentFirst ? theirs + " " + ours : ours + " " + theirs));
      assertThat(alone.logLines())
          .contains(SecondAgent.LOADED)
          .noneMatch(line -> line.contains("maintenance-window"));
    }
  }

  @Test
  void withTheWindowOpen_theEventIsDeferredAndTheHandlerSkipped_withTheSecondAgentLoaded()
      throws IOException {
    Path secondWrapper = secondToolLayer(false);
    try (Harness harness = Harness.start();
        DynamoDbClient dynamoDb = GuardedFunctions.dynamoDb(harness)) {
      GuardedFunctions.openWindow(harness, dynamoDb);
      LocalLambda lambda = harness.lambda("chained", Duration.ofSeconds(20));
      LambdaFunction chained =
          start(
              harness,
              chainedThrough(
                  secondWrapper,
                  launcher(harness, lambda, JavaHome.TEMURIN_25, RuntimeClients.CURRENT)));
      byte[] event = PROPERTY_EVENT.getBytes(StandardCharsets.UTF_8);

      InvokeResult answer = lambda.invoke(event, "chained-1");

      assertThat(answer.functionError()).isNull();
      assertThat(answer.payloadUtf8())
          .isEqualTo(
              "{\"deferred\":true,\"requestId\":\"chained-1\",\"windowEnd\":\"2999-01-01T00:00:00Z\","
                  + "\"reason\":\"e2e\"}");
      List<Map<String, AttributeValue>> items = GuardedFunctions.deferred(dynamoDb, "chained");
      assertThat(items).extracting(item -> item.get("requestId").s()).containsExactly("chained-1");
      assertThat(items.get(0).get("payload").b().asByteArray()).isEqualTo(event);
      assertThat(chained.logLines()).contains(SecondAgent.LOADED);
    }
  }

  /** The other tool's layer, unpacked: its wrapper with its agent jar beside it. */
  private Path secondToolLayer(boolean agentFirst) throws IOException {
    Path dir = Files.createDirectories(temp.resolve("other-layer"));
    Files.copy(
        SecondAgentJar.path(),
        dir.resolve("second-agent.jar"),
        StandardCopyOption.REPLACE_EXISTING);
    Path wrapper = dir.resolve("wrapper");
    Files.writeString(wrapper, SECOND_WRAPPER.formatted(agentFirst ? FIRST : AFTER));
    Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
    return wrapper;
  }

  private static LambdaFunction.Builder launcher(
      Harness harness, LocalLambda lambda, Path javaHome, String ric) {
    return harness
        .function(lambda)
        .withJavaHome(javaHome)
        .withRuntimeClient(ric)
        .withHandler(FixtureFunctionJar.SCRIPTED_HANDLER)
        .withFunctionJar(FixtureFunctionJar.path());
  }

  /**
   * Guarded as guard() leaves a function that had another wrapper: ours first, theirs named as the
   * next.
   */
  private static LambdaFunction.Builder chainedThrough(
      Path secondWrapper, LambdaFunction.Builder launcher) {
    return launcher
        .withLayer(BuiltArtifacts.layerDir())
        .withEnv("MAINTENANCE_WINDOW_PARAMETER", PARAMETER)
        .withEnv("MAINTENANCE_WINDOW_TABLE", TABLE)
        .withEnv("MAINTENANCE_WINDOW_NEXT_WRAPPER", secondWrapper.toString());
  }

  private static LambdaFunction start(Harness harness, LambdaFunction.Builder launcher) {
    return harness.track(launcher.start().awaitReady(READY));
  }
}

package io.github.lambdamw.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lambdamw.harness.fixture.FixtureFunctionJar;
import io.github.lambdamw.harness.function.JavaHome;
import io.github.lambdamw.harness.function.LambdaFunction;
import io.github.lambdamw.harness.function.RuntimeClients;
import io.github.lambdamw.harness.runtimeapi.InvokeResult;
import io.github.lambdamw.harness.runtimeapi.LocalLambda;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facade: functions started through it reach its SSM and DynamoDB, also through a layer. */
class HarnessTest {

  @TempDir Path temp;

  /** A stand-in for the wrapper module's layer: a wrapper that logs, then runs the java command. */
  private Path fakeLayer() throws IOException {
    Path wrapper = temp.resolve("layer").resolve(LambdaFunction.LAYER_WRAPPER);
    Files.createDirectories(wrapper.getParent());
    Files.writeString(
        wrapper,
        "#!/bin/sh\n"
            + "echo \"fake wrapper: AWS_LAMBDA_EXEC_WRAPPER=$AWS_LAMBDA_EXEC_WRAPPER java=$1\"\n"
            + "exec \"$@\"\n");
    Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
    return temp.resolve("layer");
  }

  @Test
  void aFunctionStartedThroughALayersWrapper_runs_andSeesTheHarnessEndpoints() throws IOException {
    try (Harness harness = Harness.start()) {
      LocalLambda lambda = harness.lambda("wrapped", Duration.ofSeconds(5));
      LambdaFunction function =
          harness.track(
              harness
                  .function(lambda)
                  .withJavaHome(JavaHome.OPENJDK_17)
                  .withRuntimeClient(RuntimeClients.LEGACY)
                  .withHandler(FixtureFunctionJar.SCRIPTED_HANDLER)
                  .withFunctionJar(FixtureFunctionJar.path())
                  .withLayer(fakeLayer())
                  .start());

      function.awaitReady(Duration.ofSeconds(30));
      InvokeResult result = lambda.invoke("{\"context\":true}".getBytes(StandardCharsets.UTF_8));

      assertThat(function.awaitLog(line -> line.startsWith("fake wrapper:"), Duration.ofSeconds(5)))
          .contains("AWS_LAMBDA_EXEC_WRAPPER=" + temp.resolve("layer/maintenance-window/wrapper"))
          .contains("java=" + JavaHome.OPENJDK_17.resolve("bin/java"));
      assertThat(result.payloadUtf8())
          .contains("\"ssmEndpoint\":\"" + harness.ssm().endpoint() + "\"")
          .contains("\"dynamoDbEndpoint\":\"" + harness.dynamoDb().endpoint() + "\"");
      assertThat(lambda.firstResponseNanos()).isGreaterThan(function.startedAtNanos());
    }
  }

  @Test
  void anotherToolsExecWrapper_takesThePlaceOfTheLayers_andTheHandlerEchoesASystemProperty()
      throws IOException {
    Path other = temp.resolve("other/wrapper");
    Files.createDirectories(other.getParent());
    Files.writeString(
        other,
        "#!/bin/sh\n"
            + "echo \"other wrapper: AWS_LAMBDA_EXEC_WRAPPER=$AWS_LAMBDA_EXEC_WRAPPER\"\n"
            + "exec \"$@\"\n");
    Files.setPosixFilePermissions(other, PosixFilePermissions.fromString("rwxr-xr-x"));
    try (Harness harness = Harness.start()) {
      LocalLambda lambda = harness.lambda("other-wrapper", Duration.ofSeconds(5));
      LambdaFunction function =
          harness.track(
              harness
                  .function(lambda)
                  .withJavaHome(JavaHome.OPENJDK_17)
                  .withRuntimeClient(RuntimeClients.LEGACY)
                  .withHandler(FixtureFunctionJar.SCRIPTED_HANDLER)
                  .withFunctionJar(FixtureFunctionJar.path())
                  .withLayer(fakeLayer())
                  .withExecWrapper(other)
                  .withJvmFlag("-Dlmw.probe=set by a flag")
                  .start());

      function.awaitReady(Duration.ofSeconds(30));
      InvokeResult result =
          lambda.invoke("{\"systemProperty\":\"lmw.probe\"}".getBytes(StandardCharsets.UTF_8));

      assertThat(function.command().get(0)).isEqualTo(other.toString());
      assertThat(
              function.awaitLog(line -> line.startsWith("other wrapper:"), Duration.ofSeconds(5)))
          .isEqualTo("other wrapper: AWS_LAMBDA_EXEC_WRAPPER=" + other);
      assertThat(function.logLines()).noneMatch(line -> line.startsWith("fake wrapper:"));
      assertThat(result.payloadUtf8())
          .isEqualTo("{\"systemProperty\":\"lmw.probe\",\"value\":\"set by a flag\"}");
    }
  }

  @Test
  void theCurrentRic_withMaxConcurrency_pollsFromSeveralLoops() {
    try (Harness harness = Harness.start()) {
      LocalLambda lambda = harness.lambda("concurrent", Duration.ofSeconds(5));
      harness.track(
          harness
              .function(lambda)
              .withJavaHome(JavaHome.TEMURIN_25)
              .withRuntimeClient(RuntimeClients.CURRENT)
              .withHandler(FixtureFunctionJar.SCRIPTED_HANDLER)
              .withFunctionJar(FixtureFunctionJar.path())
              .withEnv("AWS_LAMBDA_MAX_CONCURRENCY", "2")
              .start()
              .awaitReady(Duration.ofSeconds(30)));

      long waitUntil = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (lambda.waitingPolls() < 2 && System.nanoTime() < waitUntil) {
        sleep(20);
      }

      assertThat(lambda.waitingPolls()).isEqualTo(2);
      assertThat(lambda.invoke("{\"n\":1}".getBytes(StandardCharsets.UTF_8)).payloadUtf8())
          .isEqualTo("{\"n\":1}");
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

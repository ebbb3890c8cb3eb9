package io.github.lambdamw.fidelity;

import static io.github.lambdamw.fidelity.Fidelity.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lambdamw.harness.Harness;
import io.github.lambdamw.harness.function.BuiltArtifacts;
import io.github.lambdamw.harness.function.LambdaFunction;
import io.github.lambdamw.harness.function.RuntimeClients;
import io.github.lambdamw.harness.runtimeapi.InvokeResult;
import io.github.lambdamw.harness.runtimeapi.LocalLambda;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The edges of the runtime: a runtime whose dispatch the agent cannot find, a function bundling its
 * own Jackson, AWS SDK and Byte Buddy, and SnapStart's restore.
 */
class RuntimeEdgesTest {
  static final String SUITE = "runtime-edges";
  private static final String CLOSED_RUNTIME = "lambdainternal.AWSLambda";

  private static Harness harness;
  private static StoredItems items;

  @BeforeAll
  static void start() {
    harness = Suites.start(SUITE);
    items = Suites.items(harness);
  }

  @AfterAll
  static void stop() {
    Suites.stop(harness, SUITE);
  }

  private static Path testClasses() {
    try {
      return Path.of(
          lambdainternal.AWSLambda.class
              .getProtectionDomain()
              .getCodeSource()
              .getLocation()
              .toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void record(String check, String setup, String outcome) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("check", check);
    row.put("setup", setup);
    row.put("outcome", outcome);
    Results.record(SUITE, "edges", row);
  }

  @Test
  void aRuntimeWithoutTheKnownDispatch_saysOnceAtInitThatItIsNotGuarded_andRunsUnguarded() {
    String parameter = "/fidelity/" + Fidelity.functionName("closed-runtime");
    harness.ssm().put(parameter, Fidelity.OPEN);
    LocalLambda lambda =
        harness.lambda(Fidelity.functionName("closed-runtime"), Duration.ofSeconds(10));
    try (LambdaFunction function =
        Fidelity.guarded(harness, lambda, SUITE, 25, RuntimeClients.CURRENT, parameter)
            .withHandler("example.Handler::handleRequest")
            .withMainClass(CLOSED_RUNTIME, testClasses())
            .start()) {
      function.awaitReady(Fidelity.READY);
      byte[] event = utf8("{\"m\":\"" + Fidelity.MARKER + "\"}");
      InvokeResult result = lambda.invoke(event);
      function.awaitLog(l -> l.contains("NOT guarded"), Duration.ofSeconds(5));

      List<String> notGuarded =
          function.logLines().stream().filter(l -> l.contains("NOT guarded")).toList();
      assertThat(notGuarded).hasSize(1);
      assertThat(notGuarded.get(0)).contains(CLOSED_RUNTIME).contains("maintenance-window ERROR");
      assertThat(result.payload()).isEqualTo(event); // the runtime's own loop ran, unguarded
      assertThat(items.requestIds(lambda.functionName())).isEmpty();
      record(
          "no dispatch found",
          "main class " + CLOSED_RUNTIME + " (simulated java11 runtime), window open",
          "INIT line: `"
              + notGuarded.get(0).replace(Fidelity.MARKER, "…")
              + "`; the invocation ran unguarded, 0 items");
    }
  }

  @Test
  void aRuntimeWithoutTheKnownDispatch_failsInit_whenAGuardIsRequired() {
    String parameter = "/fidelity/" + Fidelity.functionName("closed-runtime-required");
    harness.ssm().put(parameter, Fidelity.OPEN);
    LocalLambda lambda =
        harness.lambda(Fidelity.functionName("closed-runtime-required"), Duration.ofSeconds(10));
    try (LambdaFunction function =
        Fidelity.guarded(harness, lambda, SUITE, 17, RuntimeClients.LEGACY, parameter)
            .withHandler("example.Handler::handleRequest")
            .withMainClass(CLOSED_RUNTIME, testClasses())
            .withEnv("MAINTENANCE_WINDOW_REQUIRE_GUARD", "true")
            .start()) {
      Integer exit = function.awaitExit(Fidelity.READY);

      assertThat(exit).isNotNull().isNotZero();
      assertThat(lambda.nextPolls()).isZero();
      assertThat(function.logLines())
          .anyMatch(
              l ->
                  l.contains("NOT guarded") && l.contains("MAINTENANCE_WINDOW_REQUIRE_GUARD=true"));
      record(
          "no dispatch found, guard required",
          "same, `MAINTENANCE_WINDOW_REQUIRE_GUARD=true`",
          "the JVM exits with " + exit + " before polling for an event (INIT fails)");
    }
  }

  @Test
  void aFunctionBundlingItsOwnJacksonSdkAndByteBuddy_getsItsOwnCopies_withAndWithoutTheAgent() {
    for (Object[] cell :
        new Object[][] {{RuntimeClients.LEGACY, 17}, {RuntimeClients.CURRENT, 25}}) {
      String ric = (String) cell[0];
      int jdk = (Integer) cell[1];
      String parameter = "/fidelity/" + Fidelity.functionName("libraries");
      harness.ssm().put(parameter, Fidelity.CLOSED);
      LocalLambda baseLambda =
          harness.lambda(Fidelity.functionName("libraries-base"), Duration.ofSeconds(10));
      LocalLambda guardLambda =
          harness.lambda(Fidelity.functionName("libraries-guard"), Duration.ofSeconds(10));
      String handler = "io.github.lambdamw.testfunctions.LibraryVersionsHandler";
      try (LambdaFunction base =
              Fidelity.baseline(harness, baseLambda, SUITE, jdk, ric)
                  .withHandler(handler)
                  .withFunctionJar(BuiltArtifacts.testFunctionsJar())
                  .start();
          LambdaFunction guard =
              Fidelity.guarded(harness, guardLambda, SUITE, jdk, ric, parameter)
                  .withHandler(handler)
                  .withFunctionJar(BuiltArtifacts.testFunctionsJar())
                  .start()) {
        base.awaitReady(Fidelity.READY);
        guard.awaitReady(Fidelity.READY);
        byte[] event = utf8("{\"m\":\"" + Fidelity.MARKER + "\"}");
        InvokeResult expected = baseLambda.invoke(event);
        InvokeResult actual = guardLambda.invoke(event);

        assertThat(actual.isFunctionError()).as(actual.payloadUtf8()).isFalse();
        // The answer names the function's class loader with its identity hash, which differs
        // between any two JVMs; everything else must be the same bytes.
        assertThat(withoutIdentityHashes(actual.payloadUtf8()))
            .isEqualTo(withoutIdentityHashes(expected.payloadUtf8()));
        assertThat(actual.payloadUtf8())
            .contains("\"jackson\":\"2.15")
            .contains("\"byteBuddy\":\"1.14")
            .contains("\"awsSdkCore\":\"2.25")
            .doesNotContain("AppClassLoader");
        record(
            "function bundling Jackson 2.15, AWS SDK 2.25, Byte Buddy 1.14",
            "RIC " + ric + ", JDK " + jdk + ", window closed",
            "answer identical to the run without the agent (but for class loaders' identity hashes): `"
                + withoutIdentityHashes(actual.payloadUtf8())
                + "`");
      }
    }
  }

  private static String withoutIdentityHashes(String text) {
    return text.replaceAll("@[0-9a-f]+", "@…");
  }

  @Test
  void snapStart_readsTheWindowAfreshAfterARestore() {
    for (Object[] cell :
        new Object[][] {{RuntimeClients.LEGACY, 17}, {RuntimeClients.CURRENT, 25}}) {
      String ric = (String) cell[0];
      int jdk = (Integer) cell[1];
      String parameter = "/fidelity/" + Fidelity.functionName("snapstart");
      harness.ssm().put(parameter, Fidelity.CLOSED);
      LocalLambda lambda =
          harness.lambda(Fidelity.functionName("snapstart"), Duration.ofSeconds(10));
      try (LambdaFunction function =
          Fidelity.guarded(harness, lambda, SUITE, jdk, ric, parameter)
              .withHandler("io.github.lambdamw.testfunctions.EchoHandler")
              .withFunctionJar(BuiltArtifacts.testFunctionsJar())
              .withEnv("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start")
              // Without the restore hook, the window read at INIT would be trusted for an hour.
              .withEnv("MAINTENANCE_WINDOW_REFRESH_SECONDS", "3600")
              .start()) {
        assertThat(lambda.awaitCheckpoint(Fidelity.READY))
            .as("the runtime reached its checkpoint")
            .isTrue();
        function.awaitLog(l -> l.contains("read the window from"), Duration.ofSeconds(30));
        int readsBefore = harness.ssm().calls("GetParameter");

        // Hours later, a snapshot is restored: the window opened meanwhile.
        harness.ssm().put(parameter, Fidelity.OPEN);
        lambda.restore();
        function.awaitReady(Fidelity.READY);
        int readsInRestorePhase = harness.ssm().calls("GetParameter") - readsBefore;
        byte[] event = utf8("{\"m\":\"" + Fidelity.MARKER + "\"}");
        InvokeResult result = lambda.invoke(event);
        int readsAfterRestore = harness.ssm().calls("GetParameter") - readsBefore;

        assertThat(Fidelity.isDeferredAnswer(result)).as(result.payloadUtf8()).isTrue();
        assertThat(readsAfterRestore).isEqualTo(1);
        assertThat(readsInRestorePhase)
            .as("read in the restore phase, not by the invocation")
            .isEqualTo(1);
        assertThat(items.payload(lambda.functionName(), result.requestId())).isEqualTo(event);
        assertThat(lambda.restoreErrors()).isZero();
        assertThat(function.awaitLog(l -> l.contains("SnapStart restore"), Duration.ofSeconds(5)))
            .isNotNull();
        record(
            "SnapStart restore",
            "RIC "
                + ric
                + ", JDK "
                + jdk
                + ", refresh 3600 s; window closed at the checkpoint, opened before the restore",
            "the first invocation after the restore was deferred and stored; SSM read "
                + readsAfterRestore
                + " time(s) after the restore, before that invocation ran");
      }
    }
  }
}

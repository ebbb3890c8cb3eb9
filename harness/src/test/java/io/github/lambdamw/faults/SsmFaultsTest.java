package io.github.lambdamw.faults;

import static io.github.lambdamw.fidelity.Fidelity.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lambdamw.fidelity.Fidelity;
import io.github.lambdamw.fidelity.Results;
import io.github.lambdamw.fidelity.StoredItems;
import io.github.lambdamw.fidelity.Suites;
import io.github.lambdamw.harness.Harness;
import io.github.lambdamw.harness.function.BuiltArtifacts;
import io.github.lambdamw.harness.function.LambdaFunction;
import io.github.lambdamw.harness.function.RuntimeClients;
import io.github.lambdamw.harness.runtimeapi.InvokeResult;
import io.github.lambdamw.harness.runtimeapi.LocalLambda;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SSM failing: at INIT (nothing ever read: the configured fail mode) and on refresh (the last value
 * read is kept). Each cause is logged once, and SSM is not asked more often than the back-off
 * allows. CountingHandler tells whether the handler ran.
 */
class SsmFaultsTest {
  static final String SUITE = "ssm-faults";
  static final String COUNTING = "io.github.lambdamw.testfunctions.CountingHandler";

  /** Invocations per scenario, one every 100 ms (about 3 s: three refresh intervals). */
  static final int INVOCATIONS = 30;

  private static Harness harness;
  private static StoredItems items;
  @TempDir Path temp;

  @BeforeAll
  static void start() {
    harness = Suites.start(SUITE);
    items = Suites.items(harness);
  }

  @AfterAll
  static void stop() {
    Suites.stop(harness, SUITE);
  }

  private LambdaFunction function(
      LocalLambda lambda, String parameter, Path runLog, Map<String, String> env) {
    return harness.track(
        Fidelity.guarded(harness, lambda, SUITE, 25, RuntimeClients.CURRENT, parameter)
            .withHandler(COUNTING)
            .withFunctionJar(BuiltArtifacts.testFunctionsJar())
            .withEnv("TEST_RUN_LOG", runLog.toString())
            .withEnv(env)
            .start()
            .awaitReady(Fidelity.READY));
  }

  /**
   * Invokes {@link #INVOCATIONS} times, 100 ms apart; returns [deferred, handler answers, errors].
   */
  private static int[] invokeSpread(LocalLambda lambda) {
    int[] counts = new int[3];
    for (int i = 0; i < INVOCATIONS; i++) {
      InvokeResult result =
          lambda.invoke(utf8("{\"i\":" + i + ",\"m\":\"" + Fidelity.MARKER + "\"}"));
      if (Fidelity.isDeferredAnswer(result)) {
        counts[0]++;
      } else if (!result.isFunctionError()) {
        counts[1]++;
      } else {
        counts[2]++;
      }
      Fidelity.sleep(Duration.ofMillis(100));
    }
    return counts;
  }

  private static long lines(LambdaFunction function, Predicate<String> which) {
    return function.logLines().stream().filter(which).count();
  }

  private static int runs(Path runLog) throws IOException {
    return Files.exists(runLog) ? Files.readAllLines(runLog).size() : 0;
  }

  private static void record(
      String fault,
      String mode,
      int[] counts,
      int runs,
      int items,
      long logLines,
      int ssmCalls,
      String problems) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("fault", fault);
    row.put("mode", mode);
    row.put("invocations", INVOCATIONS);
    row.put("deferred", counts[0]);
    row.put("handlerRan", runs);
    row.put("errors", counts[2]);
    row.put("items", items);
    row.put("logLinesForTheCause", logLines);
    row.put("ssmCalls", ssmCalls);
    row.put("problems", problems);
    Results.record(SUITE, "ssm-faults", row);
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void ssmUnreachableAtInit_followsTheConfiguredFailMode_andSaysSoOnce() throws IOException {
    for (String mode : List.of("run-handler", "defer")) {
      Path runLog = temp.resolve("runs-unreachable-" + mode);
      LocalLambda lambda =
          harness.lambda(Fidelity.functionName("ssm-unreachable-" + mode), Duration.ofSeconds(10));
      LambdaFunction function =
          function(
              lambda,
              "/fidelity/unreachable",
              runLog,
              Map.of(
                  "AWS_ENDPOINT_URL_SSM",
                  "http://127.0.0.1:" + closedPort(),
                  "MAINTENANCE_WINDOW_ON_READ_ERROR",
                  mode,
                  "MAINTENANCE_WINDOW_SSM_TIMEOUT_MILLIS",
                  "500"));
      int[] counts = invokeSpread(lambda);
      long causeLines = lines(function, l -> l.contains("could not be reached"));
      int stored = items.requestIds(lambda.functionName()).size();
      int ran = runs(runLog);
      record(
          "SSM unreachable at INIT (connection refused)",
          mode,
          counts,
          ran,
          stored,
          causeLines,
          -1,
          "");

      assertThat(causeLines).isEqualTo(1);
      if (mode.equals("defer")) {
        assertThat(counts[0]).isEqualTo(INVOCATIONS);
        assertThat(stored).isEqualTo(INVOCATIONS);
        assertThat(ran).isZero();
      } else {
        assertThat(ran).isEqualTo(INVOCATIONS);
        assertThat(stored).isZero();
      }
    }
  }

  @Test
  void
      ssmFailingAtInit_isRetriedOnABackOff_thenTheFailModeApplies_andTheWindowIsUsedOnceItCanBeRead()
          throws IOException {
    Path runLog = temp.resolve("runs-failing");
    String parameter = "/fidelity/" + Fidelity.functionName("failing");
    harness.ssm().put(parameter, Fidelity.OPEN);
    harness.ssm().failAllCalls(true);
    int callsBefore = harness.ssm().calls("GetParameter");
    LocalLambda lambda =
        harness.lambda(Fidelity.functionName("ssm-failing"), Duration.ofSeconds(10));
    // A server fault is retried like a throttle (the answer is unknown, not absent) within the read
    // budgets; short
    // budgets here keep the scenario short. The defaults: README, "Configuration".
    LambdaFunction function =
        function(
            lambda,
            parameter,
            runLog,
            Map.of(
                "MAINTENANCE_WINDOW_INIT_READ_BUDGET_MILLIS", "200",
                "MAINTENANCE_WINDOW_INVOKE_READ_BUDGET_MILLIS", "200"));
    int[] counts = invokeSpread(lambda);
    int calls = harness.ssm().calls("GetParameter") - callsBefore;
    harness.ssm().failAllCalls(false);
    long causeLines = lines(function, l -> l.contains("InternalServerError"));
    record(
        "SSM answering HTTP 500 from INIT on",
        "run-handler (default), read budgets 200 ms",
        counts,
        runs(runLog),
        items.requestIds(lambda.functionName()).size(),
        causeLines,
        calls,
        "");
    // Full-jitter back-off from 100 ms doubling to 5 s, one schedule whichever invocation waits:
    // far fewer calls than
    // invocations over about 10 s.
    assertThat(calls).isLessThan(INVOCATIONS / 2);
    assertThat(causeLines).isEqualTo(1);
    assertThat(runs(runLog)).isEqualTo(INVOCATIONS);
    // Healed: the open window is read at the schedule's next attempt (at most 5 s away).
    boolean deferred = false;
    for (int i = 0; i < 30 && !deferred; i++) {
      Fidelity.sleep(Duration.ofMillis(500));
      deferred =
          Fidelity.isDeferredAnswer(lambda.invoke(utf8("{\"m\":\"" + Fidelity.MARKER + "\"}")));
    }
    assertThat(deferred).isTrue();
  }

  @Test
  void refreshFailures_keepTheLastWindowRead_logEachCauseOnce_andDoNotHammerSsm()
      throws IOException {
    Path runLog = temp.resolve("runs-refresh");
    String parameter = "/fidelity/" + Fidelity.functionName("refresh");
    harness.ssm().put(parameter, Fidelity.OPEN);
    LocalLambda lambda =
        harness.lambda(Fidelity.functionName("ssm-refresh"), Duration.ofSeconds(10));
    LambdaFunction function = function(lambda, parameter, runLog, Map.of());
    assertThat(
            Fidelity.isDeferredAnswer(lambda.invoke(utf8("{\"m\":\"" + Fidelity.MARKER + "\"}"))))
        .isTrue();

    record(
        lambda,
        function,
        runLog,
        "ThrottlingException on every refresh",
        "ThrottlingException",
        () -> harness.ssm().throttleNext(1_000_000),
        () -> harness.ssm().resetFaults(),
        parameter);
    record(
        lambda,
        function,
        runLog,
        "parameter deleted",
        "does not exist",
        () -> harness.ssm().delete(parameter),
        () -> harness.ssm().put(parameter, Fidelity.OPEN),
        parameter);
    record(
        lambda,
        function,
        runLog,
        "value malformed",
        "not a window",
        () -> harness.ssm().put(parameter, "2026-13-45T99:00:00Z,yesterday"),
        () -> harness.ssm().put(parameter, Fidelity.OPEN),
        parameter);
  }

  private void record(
      LocalLambda lambda,
      LambdaFunction function,
      Path runLog,
      String fault,
      String cause,
      Runnable faultOn,
      Runnable faultOff,
      String parameter)
      throws IOException {
    int itemsBefore = items.requestIds(lambda.functionName()).size();
    int runsBefore = runs(runLog);
    faultOn.run();
    int callsBefore = harness.ssm().calls("GetParameter");
    int[] counts = invokeSpread(lambda);
    int calls = harness.ssm().calls("GetParameter") - callsBefore;
    faultOff.run();
    long causeLines = lines(function, l -> l.contains(cause));
    int stored = items.requestIds(lambda.functionName()).size() - itemsBefore;
    int ran = runs(runLog) - runsBefore;
    record(
        fault + " (window open before)",
        "last value kept",
        counts,
        ran,
        stored,
        causeLines,
        calls,
        "");
    assertThat(counts[0]).as(fault).isEqualTo(INVOCATIONS);
    assertThat(stored).as(fault).isEqualTo(INVOCATIONS);
    assertThat(ran).as(fault).isZero();
    assertThat(causeLines).as(fault + ": log lines naming the cause").isEqualTo(1);
    // One read per refresh interval (1 s), at most two attempts each, over about 3.5 s.
    assertThat(calls).as(fault + ": SSM calls").isLessThanOrEqualTo(10);
    // Back to a readable value before the next fault, so each fault starts from a fresh read.
    Fidelity.sleep(Fidelity.AFTER_REFRESH);
    lambda.invoke(utf8("{\"m\":\"" + Fidelity.MARKER + "\"}"));
  }
}

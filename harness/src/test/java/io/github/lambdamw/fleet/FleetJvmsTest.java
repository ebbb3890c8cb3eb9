package io.github.lambdamw.fleet;

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
import io.github.lambdamw.harness.ssm.LocalSsm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fleet simulation's cross-check with real JVMs: a few functions started as Lambda starts them
 * (the real runtime interface client, through the layer's wrapper), cold, with their first
 * invocation already waiting, against the rate-limited SSM stand-in whose quota the rest of the
 * burst ({@link BackgroundReaders}) keeps spent until each function has been throttled. The window
 * is open: no handler may run, every event must be stored.
 */
class FleetJvmsTest {
  static final String SUITE = "fleet-jvms";
  static final String COUNTING = "io.github.lambdamw.testfunctions.CountingHandler";
  static final int FUNCTIONS = 4;

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

  @Test
  void coldFunctionsMeetingAThrottlingSsm_inAnOpenWindow_runNoHandler_andStoreEveryEvent()
      throws Exception {
    try (LocalSsm ssm = LocalSsm.builder().withRateLimit(40, 40).start()) {
      ssm.put(FleetSimulation.PARAMETER, FleetSimulation.OPEN);
      // The rest of the burst: far more reads than the quota, so the functions' first reads are
      // throttled.
      BackgroundReaders burst =
          new BackgroundReaders(ssm.endpoint(), FleetSimulation.PARAMETER, 40, 20);
      try {
        Fidelity.sleep(
            Duration.ofMillis(1_500)); // the bucket's burst is spent before the functions start
        List<LocalLambda> lambdas = new ArrayList<>();
        List<LambdaFunction> functions = new ArrayList<>();
        List<Path> runLogs = new ArrayList<>();
        List<CompletableFuture<InvokeResult>> answers = new ArrayList<>();
        List<Long> sentAt = new ArrayList<>();
        for (int i = 0; i < FUNCTIONS; i++) {
          LocalLambda lambda =
              harness.lambda(Fidelity.functionName("fleet-jvm-" + i), Duration.ofSeconds(60));
          Path runLog = temp.resolve("runs-" + i);
          // The event is queued before the runtime starts: it is the invocation that caused the
          // cold start.
          sentAt.add(System.nanoTime());
          answers.add(
              lambda.invokeAsync(utf8("{\"fleet\":" + i + ",\"m\":\"" + Fidelity.MARKER + "\"}")));
          functions.add(
              harness.track(
                  Fidelity.guarded(
                          harness,
                          lambda,
                          SUITE,
                          17,
                          RuntimeClients.CURRENT,
                          FleetSimulation.PARAMETER)
                      .withHandler(COUNTING)
                      .withFunctionJar(BuiltArtifacts.testFunctionsJar())
                      .withEnv("TEST_RUN_LOG", runLog.toString())
                      .withEnv("AWS_ENDPOINT_URL_SSM", ssm.endpoint().toString())
                      .start()));
          lambdas.add(lambda);
          runLogs.add(runLog);
        }
        // Until each function has met the throttle or answered, then the burst ends and the quota
        // frees up. Each function on its own: a function whose read got through before the burst
        // reached it answers unthrottled, and must not keep the burst going until the others have
        // spent their whole read budget (the fail mode would then run their handlers).
        long until = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < until && !eachThrottledOrAnswered(functions, answers)) {
          Fidelity.sleep(Duration.ofMillis(200));
        }
        burst.close();
        for (int i = 0; i < FUNCTIONS; i++) {
          InvokeResult result = answers.get(i).get(90, java.util.concurrent.TimeUnit.SECONDS);
          long millis = (System.nanoTime() - sentAt.get(i)) / 1_000_000;
          LambdaFunction function = functions.get(i);
          long throttledLines =
              function.logLines().stream().filter(l -> l.contains("ThrottlingException")).count();
          int runs = Files.exists(runLogs.get(i)) ? Files.readAllLines(runLogs.get(i)).size() : 0;
          int stored = items.requestIds(lambdas.get(i).functionName()).size();
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("function", i);
          row.put("deferred", Fidelity.isDeferredAnswer(result));
          row.put("handlerRan", runs);
          row.put("stored", stored);
          row.put("throttledLogLines", throttledLines);
          row.put("coldStartToAnswerMillis", millis);
          Results.record(SUITE, "fleet-jvms", row);
          System.out.println("[fleet-jvms] " + row);

          assertThat(Fidelity.isDeferredAnswer(result))
              .as("function %d answered: %s", i, result)
              .isTrue();
          assertThat(runs).as("handler runs of function %d", i).isZero();
          assertThat(stored).as("events stored for function %d", i).isEqualTo(1);
        }
        // The functions did meet throttling (else this test proves nothing).
        long throttledFunctions = functions.stream().filter(FleetJvmsTest::throttled).count();
        assertThat(throttledFunctions)
            .as("functions that were throttled")
            .isGreaterThanOrEqualTo(FUNCTIONS - 1);
      } finally {
        burst.close();
      }
    }
  }

  private static boolean eachThrottledOrAnswered(
      List<LambdaFunction> functions, List<CompletableFuture<InvokeResult>> answers) {
    for (int i = 0; i < functions.size(); i++) {
      if (!throttled(functions.get(i)) && !answers.get(i).isDone()) {
        return false;
      }
    }
    return true;
  }

  private static boolean throttled(LambdaFunction function) {
    return function.logLines().stream().anyMatch(line -> line.contains("ThrottlingException"));
  }
}

package io.github.lambdamw.fidelity;

import static io.github.lambdamw.fidelity.Fidelity.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lambdamw.harness.Harness;
import io.github.lambdamw.harness.function.BuiltArtifacts;
import io.github.lambdamw.harness.function.LambdaFunction;
import io.github.lambdamw.harness.function.RuntimeClients;
import io.github.lambdamw.harness.runtimeapi.InvokeResult;
import io.github.lambdamw.harness.runtimeapi.LocalLambda;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lambda Managed Instances: RIC 2.10.1 with {@code AWS_LAMBDA_MAX_CONCURRENCY=8} runs eight loops
 * calling one handler. 1,000 concurrent invocations, closed then open, in one process.
 */
class MultiConcurrencyTest {
  static final String SUITE = "multi-concurrency";
  static final int INVOCATIONS = 1_000;

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
  void thousandConcurrentInvocations_runTheHandlerOnceEachClosed_andAreStoredOnceEachOpen()
      throws IOException {
    Path runLog = temp.resolve("runs.log");
    String parameter = "/fidelity/" + Fidelity.functionName("multi");
    harness.ssm().put(parameter, Fidelity.CLOSED);
    LocalLambda lambda = harness.lambda(Fidelity.functionName("multi"), Duration.ofSeconds(60));
    try (LambdaFunction function =
        Fidelity.guarded(harness, lambda, SUITE, 25, RuntimeClients.CURRENT, parameter)
            .withHandler("io.github.lambdamw.testfunctions.CountingHandler")
            .withFunctionJar(BuiltArtifacts.testFunctionsJar())
            .withEnv("AWS_LAMBDA_MAX_CONCURRENCY", "8")
            .withEnv("TEST_RUN_LOG", runLog.toString())
            .start()) {
      function.awaitReady(Fidelity.READY);

      long closedStart = System.nanoTime();
      List<InvokeResult> closed = invokeAll(lambda, "closed");
      long closedMillis = (System.nanoTime() - closedStart) / 1_000_000;
      Set<String> closedIds = ids(closed);
      List<String> runs = Files.readAllLines(runLog);
      long echoed =
          closed.stream()
              .filter(
                  r ->
                      !r.isFunctionError()
                          && r.payloadUtf8().equals(event("closed", r.requestId())))
              .count();

      harness.ssm().put(parameter, Fidelity.OPEN);
      Fidelity.sleep(Fidelity.AFTER_REFRESH);
      long openStart = System.nanoTime();
      List<InvokeResult> open = invokeAll(lambda, "open");
      long openMillis = (System.nanoTime() - openStart) / 1_000_000;
      Set<String> openIds = ids(open);
      long deferred = open.stream().filter(Fidelity::isDeferredAnswer).count();
      List<String> stored = items.requestIds(lambda.functionName());
      List<String> runsAfterOpen = Files.readAllLines(runLog);
      long exact = 0;
      for (InvokeResult result : open) {
        if (new String(
                items.payload(lambda.functionName(), result.requestId()),
                java.nio.charset.StandardCharsets.UTF_8)
            .equals(event("open", result.requestId()))) {
          exact++;
        }
      }

      Map<String, Object> row = new LinkedHashMap<>();
      row.put("setup", "RIC 2.10.1, JDK 25, AWS_LAMBDA_MAX_CONCURRENCY=8, CountingHandler");
      row.put("closedInvocations", INVOCATIONS);
      row.put("closedEchoed", echoed);
      row.put("handlerRuns", runs.size());
      row.put("distinctHandlerRuns", new HashSet<>(runs).size());
      row.put("closedSeconds", closedMillis / 1000.0);
      row.put("openInvocations", INVOCATIONS);
      row.put("openDeferredAnswers", deferred);
      row.put("items", stored.size());
      row.put("distinctItems", new HashSet<>(stored).size());
      row.put("itemsWithExactBytes", exact);
      row.put("handlerRunsWhileOpen", runsAfterOpen.size() - runs.size());
      row.put("openSeconds", openMillis / 1000.0);
      Results.record(SUITE, "multi-concurrency", row);

      assertThat(closedIds).hasSize(INVOCATIONS);
      assertThat(echoed).isEqualTo(INVOCATIONS);
      assertThat(runs).hasSize(INVOCATIONS);
      assertThat(new HashSet<>(runs)).isEqualTo(closedIds);
      assertThat(deferred).isEqualTo(INVOCATIONS);
      assertThat(stored).hasSize(INVOCATIONS);
      assertThat(new HashSet<>(stored)).isEqualTo(openIds);
      assertThat(exact).isEqualTo(INVOCATIONS);
      assertThat(runsAfterOpen).hasSize(INVOCATIONS);
    }
  }

  private static String event(String phase, String requestId) {
    return "{\"phase\":\""
        + phase
        + "\",\"id\":\""
        + requestId
        + "\",\"m\":\""
        + Fidelity.MARKER
        + "\"}";
  }

  private static List<InvokeResult> invokeAll(LocalLambda lambda, String phase) {
    List<CompletableFuture<InvokeResult>> futures = new ArrayList<>();
    for (int i = 0; i < INVOCATIONS; i++) {
      String id = java.util.UUID.randomUUID().toString();
      futures.add(lambda.invokeAsync(utf8(event(phase, id)), id));
    }
    return futures.stream().map(CompletableFuture::join).toList();
  }

  private static Set<String> ids(List<InvokeResult> results) {
    Set<String> ids = new HashSet<>();
    results.forEach(r -> ids.add(r.requestId()));
    return ids;
  }
}

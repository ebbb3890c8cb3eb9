package io.github.lambdamw.faults;

import static io.github.lambdamw.fidelity.Fidelity.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lambdamw.fidelity.Fidelity;
import io.github.lambdamw.fidelity.LogAudit;
import io.github.lambdamw.fidelity.Results;
import io.github.lambdamw.fidelity.StoredItems;
import io.github.lambdamw.harness.Harness;
import io.github.lambdamw.harness.dynamodb.DeferralTable;
import io.github.lambdamw.harness.dynamodb.DynamoDbFaultProxy;
import io.github.lambdamw.harness.function.BuiltArtifacts;
import io.github.lambdamw.harness.function.LambdaFunction;
import io.github.lambdamw.harness.function.RuntimeClients;
import io.github.lambdamw.harness.runtimeapi.InvokeResult;
import io.github.lambdamw.harness.runtimeapi.LocalLambda;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DynamoDB failing while a window is open: every invocation must end stored once or reported as an
 * error (which Lambda retries), never as a success without an item. After each fault, every failed
 * request id is delivered again, as Lambda's retry would, and each must then be stored exactly
 * once.
 */
class DynamoDbFaultsTest {
  static final String SUITE = "dynamodb-faults";
  static final Duration TIMEOUT = Duration.ofSeconds(3);
  static final String ECHO = "io.github.lambdamw.testfunctions.EchoHandler";

  private static Harness harness;
  private static DynamoDbFaultProxy proxy;
  private static StoredItems items;
  private static String parameter;

  @BeforeAll
  static void start() {
    Fidelity.resetLogs(SUITE);
    Results.reset(SUITE);
    harness = Harness.start();
    var dynamoDb = Fidelity.dynamoDb(harness.dynamoDb().endpoint());
    DeferralTable.create(dynamoDb, Fidelity.TABLE);
    items = new StoredItems(dynamoDb, Fidelity.TABLE);
    proxy = harness.track(DynamoDbFaultProxy.start(harness.dynamoDb().endpoint()));
    parameter = "/fidelity/" + Fidelity.functionName("dynamodb-faults");
    harness.ssm().put(parameter, Fidelity.OPEN);
  }

  @AfterAll
  static void stop() {
    if (harness != null) {
      harness.close();
    }
    LogAudit.assertNoPayloadInLogs(SUITE);
  }

  /** A guarded echo function, through the proxy unless {@code direct}. */
  private static LambdaFunction function(LocalLambda lambda, boolean direct, int concurrency) {
    var builder =
        Fidelity.guarded(harness, lambda, SUITE, 25, RuntimeClients.CURRENT, parameter)
            .withHandler(ECHO)
            .withFunctionJar(BuiltArtifacts.testFunctionsJar());
    if (!direct) {
      builder.withEnv("AWS_ENDPOINT_URL_DYNAMODB", proxy.endpoint().toString());
    }
    if (concurrency > 1) {
      builder.withEnv("AWS_LAMBDA_MAX_CONCURRENCY", Integer.toString(concurrency));
    }
    return harness.track(builder.start()).awaitReady(Fidelity.READY);
  }

  private static byte[] event(String requestId) {
    return utf8("{\"id\":\"" + requestId + "\",\"m\":\"" + Fidelity.MARKER + "\"}");
  }

  @Test
  void dynamoDbStoppedSlowThrottledOrDropping_neverAnswersSuccessWithoutAnItem() {
    LocalLambda direct = harness.lambda(Fidelity.functionName("ddb-stopped"), TIMEOUT);
    function(direct, true, 1);
    LocalLambda proxied = harness.lambda(Fidelity.functionName("ddb-proxied"), TIMEOUT);
    function(proxied, false, 4);
    // Warm both: the first deferral builds the DynamoDB client.
    direct.invoke(event("warm"));
    proxied.invoke(event("warm"));

    List<Map<String, Object>> rows = new ArrayList<>();
    rows.add(
        scenario(
            "DynamoDB stopped (connection refused)",
            direct,
            8,
            () -> harness.dynamoDb().stop(),
            () -> harness.dynamoDb().restart()));
    rows.add(
        scenario(
            "throttled: every request answers ProvisionedThroughputExceededException",
            proxied,
            8,
            () -> proxy.throttleAll(true),
            proxy::clearFaults));
    rows.add(
        scenario(
            "throttled: the first 2 requests of each burst (SDK retries absorb it)",
            proxied,
            8,
            () -> proxy.throttleNext(2),
            proxy::clearFaults));
    rows.add(
        scenario(
            "slow: each request reaches DynamoDB after 4 s (function timeout 3 s)",
            proxied,
            8,
            () -> proxy.delayRequests(Duration.ofSeconds(4)),
            proxy::clearFaults));
    rows.add(
        scenario(
            "slow answers: DynamoDB writes at once, answers after 4 s",
            proxied,
            8,
            () -> proxy.delayResponses(Duration.ofSeconds(4)),
            proxy::clearFaults));
    rows.add(
        scenario(
            "connections dropped without an answer",
            proxied,
            8,
            () -> proxy.dropAll(true),
            proxy::clearFaults));
    rows.forEach(row -> Results.record(SUITE, "faults", row));
    for (Map<String, Object> row : rows) {
      assertThat(row.get("successWithoutItem")).as(row.get("fault") + "").isEqualTo(0);
      assertThat(row.get("problems")).as(row.get("fault") + "").isEqualTo("");
    }
  }

  /**
   * Fires {@code count} invocations under a fault, counts the outcomes, heals, delivers the failed
   * request ids again, and checks that every id is stored exactly once with its exact bytes.
   */
  private static Map<String, Object> scenario(
      String fault, LocalLambda lambda, int count, Runnable faultOn, Runnable faultOff) {
    Map<String, byte[]> events = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      String id = UUID.randomUUID().toString();
      events.put(id, event(id));
    }
    faultOn.run();
    List<CompletableFuture<InvokeResult>> futures = new ArrayList<>();
    events.forEach((id, event) -> futures.add(lambda.invokeAsync(event, id)));
    List<InvokeResult> results = futures.stream().map(CompletableFuture::join).toList();
    faultOff.run();
    // Requests a fault held back may still land (a slow DynamoDB writes after the caller gave up).
    Fidelity.sleep(Duration.ofSeconds(fault.startsWith("slow") ? 5 : 0));

    int success = 0;
    int successWithoutItem = 0;
    int errors = 0;
    int timeouts = 0;
    int errorButStored = 0;
    Map<String, Integer> errorTypes = new HashMap<>();
    List<String> retry = new ArrayList<>();
    for (InvokeResult result : results) {
      boolean stored = items.item(lambda.functionName(), result.requestId()) != null;
      if (!result.isFunctionError()) {
        success++;
        if (!stored || !Fidelity.isDeferredAnswer(result)) {
          successWithoutItem++;
        }
      } else {
        if ("Sandbox.Timedout".equals(result.runtimeErrorType())) {
          timeouts++;
        } else {
          errors++;
        }
        errorTypes.merge(String.valueOf(result.runtimeErrorType()), 1, Integer::sum);
        if (stored) {
          errorButStored++;
        }
        retry.add(result.requestId());
      }
    }
    int retriedOk = 0;
    for (String id : retry) {
      if (Fidelity.isDeferredAnswer(lambda.invoke(events.get(id), id))) {
        retriedOk++;
      }
    }
    List<String> problems = new ArrayList<>();
    List<String> stored = items.requestIds(lambda.functionName());
    int exactlyOnce = 0;
    for (var entry : events.entrySet()) {
      long copies = stored.stream().filter(entry.getKey()::equals).count();
      if (copies == 1
          && Arrays.equals(
              items.payload(lambda.functionName(), entry.getKey()), entry.getValue())) {
        exactlyOnce++;
      }
    }
    if (exactlyOnce != count) {
      problems.add(exactlyOnce + " of " + count + " stored exactly once after the retries");
    }
    if (retriedOk != retry.size()) {
      problems.add(retriedOk + " of " + retry.size() + " retries succeeded");
    }
    if (new HashSet<>(stored).size() != stored.size()) {
      problems.add("duplicate items");
    }
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("fault", fault);
    row.put("invocations", count);
    row.put("successStored", success - successWithoutItem);
    row.put("successWithoutItem", successWithoutItem);
    row.put("errors", errors);
    row.put("timeouts", timeouts);
    row.put("errorTypes", errorTypes.toString());
    row.put("errorButStoredAnyway", errorButStored);
    row.put("retried", retry.size());
    row.put("retriedStored", retriedOk);
    row.put("storedExactlyOnceInTheEnd", exactlyOnce);
    row.put("problems", String.join("; ", problems));
    return row;
  }

  @Test
  void aProcessKilledMidDeferral_thenTheSameRequestIdDeliveredAgain_leavesOneItem() {
    LocalLambda survivor =
        harness.lambda(Fidelity.functionName("ddb-killed"), Duration.ofSeconds(10));
    String functionName = survivor.functionName();
    function(survivor, true, 1);
    List<Map<String, Object>> rows = new ArrayList<>();

    // 1. Killed after DynamoDB wrote the item, before the process heard back.
    {
      LocalLambda doomed =
          harness.track(
              LocalLambda.builder(functionName)
                  .withTimeout(Duration.ofSeconds(30))
                  .withRegion(Harness.REGION)
                  .start());
      LambdaFunction process = function(doomed, false, 1);
      String id = UUID.randomUUID().toString();
      byte[] event = event(id);
      int before = proxy.forwarded();
      proxy.delayResponses(Duration.ofSeconds(30));
      doomed.invokeAsync(event, id);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (proxy.forwarded() <= before && System.nanoTime() < deadline) {
        Fidelity.sleep(Duration.ofMillis(10));
      }
      process.close();
      proxy.clearFaults();
      boolean storedBeforeRetry = items.item(functionName, id) != null;
      InvokeResult retry = survivor.invoke(event, id);
      rows.add(
          killedRow(
              "killed after the item was written, before DynamoDB's answer came back",
              functionName,
              id,
              event,
              storedBeforeRetry,
              retry,
              0));
    }

    // 2. Killed between the chunks of a 1 MB incompressible payload (3 chunk items + main item).
    {
      LocalLambda doomed =
          harness.track(
              LocalLambda.builder(functionName)
                  .withTimeout(Duration.ofSeconds(30))
                  .withRegion(Harness.REGION)
                  .start());
      LambdaFunction process = function(doomed, false, 1);
      doomed.invoke(event("warm-" + UUID.randomUUID())); // builds the client: one request
      String id = UUID.randomUUID().toString();
      byte[] event = new byte[1024 * 1024];
      ThreadLocalRandom.current().nextBytes(event);
      byte[] marker = utf8(Fidelity.MARKER);
      System.arraycopy(marker, 0, event, 100, marker.length);
      int before = proxy.requests();
      proxy.pauseAfterNext(1); // chunk 0 is written, chunk 1 hangs
      doomed.invokeAsync(event, id);
      proxy.awaitRequests(before + 2, Duration.ofSeconds(30));
      process.close();
      proxy.dropPaused();
      boolean storedBeforeRetry = items.item(functionName, id) != null;
      int orphanChunks =
          (int) items.chunkKeys(functionName).stream().filter(k -> k.startsWith(id)).count();
      InvokeResult retry = survivor.invoke(event, id);
      rows.add(
          killedRow(
              "killed after chunk 1 of 3 (1 MB payload), before the main item",
              functionName,
              id,
              event,
              storedBeforeRetry,
              retry,
              orphanChunks));
      assertThat(items.chunkKeys(functionName).stream().filter(k -> k.startsWith(id))).hasSize(3);
    }
    rows.forEach(row -> Results.record(SUITE, "killed", row));
    for (Map<String, Object> row : rows) {
      assertThat(row.get("problems")).as(row.get("case") + "").isEqualTo("");
    }
  }

  private static Map<String, Object> killedRow(
      String label,
      String functionName,
      String id,
      byte[] event,
      boolean storedBeforeRetry,
      InvokeResult retry,
      int chunksBeforeRetry) {
    List<String> problems = new ArrayList<>();
    long copies = items.requestIds(functionName).stream().filter(id::equals).count();
    if (!Fidelity.isDeferredAnswer(retry)) {
      problems.add("the retry answered " + retry.payloadUtf8());
    }
    if (copies != 1) {
      problems.add(copies + " items");
    } else if (!Arrays.equals(items.payload(functionName, id), event)) {
      problems.add("payload differs");
    }
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("case", label);
    row.put("mainItemBeforeRetry", storedBeforeRetry);
    row.put("chunksBeforeRetry", chunksBeforeRetry);
    row.put(
        "retryAnswer",
        Fidelity.isDeferredAnswer(retry) ? "deferred (success)" : retry.payloadUtf8());
    row.put("itemsAfterRetry", copies);
    row.put(
        "payloadIdentical", copies == 1 && Arrays.equals(items.payload(functionName, id), event));
    row.put("problems", String.join("; ", problems));
    return row;
  }
}

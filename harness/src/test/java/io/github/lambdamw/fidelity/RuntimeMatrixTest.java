package io.github.lambdamw.fidelity;

import static io.github.lambdamw.fidelity.Fidelity.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lambdamw.harness.Harness;
import io.github.lambdamw.harness.fixture.FixtureFunctionJar;
import io.github.lambdamw.harness.function.LambdaFunction;
import io.github.lambdamw.harness.function.RuntimeClients;
import io.github.lambdamw.harness.runtimeapi.InvokeResult;
import io.github.lambdamw.harness.runtimeapi.LocalLambda;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The core cells of the fidelity matrix: every runtime interface client release the build prepared
 * (2.3.1 … 2.10.1) × JDK 17 and 25. Per cell, one process without the layer (the baseline) and one
 * through it; with the window closed both get the same events (successes and failures) and must
 * answer byte for byte alike; then the window opens and each invocation must be stored once, with
 * its exact bytes, and the handler must not run (the fixture would echo or throw).
 */
class RuntimeMatrixTest {
  static final String SUITE = "runtime-matrix";

  private static final List<byte[]> SUCCESSES =
      List.of(
          utf8("{\"id\":1,\"marker\":\"" + Fidelity.MARKER + "\",\"text\":\"h\u00e9llo \u2713\"}"),
          utf8("[\"" + Fidelity.MARKER + "\",1,2.5,null,true]"),
          utf8("\"" + Fidelity.MARKER + "\""),
          utf8("{}"));

  /** ScriptedHandler throws with the message given; the runtime logs it, so no marker here. */
  private static final List<byte[]> FAILURES =
      List.of(utf8("{\"fail\":\"boom\"}"), utf8("{\"fail\":\"with \\\"quotes\\\" and \u00fc\"}"));

  private static final List<byte[]> OPEN_EVENTS =
      List.of(
          utf8("{\"id\":2,\"marker\":\"" + Fidelity.MARKER + "\"}"),
          utf8("{\"fail\":\"" + Fidelity.MARKER + "\"}"),
          utf8("\"" + Fidelity.MARKER + "\""));

  private static Harness harness;
  private static StoredItems items;

  @BeforeAll
  static void start() {
    Fidelity.resetLogs(SUITE);
    Results.reset(SUITE);
    harness = Harness.start();
    var dynamoDb = Fidelity.dynamoDb(harness.dynamoDb().endpoint());
    io.github.lambdamw.harness.dynamodb.DeferralTable.create(dynamoDb, Fidelity.TABLE);
    items = new StoredItems(dynamoDb, Fidelity.TABLE);
  }

  @AfterAll
  static void stop() {
    if (harness != null) {
      harness.close();
    }
    LogAudit.assertNoPayloadInLogs(SUITE);
  }

  @Test
  void everyReleaseOnBothJdks_closedAnswersAreByteIdentical_openStoresEachInvocationOnce() {
    List<String> releases = new ArrayList<>(RuntimeClients.prepared());
    releases.sort(Comparator.comparing(RuntimeMatrixTest::versionKey));
    assertThat(releases).hasSizeGreaterThanOrEqualTo(12);
    List<Callable<Map<String, Object>>> cells = new ArrayList<>();
    for (String ric : releases) {
      for (int jdk : new int[] {17, 25}) {
        cells.add(() -> cell(ric, jdk));
      }
    }
    List<Map<String, Object>> rows = Fidelity.inParallel(cells);
    rows.forEach(row -> Results.record(SUITE, "matrix", row));
    for (Map<String, Object> row : rows) {
      assertThat(row.get("problems"))
          .as(row.get("ric") + " on JDK " + row.get("jdk"))
          .isEqualTo("");
    }
  }

  private static Map<String, Object> cell(String ric, int jdk) {
    long started = System.nanoTime();
    String name = "m-" + ric + "-jdk" + jdk;
    String parameter = "/fidelity/" + Fidelity.functionName(name);
    harness.ssm().put(parameter, Fidelity.CLOSED);
    LocalLambda baseLambda =
        harness.lambda(Fidelity.functionName(name + "-base"), Duration.ofSeconds(10));
    LocalLambda guardLambda =
        harness.lambda(Fidelity.functionName(name + "-guard"), Duration.ofSeconds(10));
    List<String> problems = new ArrayList<>();
    int identical = 0;
    int open = 0;
    int stored = 0;
    String dispatch;
    try (LambdaFunction base =
            start(
                ric,
                Fidelity.baseline(harness, baseLambda, SUITE, jdk, ric)
                    .withHandler(FixtureFunctionJar.SCRIPTED_HANDLER)
                    .withFunctionJar(FixtureFunctionJar.path()));
        LambdaFunction guard =
            start(
                ric,
                Fidelity.guarded(harness, guardLambda, SUITE, jdk, ric, parameter)
                    .withHandler(FixtureFunctionJar.SCRIPTED_HANDLER)
                    .withFunctionJar(FixtureFunctionJar.path()))) {
      base.awaitReady(Fidelity.READY);
      guard.awaitReady(Fidelity.READY);

      List<byte[]> closed = new ArrayList<>(SUCCESSES);
      closed.addAll(FAILURES);
      for (byte[] event : closed) {
        InvokeResult expected = baseLambda.invoke(event);
        InvokeResult actual = guardLambda.invoke(event);
        if (Arrays.equals(expected.payload(), actual.payload())
            && java.util.Objects.equals(expected.functionError(), actual.functionError())
            && java.util.Objects.equals(expected.runtimeErrorType(), actual.runtimeErrorType())) {
          identical++;
        } else {
          problems.add(
              "closed answers differ: without agent "
                  + expected.runtimeErrorType()
                  + " "
                  + expected.payloadUtf8()
                  + " / with agent "
                  + actual.runtimeErrorType()
                  + " "
                  + actual.payloadUtf8());
        }
      }
      if (baseLambda.errors() != FAILURES.size()) {
        problems.add(
            "the baseline failed " + baseLambda.errors() + " times, expected " + FAILURES.size());
      }

      harness.ssm().put(parameter, Fidelity.OPEN);
      Fidelity.sleep(Fidelity.AFTER_REFRESH);
      for (byte[] event : OPEN_EVENTS) {
        InvokeResult result = guardLambda.invoke(event);
        open++;
        if (!Fidelity.isDeferredAnswer(result)) {
          problems.add("open window answered " + result.payloadUtf8());
          continue;
        }
        if (items.item(guardLambda.functionName(), result.requestId()) != null
            && Arrays.equals(
                items.payload(guardLambda.functionName(), result.requestId()), event)) {
          stored++;
        } else {
          problems.add("request " + result.requestId() + " was not stored byte for byte");
        }
      }
      int itemCount = items.requestIds(guardLambda.functionName()).size();
      if (itemCount != OPEN_EVENTS.size()) {
        problems.add(itemCount + " items for " + OPEN_EVENTS.size() + " deferred invocations");
      }
      List<String> log = guard.logLines();
      dispatch =
          log.stream().anyMatch(l -> l.contains("no prepared dispatch"))
              ? "Byte Buddy at run time"
              : "prepared at build time";
      if (log.stream().noneMatch(l -> l.contains("guarding the handler dispatch"))) {
        problems.add("no INIT line saying the dispatch is guarded");
      }
    } catch (RuntimeException e) {
      problems.add(e.toString());
      dispatch = "?";
    }
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("ric", ric);
    row.put("jdk", jdk);
    row.put("closedInvocations", SUCCESSES.size() + FAILURES.size());
    row.put("closedIdentical", identical);
    row.put("closedErrors", FAILURES.size());
    row.put("openInvocations", open);
    row.put("openStoredExactly", stored);
    row.put("dispatch", dispatch);
    row.put("seconds", Math.round((System.nanoTime() - started) / 1e8) / 10.0);
    row.put("problems", String.join("; ", problems));
    return row;
  }

  /**
   * 2.3.1 and 2.3.2 copy their native library to the fixed path {@code
   * /tmp/.aws-lambda-runtime-interface-client} at start-up, ignoring the JNI property: two of them
   * starting at once overwrite the file under each other and the JVM aborts (one process per
   * sandbox in Lambda, so never a problem there). Their processes start one at a time.
   */
  private static final Object SELF_COPYING_NATIVE_LIBRARY = new Object();

  private static LambdaFunction start(String ric, LambdaFunction.Builder builder) {
    if (!ric.equals("2.3.1") && !ric.equals("2.3.2")) {
      return builder.start();
    }
    synchronized (SELF_COPYING_NATIVE_LIBRARY) {
      LambdaFunction function = builder.start();
      try {
        return function.awaitReady(Fidelity.READY);
      } catch (RuntimeException e) {
        function.close();
        throw e;
      }
    }
  }

  /** 2.10.1 after 2.9.0: numeric order of the parts. */
  static String versionKey(String version) {
    StringBuilder key = new StringBuilder();
    for (String part : version.split("\\.")) {
      key.append(String.format("%05d", Integer.parseInt(part)));
    }
    return key.toString();
  }
}

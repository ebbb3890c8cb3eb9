package io.github.lambdamw.fidelity;

import static io.github.lambdamw.fidelity.Fidelity.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lambdamw.harness.Harness;
import io.github.lambdamw.harness.function.BuiltArtifacts;
import io.github.lambdamw.harness.function.LambdaFunction;
import io.github.lambdamw.harness.function.RuntimeClients;
import io.github.lambdamw.harness.runtimeapi.InvokeResult;
import io.github.lambdamw.harness.runtimeapi.LocalLambda;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every kind of handler on the two boundary releases of the runtime client: 2.4.1 on JDK 17 (what
 * the java17 managed runtime ran) and the newest on JDK 25 (the java25 runtime); the core matrix
 * ({@link RuntimeMatrixTest}) covers every other release × JDK pair. Closed, the answers (errors
 * and timeouts included) are the baseline's byte for byte; open, each invocation is stored once
 * with its exact bytes and the handler does not run.
 */
class HandlerKindsTest {
  static final String SUITE = "handler-kinds";
  private static final String PACKAGE = "io.github.lambdamw.testfunctions.";

  /** A kind of handler, the events it gets while the window is closed and while it is open. */
  record Kind(String label, String handler, List<byte[]> closedEvents, byte[] openEvent) {}

  private static final String M = Fidelity.MARKER;

  private static final List<Kind> KINDS =
      List.of(
          new Kind(
              "RequestHandler<POJO, POJO>",
              PACKAGE + "PojoHandler",
              List.of(utf8("{\"name\":\"Ada " + M + "\"}"), utf8("{}")),
              utf8("{\"name\":\"" + M + "\"}")),
          new Kind(
              "RequestHandler<Map, Map>",
              PACKAGE + "MapHandler",
              List.of(utf8("{\"a\":1,\"m\":\"" + M + "\",\"n\":[1,2,{\"x\":null}]}"), utf8("{}")),
              utf8("{\"m\":\"" + M + "\"}")),
          new Kind(
              "RequestHandler<String, String>",
              PACKAGE + "StringHandler",
              List.of(utf8("\"gr\u00fc\u00dfe " + M + "\""), utf8("\"\"")),
              utf8("\"" + M + "\"")),
          new Kind(
              "void method, no interface",
              PACKAGE + "VoidHandler::handleRequest",
              List.of(utf8("{\"k\":\"" + M + "\"}")),
              utf8("{\"k\":\"" + M + "\"}")),
          new Kind(
              "RequestStreamHandler",
              PACKAGE + "EchoHandler",
              List.of(utf8("{\"raw\":\"" + M + "\",\"\u00e9\":\"\u2713\"}"), new byte[0]),
              utf8("not json " + M)),
          new Kind(
              "handler that throws",
              PACKAGE + "ThrowingHandler",
              List.of(utf8("\"x\""), utf8("\"y\"")),
              utf8("\"" + M + "\"")),
          new Kind(
              "handler that times out (4 s timeout, sleeps 6 s)",
              PACKAGE + "SlowHandler",
              List.of(utf8("6000")),
              utf8("6000")));

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

  @Test
  void everyHandlerKind_onTheBoundaryReleases_isByteIdenticalClosed_andStoredOnceOpen() {
    List<Callable<Map<String, Object>>> cells = new ArrayList<>();
    for (Kind kind : KINDS) {
      cells.add(() -> cell(RuntimeClients.LEGACY, 17, kind));
      cells.add(() -> cell(RuntimeClients.CURRENT, 25, kind));
    }
    List<Map<String, Object>> rows = Fidelity.inParallel(cells);
    rows.forEach(row -> Results.record(SUITE, "handler-kinds", row));
    for (Map<String, Object> row : rows) {
      assertThat(row.get("problems"))
          .as(row.get("kind") + " on " + row.get("ric") + " JDK " + row.get("jdk"))
          .isEqualTo("");
    }
  }

  private static Map<String, Object> cell(String ric, int jdk, Kind kind) {
    boolean slow = kind.handler().endsWith("SlowHandler");
    // The first deferral of a process builds the DynamoDB client (about a second of CPU, more on a
    // loaded machine): a 2 s timeout can strike first. See docs/fidelity.md.
    Duration timeout = slow ? Duration.ofSeconds(4) : Duration.ofSeconds(10);
    String name = kind.handler().replaceAll(".*\\.|::.*", "") + "-" + ric + "-jdk" + jdk;
    String parameter = "/fidelity/" + Fidelity.functionName(name);
    harness.ssm().put(parameter, Fidelity.CLOSED);
    LocalLambda baseLambda = harness.lambda(Fidelity.functionName(name + "-base"), timeout);
    LocalLambda guardLambda = harness.lambda(Fidelity.functionName(name + "-guard"), timeout);
    List<String> problems = new ArrayList<>();
    int identical = 0;
    int stored = 0;
    try (LambdaFunction base =
            Fidelity.baseline(harness, baseLambda, SUITE, jdk, ric)
                .withHandler(kind.handler())
                .withFunctionJar(BuiltArtifacts.testFunctionsJar())
                .start();
        LambdaFunction guard =
            Fidelity.guarded(harness, guardLambda, SUITE, jdk, ric, parameter)
                .withHandler(kind.handler())
                .withFunctionJar(BuiltArtifacts.testFunctionsJar())
                .start()) {
      base.awaitReady(Fidelity.READY);
      guard.awaitReady(Fidelity.READY);
      for (byte[] event : kind.closedEvents()) {
        InvokeResult expected = baseLambda.invoke(event);
        InvokeResult actual = guardLambda.invoke(event);
        if (sameAnswer(expected, actual)) {
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
      if (slow) {
        // Nothing restarts a timed-out runtime here: let both finish the sleep before the window
        // opens, so the open invocation is not queued behind it past its own deadline.
        baseLambda.awaitResults(1, Duration.ofSeconds(1));
        Fidelity.sleep(Duration.ofMillis(2_500));
      }
      if (kind.handler().contains("VoidHandler")) {
        long runs = voidHandlerRuns(guard, kind.closedEvents().size());
        if (runs != kind.closedEvents().size()) {
          problems.add("VoidHandler ran " + runs + " times while closed");
        }
      }

      harness.ssm().put(parameter, Fidelity.OPEN);
      Fidelity.sleep(Fidelity.AFTER_REFRESH);
      InvokeResult result = guardLambda.invoke(kind.openEvent());
      if (!Fidelity.isDeferredAnswer(result)) {
        problems.add(
            "open window answered " + result.runtimeErrorType() + " " + result.payloadUtf8());
      } else if (Arrays.equals(
              items.payload(guardLambda.functionName(), result.requestId()), kind.openEvent())
          && items.requestIds(guardLambda.functionName()).size() == 1) {
        stored++;
      } else {
        problems.add("the open invocation was not stored once, byte for byte");
      }
      if (kind.handler().contains("VoidHandler")) {
        long runs = voidHandlerRuns(guard, kind.closedEvents().size() + 1);
        if (runs != kind.closedEvents().size()) {
          problems.add("VoidHandler ran while the window was open");
        }
      }
    } catch (RuntimeException e) {
      problems.add(e.toString());
    }
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("kind", kind.label());
    row.put("ric", ric);
    row.put("jdk", jdk);
    row.put("closedInvocations", kind.closedEvents().size());
    row.put("closedIdentical", identical);
    row.put("openInvocations", 1);
    row.put("openStoredExactly", stored);
    row.put("problems", String.join("; ", problems));
    return row;
  }

  /**
   * Same bytes, same error flags; a timeout's message carries its request id and the time, so for
   * timeouts only the text after them is compared.
   */
  private static boolean sameAnswer(InvokeResult expected, InvokeResult actual) {
    if (!Objects.equals(expected.functionError(), actual.functionError())
        || !Objects.equals(expected.runtimeErrorType(), actual.runtimeErrorType())) {
      return false;
    }
    if ("Sandbox.Timedout".equals(expected.runtimeErrorType())) {
      return timeoutText(expected).equals(timeoutText(actual));
    }
    return Arrays.equals(expected.payload(), actual.payload());
  }

  private static String timeoutText(InvokeResult result) {
    String text = result.payloadUtf8();
    return text.substring(text.indexOf("Task timed out"));
  }

  /**
   * The handler's "ran" lines, waiting up to two seconds for {@code expected} of them: the
   * process's output reaches the test through a reader thread, so a line printed just before the
   * answer may not be there yet.
   */
  private static long voidHandlerRuns(LambdaFunction guard, int expected) {
    long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
    while (true) {
      long runs = guard.logLines().stream().filter(l -> l.contains("void-handler ran")).count();
      if (runs >= expected || System.nanoTime() > deadline) {
        return runs;
      }
      Fidelity.sleep(Duration.ofMillis(20));
    }
  }
}

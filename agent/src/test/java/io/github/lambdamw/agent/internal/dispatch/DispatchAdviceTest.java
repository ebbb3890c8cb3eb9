package io.github.lambdamw.agent.internal.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.api.client.FakeEventHandler;
import com.amazonaws.services.lambda.runtime.api.client.FakeHandlerRuns;
import com.amazonaws.services.lambda.runtime.api.client.LambdaRequestHandler;
import com.amazonaws.services.lambda.runtime.api.client.runtimeapi.dto.InvocationRequest;
import io.github.lambdamw.agent.MaintenanceWindowDeferralException;
import io.github.lambdamw.agent.internal.AgentConfig.ReadErrorMode;
import io.github.lambdamw.agent.internal.QuietLog;
import io.github.lambdamw.agent.internal.defer.Deferrer;
import io.github.lambdamw.agent.internal.defer.InMemoryDeferralStore;
import io.github.lambdamw.agent.internal.gate.Gate;
import io.github.lambdamw.agent.internal.gate.WindowCache;
import io.github.lambdamw.agent.internal.gate.WindowSource;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.loading.ByteArrayClassLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Applies the real advice to a stand-in of the runtime client's dispatch class and drives it
 * through the gate.
 */
@ExtendWith(QuietLog.class)
class DispatchAdviceTest {
  private final InMemoryDeferralStore store = new InMemoryDeferralStore();

  @AfterEach
  void uninstall() {
    Gate.install(null);
  }

  @Test
  void transformer_guardsOnlyClassesOfTheClientPackageThatImplementTheHandlerInterface()
      throws Exception {
    DispatchTransformer transformer = new DispatchTransformer(false, null);
    ClassLoader loader = getClass().getClassLoader();

    assertThat(
            transformer.transform(
                loader,
                internalName(FakeEventHandler.class),
                null,
                null,
                bytes(FakeEventHandler.class)))
        .isNotNull();
    assertThat(
            transformer.transform(
                loader,
                internalName(FakeHandlerRuns.class),
                null,
                null,
                bytes(FakeHandlerRuns.class)))
        .isNull();
    assertThat(
            transformer.transform(
                loader,
                internalName(DispatchAdviceTest.class),
                null,
                null,
                bytes(FakeEventHandler.class)))
        .as("a class outside the runtime client's package")
        .isNull();
    assertThat(transformer.guardedClasses()).isEqualTo(1);
  }

  @Test
  void dispatchMethod_isCallTakingTheInvocationRequest() {
    TypeDescription type = TypeDescription.ForLoadedType.of(FakeEventHandler.class);

    assertThat(
            type.getDeclaredMethods()
                .filter(DispatchInstrumentation.dispatchMethod())
                .getOnly()
                .getName())
        .isEqualTo("call");
  }

  @Test
  void windowClosed_handlerRunsAndItsAnswerIsUntouched() throws Exception {
    install("{\"windows\":[]}");
    int runs = FakeHandlerRuns.RUNS.get();

    ByteArrayOutputStream answer =
        guardedHandler().call(new InvocationRequest("a", "payload".getBytes()));

    assertThat(answer.toString()).isEqualTo("payload");
    assertThat(FakeHandlerRuns.RUNS.get()).isEqualTo(runs + 1);
    assertThat(store.stored).isEmpty();
  }

  @Test
  void windowClosed_handlerExceptionPropagatesUnchanged() throws Exception {
    install("{\"windows\":[]}");

    assertThatThrownBy(() -> guardedHandler().call(new InvocationRequest("a", "throw".getBytes())))
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage("handler failed");
  }

  @Test
  void windowOpen_eventIsStoredAndHandlerSkipped() throws Exception {
    install(
        "{\"windows\":[{\"start\":\"2020-01-01T00:00:00Z\",\"end\":\"2999-01-01T00:00:00Z\"}]}");
    int runs = FakeHandlerRuns.RUNS.get();

    ByteArrayOutputStream answer =
        guardedHandler().call(new InvocationRequest("req-9", "payload".getBytes()));

    assertThat(answer.toString()).startsWith("{\"deferred\":true,\"requestId\":\"req-9\"");
    assertThat(FakeHandlerRuns.RUNS.get()).isEqualTo(runs);
    assertThat(store.stored.get("req-9").payload()).isEqualTo("payload".getBytes());
  }

  @Test
  void aDispatchBeforeTheGateIsBuilt_waitsForIt_ratherThanRunningUnguarded() throws Exception {
    Gate.expectInstallation(); // as premain does before its background thread builds the gate
    int runs = FakeHandlerRuns.RUNS.get();
    LambdaRequestHandler handler = guardedHandler();
    java.util.concurrent.CompletableFuture<ByteArrayOutputStream> early =
        callInBackground(handler, "early");
    Thread.sleep(200);
    assertThat(early).as("still waiting for the gate").isNotDone();

    install("{\"windows\":[{\"start\":\"2020-01-01T00:00:00Z\"}]}");

    assertThat(early.get(5, java.util.concurrent.TimeUnit.SECONDS).toString())
        .contains("\"deferred\":true");
    assertThat(FakeHandlerRuns.RUNS.get()).isEqualTo(runs);
    assertThat(store.stored).containsKey("early");
  }

  @Test
  void whenTheGateCannotBeBuilt_aWaitingDispatchRunsTheHandler() throws Exception {
    Gate.expectInstallation();
    int runs = FakeHandlerRuns.RUNS.get();
    LambdaRequestHandler handler = guardedHandler();
    java.util.concurrent.CompletableFuture<ByteArrayOutputStream> early =
        callInBackground(handler, "early");

    Gate.install(null); // premain's "NOT guarded" outcome

    early.get(5, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(FakeHandlerRuns.RUNS.get()).isEqualTo(runs + 1);
  }

  @Test
  void windowOpen_storeFailureFailsTheInvocation() throws Exception {
    install(
        "{\"windows\":[{\"start\":\"2020-01-01T00:00:00Z\",\"end\":\"2999-01-01T00:00:00Z\"}]}");
    store.failWith = "table 'x' does not exist";
    int runs = FakeHandlerRuns.RUNS.get();

    assertThatThrownBy(() -> guardedHandler().call(new InvocationRequest("a", "p".getBytes())))
        .isInstanceOf(MaintenanceWindowDeferralException.class)
        .hasMessageContaining("table 'x' does not exist");
    assertThat(FakeHandlerRuns.RUNS.get()).isEqualTo(runs);
  }

  private void install(String windowValue) {
    WindowSource source =
        new WindowSource() {
          @Override
          public String read() {
            return windowValue;
          }

          @Override
          public String describe() {
            return "test value";
          }
        };
    Gate.install(
        new Gate(
            new WindowCache(source, 60_000, ReadErrorMode.RUN_HANDLER), new Deferrer(store, "fn")));
  }

  private static java.util.concurrent.CompletableFuture<ByteArrayOutputStream> callInBackground(
      LambdaRequestHandler handler, String requestId) {
    return java.util.concurrent.CompletableFuture.supplyAsync(
        () -> {
          try {
            return handler.call(new InvocationRequest(requestId, "payload".getBytes()));
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }

  /**
   * The stand-in dispatch class as the transformer rewrites it, loaded child-first beside the
   * original.
   */
  private static LambdaRequestHandler guardedHandler() throws Exception {
    ClassLoader parent = DispatchAdviceTest.class.getClassLoader();
    byte[] transformed =
        new DispatchTransformer(false, null)
            .transform(
                parent,
                internalName(FakeEventHandler.class),
                null,
                null,
                bytes(FakeEventHandler.class));
    Class<?> guarded =
        new ByteArrayClassLoader.ChildFirst(
                parent, Map.of(FakeEventHandler.class.getName(), transformed))
            .loadClass(FakeEventHandler.class.getName());
    return (LambdaRequestHandler) guarded.getDeclaredConstructor().newInstance();
  }

  private static String internalName(Class<?> type) {
    return type.getName().replace('.', '/');
  }

  private static byte[] bytes(Class<?> type) throws java.io.IOException {
    try (var in = type.getClassLoader().getResourceAsStream(internalName(type) + ".class")) {
      return in.readAllBytes();
    }
  }
}

package io.github.lambdamw.agent.internal.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.api.client.FakeEventHandler;
import com.amazonaws.services.lambda.runtime.api.client.FakeHandlerRuns;
import com.amazonaws.services.lambda.runtime.api.client.LambdaRequestHandler;
import com.amazonaws.services.lambda.runtime.api.client.runtimeapi.dto.InvocationRequest;
import io.github.lambdamw.agent.MaintenanceWindowDeferralException;
import io.github.lambdamw.agent.internal.AgentConfig.ReadErrorMode;
import io.github.lambdamw.agent.internal.defer.Deferrer;
import io.github.lambdamw.agent.internal.defer.InMemoryDeferralStore;
import io.github.lambdamw.agent.internal.gate.Gate;
import io.github.lambdamw.agent.internal.gate.WindowCache;
import io.github.lambdamw.agent.internal.gate.WindowSource;
import java.io.ByteArrayOutputStream;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Applies the real advice to a stand-in of the runtime client's dispatch class and drives it through the gate. */
class DispatchAdviceTest {
  private final InMemoryDeferralStore store = new InMemoryDeferralStore();

  @AfterEach
  void uninstall() {
    Gate.install(null);
  }

  @Test
  void matchers_selectTheDispatchClassAndMethodByName() throws Exception {
    TypeDescription type = TypeDescription.ForLoadedType.of(FakeEventHandler.class);

    assertThat(DispatchInstrumentation.dispatchType().matches(type)).isTrue();
    assertThat(DispatchInstrumentation.dispatchType().matches(TypeDescription.ForLoadedType.of(String.class)))
        .isFalse();
    assertThat(
            type.getDeclaredMethods().filter(DispatchInstrumentation.dispatchMethod()).getOnly().getName())
        .isEqualTo("call");
  }

  @Test
  void windowClosed_handlerRunsAndItsAnswerIsUntouched() throws Exception {
    install("{\"windows\":[]}");
    int runs = FakeHandlerRuns.RUNS.get();

    ByteArrayOutputStream answer = guardedHandler().call(new InvocationRequest("a", "payload".getBytes()));

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
    install("{\"windows\":[{\"start\":\"2020-01-01T00:00:00Z\",\"end\":\"2999-01-01T00:00:00Z\"}]}");
    int runs = FakeHandlerRuns.RUNS.get();

    ByteArrayOutputStream answer = guardedHandler().call(new InvocationRequest("req-9", "payload".getBytes()));

    assertThat(answer.toString()).startsWith("{\"deferred\":true,\"requestId\":\"req-9\"");
    assertThat(FakeHandlerRuns.RUNS.get()).isEqualTo(runs);
    assertThat(store.stored.get("req-9").payload()).isEqualTo("payload".getBytes());
  }

  @Test
  void windowOpen_storeFailureFailsTheInvocation() throws Exception {
    install("{\"windows\":[{\"start\":\"2020-01-01T00:00:00Z\",\"end\":\"2999-01-01T00:00:00Z\"}]}");
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
        new Gate(new WindowCache(source, 60_000, ReadErrorMode.RUN_HANDLER), new Deferrer(store, "fn")));
  }

  private static LambdaRequestHandler guardedHandler() throws Exception {
    Class<?> guarded =
        new ByteBuddy()
            .redefine(FakeEventHandler.class)
            .visit(
                Advice.to(DispatchInstrumentation.DispatchAdvice.class)
                    .on(DispatchInstrumentation.dispatchMethod()))
            .make()
            .load(DispatchAdviceTest.class.getClassLoader(), ClassLoadingStrategy.Default.CHILD_FIRST)
            .getLoaded();
    return (LambdaRequestHandler) guarded.getDeclaredConstructor().newInstance();
  }
}

package io.github.lambdamw.agent;

import io.github.lambdamw.agent.internal.AgentConfig;
import io.github.lambdamw.agent.internal.AgentLog;
import io.github.lambdamw.agent.internal.aws.AwsEnvironment;
import io.github.lambdamw.agent.internal.aws.JsonCall;
import io.github.lambdamw.agent.internal.defer.DeferredAnswer;
import io.github.lambdamw.agent.internal.defer.Deferrer;
import io.github.lambdamw.agent.internal.defer.DynamoDbDeferralStore;
import io.github.lambdamw.agent.internal.defer.Observer;
import io.github.lambdamw.agent.internal.dispatch.DispatchTransformer;
import io.github.lambdamw.agent.internal.dispatch.RuntimeClientCheck;
import io.github.lambdamw.agent.internal.gate.Gate;
import io.github.lambdamw.agent.internal.gate.SsmWindowSource;
import io.github.lambdamw.agent.internal.gate.WindowCache;
import io.github.lambdamw.agent.internal.http.DefaultTlsAhead;
import io.github.lambdamw.agent.internal.metrics.EmfMetrics;
import io.github.lambdamw.agent.internal.snapstart.SnapStartHook;
import io.github.lambdamw.window.WindowStatus;
import java.lang.instrument.Instrumentation;

/**
 * Entry point named by the agent jar's {@code Premain-Class}; the layer's wrapper script attaches
 * it through {@code JAVA_TOOL_OPTIONS}. On the JVM's main thread it does only what must happen
 * before the runtime client's classes load: it installs the dispatch transformer and starts one
 * background thread, which loads the client's dispatch classes through the transformer (so that it
 * can be taken off before the function's INIT), builds the gate and reads the window while the
 * runtime client starts (a dispatch arriving before the gate is ready waits for it). Every
 * millisecond spent here is paid by every cold start, on the path to the first response. Nothing
 * here may stop the function from starting unless the operator asked for that with {@code
 * MAINTENANCE_WINDOW_REQUIRE_GUARD=true}.
 */
public final class MaintenanceWindowAgent {
  private MaintenanceWindowAgent() {}

  public static void premain(String args, Instrumentation instrumentation) {
    AgentConfig config = AgentConfig.from(System.getenv());
    try {
      if (config.disabled()) {
        AgentLog.warn(AgentConfig.DISABLED + "=true: the function is NOT guarded");
        return;
      }
      // Only the guard's absence can stop INIT, so only then is the slower class-path check made
      // here.
      boolean checkNow = config.requireGuard();
      String problem =
          checkNow ? RuntimeClientCheck.problem() : RuntimeClientCheck.mainClassProblem();
      if (problem != null) {
        notGuarded(config, problem, null);
        return;
      }
      Gate.expectInstallation();
      DispatchTransformer transformer =
          new DispatchTransformer(!config.runtimeInstrumentation(), instrumentation);
      Setup setup = new Setup(config, !checkNow, transformer);
      if (SnapStartHook.isSnapStart()) {
        // A snapshot is taken once INIT ends: the gate and the restore hook must exist by then,
        // whatever the
        // background thread's progress. INIT time does not matter here; restores do not pay it.
        setup.installGate();
        SnapStartHook.register(setup.window, setup.store);
      }
      // Registered before the set-up thread starts: that thread loads the dispatch classes ahead,
      // and a dispatch class loaded before the transformer is registered would stay unguarded.
      instrumentation.addTransformer(transformer);
      Thread thread = new Thread(setup, "maintenance-window-init");
      thread.setDaemon(true);
      thread.start();
    } catch (RuntimeException | LinkageError e) {
      Gate.install(null);
      notGuarded(config, "the agent failed to start: " + e, e);
    }
  }

  private static void notGuarded(AgentConfig config, String problem, Throwable cause) {
    String message = "the function is NOT guarded by maintenance windows: " + problem;
    if (config.requireGuard()) {
      // Failing premain aborts the JVM: Lambda reports an INIT failure instead of running
      // unguarded.
      throw new IllegalStateException(
          message + " (" + AgentConfig.REQUIRE_GUARD + "=true stops INIT)", cause);
    }
    AgentLog.error(message);
  }

  // Nested classes rather than lambdas here and on the rest of the INIT path: the first lambda of a
  // JVM bootstraps
  // java.lang.invoke (tens of milliseconds on one vCPU), and every guarded cold start would pay it.

  /**
   * Builds the gate and makes the first read of the window, on its own thread. When a window is
   * open already, the DynamoDB call is prepared too, so that the first deferral pays less; when
   * closed, it never is.
   */
  private static final class Setup implements Runnable {
    private final AgentConfig config;
    private final boolean checkClassPath;
    private final DispatchTransformer transformer;
    private WindowCache window;
    private DynamoDbDeferralStore store;

    /**
     * @param transformer registered before this runs: its dispatch classes are loaded through it
     */
    Setup(AgentConfig config, boolean checkClassPath, DispatchTransformer transformer) {
      this.config = config;
      this.checkClassPath = checkClassPath;
      this.transformer = transformer;
    }

    void installGate() {
      window =
          new WindowCache(
              new SsmWindowSource(config, System.getenv()),
              config.refreshMillis(),
              config.readErrorMode(),
              config.initReadBudgetMillis(),
              config.invokeReadBudgetMillis(),
              new EmfMetrics(config.functionName()));
      store = new DynamoDbDeferralStore(config, System.getenv());
      Gate.install(
          new Gate(
              window,
              new Deferrer(store, config.functionName(), DeferredAnswer.from(config)),
              new Observer(config.functionName(), config.observeOnly())));
    }

    @Override
    public void run() {
      try {
        transformer.guardAhead();
        if (config.tlsAhead()
            && new AwsEnvironment(System.getenv()).usesTls(JsonCall.Protocol.SSM.service())) {
          DefaultTlsAhead.start();
        }
        String problem = checkClassPath ? RuntimeClientCheck.dispatchProblem() : null;
        if (problem != null) {
          Gate.install(null);
          notGuarded(config, problem, null);
          return;
        }
        if (window == null) {
          installGate();
        }
        AgentLog.info(
            "guarding the handler dispatch; window from "
                + config.parameterName()
                + (config.observeOnly()
                    ? ", in observe mode (" + AgentConfig.MODE + "=observe: nothing is deferred)"
                    : ", deferring to table " + config.tableName()));
        WindowStatus status = window.statusAt(System.currentTimeMillis());
        if (status.isOpen() && !status.observe() && !config.observeOnly()) {
          store.prepare(true);
        }
      } catch (RuntimeException | LinkageError e) {
        // Dispatches must not wait for ever, nor run behind a half-built gate.
        Gate.install(null);
        AgentLog.error(
            "the function is NOT guarded by maintenance windows: the agent failed to start: " + e);
      }
    }
  }
}

package io.github.lambdamw.agent;

import io.github.lambdamw.agent.internal.AgentConfig;
import io.github.lambdamw.agent.internal.AgentLog;
import io.github.lambdamw.agent.internal.defer.DeferredAnswer;
import io.github.lambdamw.agent.internal.defer.Deferrer;
import io.github.lambdamw.agent.internal.defer.DynamoDbDeferralStore;
import io.github.lambdamw.agent.internal.dispatch.DispatchTransformer;
import io.github.lambdamw.agent.internal.dispatch.RuntimeClientCheck;
import io.github.lambdamw.agent.internal.gate.Gate;
import io.github.lambdamw.agent.internal.gate.SsmWindowSource;
import io.github.lambdamw.agent.internal.gate.WindowCache;
import io.github.lambdamw.agent.internal.snapstart.SnapStartHook;
import java.lang.instrument.Instrumentation;

/**
 * Entry point named by the agent jar's {@code Premain-Class}; the layer's wrapper script attaches it through {@code
 * JAVA_TOOL_OPTIONS}. It starts reading the window on a background thread, so the SSM call overlaps the runtime's own
 * INIT, and installs the dispatch advice. Nothing here may stop the function from starting unless the operator asked
 * for that with {@code MAINTENANCE_WINDOW_REQUIRE_GUARD=true}.
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
      String problem = RuntimeClientCheck.problem();
      if (problem != null) {
        notGuarded(config, problem, null);
        return;
      }
      WindowCache window =
          new WindowCache(new SsmWindowSource(config, System.getenv()), config.refreshMillis(), config.readErrorMode());
      // Cheap to create: its connection is made at the first deferral, or below when a window is open at INIT.
      DynamoDbDeferralStore store = new DynamoDbDeferralStore(config, System.getenv());
      // First the SSM read, on its own thread: it is the longest part of INIT and overlaps the rest of it.
      readWindowInBackground(window, store);
      Gate.install(new Gate(window, new Deferrer(store, config.functionName(), DeferredAnswer.from(config))));
      if (SnapStartHook.isSnapStart()) {
        SnapStartHook.register(window);
      }
      instrumentation.addTransformer(new DispatchTransformer(!config.runtimeInstrumentation()));
      AgentLog.info("guarding the handler dispatch; window from " + config.parameterName() + ", deferring to table "
          + config.tableName());
    } catch (RuntimeException | LinkageError e) {
      Gate.install(null);
      notGuarded(config, "the agent failed to start: " + e, e);
    }
  }

  private static void notGuarded(AgentConfig config, String problem, Throwable cause) {
    String message = "the function is NOT guarded by maintenance windows: " + problem;
    if (config.requireGuard()) {
      // Failing premain aborts the JVM: Lambda reports an INIT failure instead of running unguarded.
      throw new IllegalStateException(message + " (" + AgentConfig.REQUIRE_GUARD + "=true stops INIT)", cause);
    }
    AgentLog.error(message);
  }

  /**
   * Reads the window while the runtime client starts. When a window is open already, the DynamoDB call is prepared
   * here too, so the first deferral pays less; when closed, it is never prepared.
   */
  private static void readWindowInBackground(WindowCache window, DynamoDbDeferralStore store) {
    Thread reader = new Thread(new InitialRead(window, store), "maintenance-window-init");
    reader.setDaemon(true);
    reader.start();
  }

  // Nested classes rather than lambdas here and on the rest of the INIT path: the first lambda of a JVM bootstraps
  // java.lang.invoke (tens of milliseconds on one vCPU), and every guarded cold start would pay it.

  /** The first read of the window, on its own thread. */
  private static final class InitialRead implements Runnable {
    private final WindowCache window;
    private final DynamoDbDeferralStore store;

    InitialRead(WindowCache window, DynamoDbDeferralStore store) {
      this.window = window;
      this.store = store;
    }

    @Override
    public void run() {
      if (window.statusAt(System.currentTimeMillis()).isOpen()) {
        store.prepare();
      }
    }
  }
}

package io.github.lambdamw.agent.internal.snapstart;

import io.github.lambdamw.agent.internal.AgentLog;
import io.github.lambdamw.agent.internal.defer.DynamoDbDeferralStore;
import io.github.lambdamw.agent.internal.gate.WindowCache;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * With SnapStart, a snapshot taken after INIT may be restored hours later: the window read at INIT
 * is stale by then. This registers a CRaC resource with the runtime interface client's own CRaC
 * context ({@code com.amazonaws.services.lambda.crac}, the one the client drives around a snapshot)
 * so that the window is read afresh in the restore phase, before the first invocation after it.
 * Before the snapshot it primes the deferral path (the classes and the prepared DynamoDB call land
 * in the snapshot), so that the first deferral after a restore pays only its request. Registered
 * only when Lambda says the environment is SnapStart, so other functions load none of it.
 */
public final class SnapStartHook {
  static final String CRAC_PACKAGE = "com.amazonaws.services.lambda.crac.";

  /** The runtime's context may hold resources weakly; this keeps ours alive. */
  private static volatile Object registered;

  private SnapStartHook() {}

  public static boolean isSnapStart() {
    return "snap-start".equals(System.getenv("AWS_LAMBDA_INITIALIZATION_TYPE"));
  }

  /**
   * Registers the hook; says so in the log when the runtime client has no CRaC context to register
   * with.
   */
  public static void register(WindowCache window, DynamoDbDeferralStore store) {
    try {
      ClassLoader loader = ClassLoader.getSystemClassLoader();
      Class<?> core = Class.forName(CRAC_PACKAGE + "Core", true, loader);
      Class<?> resource = Class.forName(CRAC_PACKAGE + "Resource", false, loader);
      Class<?> context = Class.forName(CRAC_PACKAGE + "Context", false, loader);
      Object proxy =
          Proxy.newProxyInstance(loader, new Class<?>[] {resource}, new Hook(window, store));
      Object global = core.getMethod("getGlobalContext").invoke(null);
      context.getMethod("register", resource).invoke(global, proxy);
      registered = proxy;
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      AgentLog.warn(
          "SnapStart: could not register with the runtime's CRaC context ("
              + e
              + "); after a restore the window is read again only when its refresh interval has passed");
    }
  }

  private static final class Hook implements InvocationHandler {
    private final WindowCache window;
    private final DynamoDbDeferralStore store;

    Hook(WindowCache window, DynamoDbDeferralStore store) {
      this.window = window;
      this.store = store;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) {
      switch (method.getName()) {
        case "afterRestore":
          // Read here, in the restore phase, rather than in the first invocation after it: the
          // runtime client runs
          // this hook before it asks for work, so no invocation waits for SSM. A failed read keeps
          // the value read at
          // INIT, logged, and is retried as on any refresh.
          window.invalidate();
          AgentLog.info("SnapStart restore: reading the window again before the first invocation");
          window.statusAt(System.currentTimeMillis());
          return null;
        case "beforeCheckpoint":
          store.prepare(false);
          return null;
        case "hashCode":
          return System.identityHashCode(proxy);
        case "equals":
          return proxy == args[0];
        case "toString":
          return "maintenance-window SnapStart hook";
        default:
          return null;
      }
    }
  }
}

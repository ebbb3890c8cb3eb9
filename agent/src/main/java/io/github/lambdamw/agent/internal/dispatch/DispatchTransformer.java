package io.github.lambdamw.agent.internal.dispatch;

import io.github.lambdamw.agent.internal.AgentLog;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import net.bytebuddy.dynamic.ClassFileLocator;

/**
 * Guards the runtime client's dispatch as its classes load. For each class of the client's package
 * that directly implements {@code LambdaRequestHandler}, it returns the bytes the build prepared
 * for that exact class file; only for a build it has not seen does it run Byte Buddy now (slower:
 * Byte Buddy's own start-up is most of a cold start's overhead). Any other class passes through
 * untouched, and nothing here throws into the class loader.
 */
public final class DispatchTransformer implements ClassFileTransformer {
  private static final String PACKAGE =
      DispatchInstrumentation.RUNTIME_CLIENT_PACKAGE.replace('.', '/');
  private static final String REQUEST_HANDLER =
      DispatchInstrumentation.REQUEST_HANDLER.replace('.', '/');

  private final boolean preparedAllowed;
  private volatile int guardedClasses;

  /**
   * @param preparedAllowed {@code false} forces run-time Byte Buddy (to benchmark the fallback)
   */
  public DispatchTransformer(boolean preparedAllowed) {
    this.preparedAllowed = preparedAllowed;
  }

  @Override
  public byte[] transform(
      ClassLoader loader,
      String className,
      Class<?> classBeingRedefined,
      ProtectionDomain protectionDomain,
      byte[] classFile) {
    if (className == null || classBeingRedefined != null || !className.startsWith(PACKAGE)) {
      return null;
    }
    try {
      if (!ClassFileInterfaces.implementsDirectly(classFile, REQUEST_HANDLER)) {
        return null;
      }
      byte[] prepared = preparedAllowed ? PreparedDispatchClasses.lookup(classFile) : null;
      if (prepared == null) {
        AgentLog.info(
            "no prepared dispatch for this build of "
                + className.replace('/', '.')
                + "; instrumenting it at run time (adds to this cold start)");
        prepared =
            DispatchClassTransform.transform(
                className.replace('/', '.'),
                classFile,
                loader == null
                    ? ClassFileLocator.ForClassLoader.ofSystemLoader()
                    : ClassFileLocator.ForClassLoader.of(loader));
      }
      guardedClasses++;
      return prepared;
    } catch (Throwable e) {
      AgentLog.error(
          "could not guard "
              + className.replace('/', '.')
              + ": "
              + e
              + "; invocations dispatched through it are NOT deferred");
      return null;
    }
  }

  /** How many dispatch classes were guarded so far. */
  public int guardedClasses() {
    return guardedClasses;
  }
}

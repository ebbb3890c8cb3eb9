package io.github.lambdamw.agent.internal.dispatch;

import io.github.lambdamw.agent.internal.AgentLog;
import java.io.IOException;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.Set;
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
  private final Instrumentation instrumentation;
  private volatile int guardedClasses;
  private GuardedBuild build;

  /**
   * @param preparedAllowed {@code false} forces run-time Byte Buddy (to benchmark the fallback)
   * @param instrumentation where this transformer is registered, so that it can take itself off
   *     once every dispatch class of a known build is guarded; {@code null} to stay registered
   */
  public DispatchTransformer(boolean preparedAllowed, Instrumentation instrumentation) {
    this.preparedAllowed = preparedAllowed;
    this.instrumentation = instrumentation;
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
      ClassLoader agentLoader = DispatchTransformer.class.getClassLoader();
      PreparedDispatchClasses.Match match =
          preparedAllowed ? PreparedDispatchClasses.match(classFile, agentLoader) : null;
      byte[] prepared = match == null ? null : match.prepared();
      if (match != null) {
        takeOffWhenBuildGuarded(match.entry(), agentLoader);
      }
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

  /**
   * Loads the runtime client's dispatch classes now, so that this transformer guards them and takes
   * itself off before the function's INIT: the client loads them only after the handler's class is
   * initialized, and until this transformer is off the JVM hands it every class the function loads
   * meanwhile, reading each class of its shared archive again to do so (thousands for a function
   * with an AWS SDK client). Call it once this transformer is registered, never before: a dispatch
   * class loaded earlier would stay unguarded.
   *
   * <p>Through the system class loader, which loads the client's main class (premain checked it)
   * and so its dispatch classes; loaded, not initialized, so none of the client's code runs. A
   * class this build does not have is left alone, and the transformer then stays until the client
   * loads its own.
   */
  public void guardAhead() {
    if (instrumentation == null || !preparedAllowed) {
      return;
    }
    Set<String> classNames;
    try {
      GuardedBuild index = build(DispatchTransformer.class.getClassLoader());
      if (index == null) {
        return;
      }
      classNames = index.classNames();
    } catch (IOException | RuntimeException e) {
      return; // the client's own loads still meet the transformer
    }
    ClassLoader system = ClassLoader.getSystemClassLoader();
    for (String className : classNames) {
      try {
        Class.forName(className, false, system);
      } catch (ClassNotFoundException | LinkageError e) {
        // Not in this build, or not loadable: the client meets it, or not, as without this.
      }
    }
  }

  /**
   * Removes this transformer once the classes it guarded are every dispatch class of one known
   * build ({@link GuardedBuild}): nothing else will ever need it. An unknown build (run-time Byte
   * Buddy) keeps it for the JVM's life. Removing it from within the class-file load hook is safe:
   * the JDK's transformer list is copied for each class.
   */
  private synchronized void takeOffWhenBuildGuarded(String entry, ClassLoader agentLoader)
      throws IOException {
    if (instrumentation == null) {
      return;
    }
    GuardedBuild index = build(agentLoader);
    if (index != null && index.guarded(entry)) {
      instrumentation.removeTransformer(this);
    }
  }

  /** The prepared builds' index, read once; {@code null} when the agent has none. */
  private synchronized GuardedBuild build(ClassLoader agentLoader) throws IOException {
    if (build == null) {
      build = GuardedBuild.load(agentLoader);
    }
    return build;
  }

  /** How many dispatch classes were guarded so far. */
  public int guardedClasses() {
    return guardedClasses;
  }
}

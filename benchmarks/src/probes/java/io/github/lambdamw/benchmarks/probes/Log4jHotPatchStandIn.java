package io.github.lambdamw.benchmarks.probes;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;

/**
 * Stands in for the Java agent Lambda's java17 runtime starts in every function, guarded or not:
 * {@code -javaagent:/var/runtime/lib/Log4jHotPatch.jar=log4jFixerVerbose=false} (DESIGN.md §2), the
 * Corretto hot patch for Log4Shell. What it does to a cold start, this does too: the JVM boots with
 * the {@code java.instrument} module and a Java agent (so without CDS's archived module graph), the
 * agent's premain runs, and a class-file transformer stays registered for the JVM's life, waiting
 * for Log4j's {@code JndiLookup}, so that the JVM posts every class it loads to it. It patches
 * nothing: the benchmark's functions have no Log4j.
 *
 * <p>{@code RuntimeAgent} jars it with its manifest; the baseline and the guarded runs both get it.
 */
public final class Log4jHotPatchStandIn implements ClassFileTransformer {
  private static final String JNDI_LOOKUP = "org/apache/logging/log4j/core/lookup/JndiLookup";

  private Log4jHotPatchStandIn() {}

  public static void premain(String args, Instrumentation instrumentation) {
    instrumentation.addTransformer(new Log4jHotPatchStandIn(), true);
    // The hot patch also looks at what is loaded already, to retransform a JndiLookup found there.
    for (Class<?> loaded : instrumentation.getAllLoadedClasses()) {
      if (loaded.getName().replace('.', '/').equals(JNDI_LOOKUP)) {
        throw new IllegalStateException("the benchmark's functions have no Log4j");
      }
    }
  }

  @Override
  public byte[] transform(
      ClassLoader loader,
      String className,
      Class<?> classBeingRedefined,
      ProtectionDomain protectionDomain,
      byte[] classfileBuffer) {
    if (JNDI_LOOKUP.equals(className)) {
      throw new IllegalStateException("the benchmark's functions have no Log4j");
    }
    return null;
  }
}

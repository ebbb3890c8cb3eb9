package io.github.lambdamw.agent.internal.dispatch;

import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;

/**
 * Byte Buddy's transformation of one dispatch class: {@link DispatchInstrumentation.DispatchAdvice}
 * woven into its {@code call} method, nothing else changed. The build runs it on every
 * runtime-client release on Maven Central and ships the results; at run time it runs only for a
 * build the agent has not seen.
 */
public final class DispatchClassTransform {
  private DispatchClassTransform() {}

  /**
   * @param className binary name, e.g. {@code com.amazonaws...EventHandlerLoader$2}
   * @param classFile the original bytes
   * @param context where the types it refers to can be read (the runtime client's jar or class
   *     loader)
   */
  public static byte[] transform(String className, byte[] classFile, ClassFileLocator context) {
    // Byte Buddy otherwise probes sun.misc.Unsafe, which JDK 24+ reports on stderr, in the
    // function's logs. The
    // property name is written in two halves so that relocation leaves it alone.
    System.setProperty("net." + "bytebuddy.safe", "true");
    ClassFileLocator locator =
        new ClassFileLocator.Compound(ClassFileLocator.Simple.of(className, classFile), context);
    // Lazy: only the types the weaving really needs are resolved, not every field and signature
    // type of the class.
    TypePool pool = TypePool.Default.WithLazyResolution.of(locator);
    return new ByteBuddy()
        .redefine(pool.describe(className).resolve(), locator)
        .visit(
            Advice.to(DispatchInstrumentation.DispatchAdvice.class)
                .on(DispatchInstrumentation.dispatchMethod()))
        .make()
        .getBytes();
  }
}

package io.github.lambdamw.agent.internal.dispatch;

import io.github.lambdamw.agent.internal.AgentLog;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.utility.JavaModule;

/** Records which dispatch classes were guarded and says loudly when one could not be. */
public final class GuardListener extends AgentBuilder.Listener.Adapter {
  private volatile int guardedTypes;

  @Override
  public void onTransformation(
      TypeDescription type,
      ClassLoader classLoader,
      JavaModule module,
      boolean loaded,
      DynamicType dynamicType) {
    guardedTypes++;
  }

  @Override
  public void onError(
      String typeName, ClassLoader classLoader, JavaModule module, boolean loaded, Throwable throwable) {
    AgentLog.error(
        "could not guard " + typeName + ": " + throwable + "; invocations dispatched through it are NOT deferred");
  }

  /** How many runtime-client classes received the dispatch advice so far. */
  public int guardedTypes() {
    return guardedTypes;
  }
}

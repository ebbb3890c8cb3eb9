package io.github.lambdamw.agent.internal;

import java.util.function.Supplier;

/** Runs AWS SDK work with the agent's own class loader as the thread's context loader. */
public final class AwsClients {
  private AwsClients() {}

  /**
   * The SDK looks up interceptors and plug-ins through the thread's context class loader. On an
   * invocation thread that is the function's loader, which may hold the function's own
   * (unrelocated) SDK: its service files would name classes the agent cannot use. So SDK calls
   * always run with the agent's loader.
   */
  public static <T> T withAgentClassLoader(Supplier<T> work) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    ClassLoader agentLoader = AwsClients.class.getClassLoader();
    if (previous == agentLoader) {
      return work.get();
    }
    thread.setContextClassLoader(agentLoader);
    try {
      return work.get();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }
}

package io.github.lambdamw.agent;

import java.lang.instrument.Instrumentation;

/** Entry point named by the agent jar's {@code Premain-Class}; the wrapper script attaches it. */
public final class MaintenanceWindowAgent {
  private MaintenanceWindowAgent() {}

  public static void premain(String args, Instrumentation instrumentation) {}
}

package io.github.lambdamw.agent.internal.dispatch;

/**
 * Tells, before anything is instrumented, whether this JVM runs the open-source runtime interface
 * client whose dispatch the agent knows. The java8.al2 and java11 managed runtimes run a closed
 * client ({@code lambdainternal.AWSLambda}) with no such dispatch: the agent must say so rather
 * than appear to guard.
 */
public final class RuntimeClientCheck {
  static final String MAIN_CLASS = DispatchInstrumentation.RUNTIME_CLIENT_PACKAGE + "AWSLambda";

  private RuntimeClientCheck() {}

  /** {@code null} when the dispatch can be guarded, else why not. */
  public static String problem() {
    String problem = mainClassProblem();
    return problem != null ? problem : dispatchProblem();
  }

  /**
   * {@code null} when the JVM runs the runtime interface client's main class, else why not. Reads
   * one property.
   */
  public static String mainClassProblem() {
    String command = System.getProperty("sun.java.command", "");
    String mainClass = command.isEmpty() ? "" : command.split(" ", 2)[0];
    if (!MAIN_CLASS.equals(mainClass)) {
      return "the main class is '"
          + mainClass
          + "', not the runtime interface client's "
          + MAIN_CLASS
          + " (java8.al2 and java11 run a closed runtime that cannot be guarded; use java17 or later)";
    }
    return null;
  }

  /**
   * {@code null} when the runtime client on the class path has the dispatch interface, else why
   * not. Looks the class file up on the class path (a few milliseconds in a cold JVM), so premain
   * leaves it to its background thread unless the operator asked for INIT to fail without a guard.
   */
  public static String dispatchProblem() {
    String resource = DispatchInstrumentation.REQUEST_HANDLER.replace('.', '/') + ".class";
    if (ClassLoader.getSystemResource(resource) == null) {
      return "the runtime interface client on the class path has no "
          + DispatchInstrumentation.REQUEST_HANDLER;
    }
    return null;
  }
}

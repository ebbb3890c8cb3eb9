package io.github.lambdamw.infra.internal;

import java.util.List;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.RuntimeFamily;

/** Which Lambda runtimes the agent can guard, and why the others cannot be. */
public final class Runtimes {

  /**
   * The runtimes whose dispatch goes through the open-source runtime interface client the agent
   * hooks.
   */
  public static final List<String> GUARDABLE = List.of("java17", "java21", "java25");

  private Runtimes() {}

  /** The runtimes a created layer declares itself compatible with: exactly {@link #GUARDABLE}. */
  public static List<Runtime> compatible() {
    return List.of(Runtime.JAVA_17, Runtime.JAVA_21, Runtime.JAVA_25);
  }

  /**
   * Why a function on {@code runtime} cannot be guarded, or {@code null} when it can.
   *
   * @param runtime the function's runtime; {@code null} is read as a container image
   */
  public static String whyNotGuardable(Runtime runtime) {
    if (runtime == null) {
      return "it has no managed runtime (a container image function takes no layers)";
    }
    String name = runtime.getName();
    if (GUARDABLE.contains(name)) {
      return null;
    }
    if (runtime.getFamily() != RuntimeFamily.JAVA) {
      if ("FROM_IMAGE".equals(name)) {
        return "it is a container image function, which takes no layers";
      }
      return "its runtime " + name + " is not a Java runtime";
    }
    if (name.startsWith("java8") || name.startsWith("java11")) {
      return "its runtime "
          + name
          + " dispatches through the closed lambdainternal runtime, which the agent cannot hook;"
          + " move it to java17, java21 or java25";
    }
    return "its runtime "
        + name
        + " is not one the agent is verified on ("
        + String.join(", ", GUARDABLE)
        + ")";
  }
}

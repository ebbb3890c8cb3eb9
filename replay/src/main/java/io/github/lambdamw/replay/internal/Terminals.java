package io.github.lambdamw.replay.internal;

import java.io.Console;
import java.lang.reflect.Method;

/**
 * Whether output goes to a person at a terminal (bars and block characters) or to a file or pipe
 * (plain lines).
 */
public final class Terminals {
  private Terminals() {}

  /**
   * True when the JVM's console is a terminal and {@code TERM} is not {@code dumb}. On JDK 22+
   * {@code System.console()} exists even when output is redirected, and {@code
   * Console.isTerminal()} tells; on 21 a console exists only for a terminal.
   */
  public static boolean isInteractive() {
    Console console = System.console();
    if (console == null || "dumb".equals(System.getenv("TERM"))) {
      return false;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }
}

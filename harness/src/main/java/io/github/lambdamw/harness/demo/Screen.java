package io.github.lambdamw.harness.demo;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The demo's output: numbered steps, then one line per fact, a short label in front. Lines can be
 * held back while an earlier step still waits for a line of its own (see {@link #hold()}).
 */
final class Screen {

  private static final String INDENT = "   ";

  private final PrintStream out;
  private List<String> held;

  Screen(PrintStream out) {
    this.out = out;
  }

  void title(String text) {
    print(text);
  }

  void step(int number, String title) {
    print("");
    print(number + ". " + title);
  }

  void line(String label, String text) {
    print(labelled(label, text));
  }

  /** Keeps what is printed from now on until {@link #release()}. */
  void hold() {
    held = new ArrayList<>();
  }

  /** Prints what was held, after what was printed directly meanwhile. */
  void release() {
    List<String> lines = held;
    held = null;
    if (lines != null) {
      lines.forEach(out::println);
    }
  }

  /** Prints {@code text} now, before what is held (for the step that is still being finished). */
  void lineNow(String label, String text) {
    out.println(labelled(label, text));
  }

  private static String labelled(String label, String text) {
    return String.format(Locale.ROOT, "%s%-9s %s", INDENT, label, text);
  }

  private void print(String text) {
    if (held != null) {
      held.add(text);
    } else {
      out.println(text);
    }
  }
}

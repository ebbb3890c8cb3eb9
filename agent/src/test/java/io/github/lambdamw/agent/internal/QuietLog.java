package io.github.lambdamw.agent.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

/**
 * Keeps the agent's log lines out of the build's output while a test passes. Tests that drive a
 * failure (SSM unreachable, a malformed value) make {@link AgentLog} print the ERROR line a
 * function would print, by design; in the build's output those expected lines hid the ones that
 * matter. A failing test's lines are printed after it, so nothing a failure needs is lost. Lines
 * from threads still running after the test go to the real output.
 *
 * <p>Tests that assert what was logged register it as a field ({@code @RegisterExtension final
 * QuietLog log = new QuietLog();}) and read the current test's lines with {@link #text()}.
 */
public final class QuietLog implements BeforeEachCallback, AfterEachCallback {
  private static final Namespace NAMESPACE = Namespace.create(QuietLog.class);

  private volatile ByteArrayOutputStream current = new ByteArrayOutputStream();

  /** What the agent has logged so far in the current test. */
  public String text() {
    return current.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    context.getStore(NAMESPACE).put("out", System.out);
    context.getStore(NAMESPACE).put("captured", captured);
    current = captured;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    PrintStream out = context.getStore(NAMESPACE).remove("out", PrintStream.class);
    ByteArrayOutputStream captured =
        context.getStore(NAMESPACE).remove("captured", ByteArrayOutputStream.class);
    System.setOut(out);
    if (context.getExecutionException().isPresent()) {
      out.print(captured.toString(StandardCharsets.UTF_8));
    }
  }
}

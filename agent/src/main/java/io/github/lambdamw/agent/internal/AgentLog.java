package io.github.lambdamw.agent.internal;

import io.github.lambdamw.window.internal.IsoInstants;
import java.io.PrintStream;
import java.time.Instant;

/**
 * The agent's log lines: one line each, prefixed so they are easy to find, in Lambda's JSON log
 * format when the function uses it. Never given event payloads.
 *
 * <p>Messages carry text from outside (the window value and its reasons, AWS error answers), so a
 * line must never break: in the text format, control characters and Unicode line separators are
 * written as escapes ({@code \n}, {@code \u2028}), or a newline in a window value would start a
 * second, forged, log line; the JSON format escapes them as JSON does.
 */
public final class AgentLog {
  private static final String LOGGER = "maintenance-window";
  private static volatile boolean json =
      "JSON".equalsIgnoreCase(System.getenv("AWS_LAMBDA_LOG_FORMAT"));

  private AgentLog() {}

  public static void info(String message) {
    write("INFO", message, null);
  }

  public static void warn(String message) {
    write("WARN", message, null);
  }

  public static void error(String message) {
    write("ERROR", message, null);
  }

  /** A line about one invocation, carrying its request id as Lambda's own JSON lines do. */
  public static void info(String message, String requestId) {
    write("INFO", message, requestId);
  }

  /**
   * A record printed as is (CloudWatch embedded metric format), always JSON whatever the log
   * format.
   */
  public static void raw(String jsonLine) {
    out().println(jsonLine);
  }

  private static void write(String level, String message, String requestId) {
    String line;
    if (json) {
      StringBuilder b = new StringBuilder(96 + message.length());
      b.append("{\"timestamp\":\"")
          .append(IsoInstants.format(Instant.now()))
          .append("\",\"level\":\"")
          .append(level);
      b.append("\",\"logger\":\"").append(LOGGER).append("\",\"message\":");
      JsonText.appendQuoted(b, message);
      if (requestId != null) {
        b.append(",\"requestId\":");
        JsonText.appendQuoted(b, requestId);
      }
      line = b.append('}').toString();
    } else {
      line = LOGGER + " " + level + " " + escaped(message);
    }
    out().println(line);
  }

  /**
   * {@code message} with every character that could end or hide a line escaped; the same string
   * when none does.
   */
  static String escaped(String message) {
    int i = 0;
    while (i < message.length() && !breaksLines(message.charAt(i))) {
      i++;
    }
    if (i == message.length()) {
      return message;
    }
    StringBuilder out = new StringBuilder(message.length() + 16).append(message, 0, i);
    for (; i < message.length(); i++) {
      char c = message.charAt(i);
      if (!breaksLines(c)) {
        out.append(c);
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c == '\t') {
        out.append("\\t");
      } else {
        String hex = Integer.toHexString(c);
        out.append("\\u").append("0000", hex.length(), 4).append(hex);
      }
    }
    return out.toString();
  }

  /** C0 controls, DEL, NEL and the Unicode line and paragraph separators. */
  private static boolean breaksLines(char c) {
    return c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029;
  }

  /** System.out is replaced by the runtime client once it starts; read it each time. */
  private static PrintStream out() {
    return System.out;
  }
}

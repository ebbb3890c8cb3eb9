package io.github.lambdamw.agent.internal;

import io.github.lambdamw.window.internal.IsoInstants;
import java.io.PrintStream;
import java.time.Instant;

/**
 * The agent's log lines: one line each, prefixed so they are easy to find, in Lambda's JSON log format when the
 * function uses it. Never given event payloads.
 */
public final class AgentLog {
  private static final String LOGGER = "maintenance-window";
  private static volatile boolean json = "JSON".equalsIgnoreCase(System.getenv("AWS_LAMBDA_LOG_FORMAT"));

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

  /** A record printed as is (CloudWatch embedded metric format), always JSON whatever the log format. */
  public static void raw(String jsonLine) {
    out().println(jsonLine);
  }

  private static void write(String level, String message, String requestId) {
    String line;
    if (json) {
      StringBuilder b = new StringBuilder(96 + message.length());
      b.append("{\"timestamp\":\"").append(IsoInstants.format(Instant.now())).append("\",\"level\":\"").append(level);
      b.append("\",\"logger\":\"").append(LOGGER).append("\",\"message\":");
      JsonText.appendQuoted(b, message);
      if (requestId != null) {
        b.append(",\"requestId\":");
        JsonText.appendQuoted(b, requestId);
      }
      line = b.append('}').toString();
    } else {
      line = LOGGER + " " + level + " " + message;
    }
    out().println(line);
  }

  /** System.out is replaced by the runtime client once it starts; read it each time. */
  private static PrintStream out() {
    return System.out;
  }
}

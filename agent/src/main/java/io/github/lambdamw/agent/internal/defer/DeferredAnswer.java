package io.github.lambdamw.agent.internal.defer;

import io.github.lambdamw.agent.MaintenanceWindowOpenException;
import io.github.lambdamw.agent.internal.AgentConfig;
import io.github.lambdamw.agent.internal.AgentLog;
import io.github.lambdamw.agent.internal.JsonText;
import io.github.lambdamw.window.WindowStatus;
import io.github.lambdamw.window.internal.JsonReader;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the caller of a deferred invocation gets, set per function by {@code
 * MAINTENANCE_WINDOW_ANSWER} (docs/window-format.md, "What callers get"): the default body, a body
 * from the user's template, or an error. The event has been stored before any of them is produced.
 */
public final class DeferredAnswer {
  /**
   * {@code {"deferred":true,"requestId":…,"windowEnd":…}}, plus {@code "reason"} when the window
   * has one.
   */
  public static final DeferredAnswer DEFAULT = new DeferredAnswer(Mode.DEFAULT, List.of(), 60);

  static final Set<String> PLACEHOLDERS =
      Set.of("requestId", "windowEnd", "reason", "retryAfterSeconds");

  private enum Mode {
    DEFAULT,
    TEMPLATE,
    ERROR
  }

  private final Mode mode;

  /**
   * The template cut at its placeholders: literal text at even indexes, placeholder names at odd
   * ones.
   */
  private final List<String> parts;

  private final long openEndedRetryAfterSeconds;

  private DeferredAnswer(Mode mode, List<String> parts, long openEndedRetryAfterSeconds) {
    this.mode = mode;
    this.parts = List.copyOf(parts);
    this.openEndedRetryAfterSeconds = Math.max(1, openEndedRetryAfterSeconds);
  }

  /**
   * The answer {@link AgentConfig#answer()} names; the refresh interval stands in for an open-ended
   * window's end.
   */
  public static DeferredAnswer from(AgentConfig config) {
    return from(config.answer(), config.refreshMillis() / 1000);
  }

  /**
   * Reads the setting once, at INIT. A setting that is not {@code default}, {@code error} or a
   * valid JSON template is logged and the default answer used: a typo must not take the function
   * down.
   *
   * @param openEndedRetryAfterSeconds {@code ${retryAfterSeconds}} while the window has no end
   */
  public static DeferredAnswer from(String setting, long openEndedRetryAfterSeconds) {
    String value = setting == null ? "" : setting.strip();
    if (value.isEmpty() || value.equals("default")) {
      return DEFAULT;
    }
    if (value.equals("error")) {
      return new DeferredAnswer(Mode.ERROR, List.of(), openEndedRetryAfterSeconds);
    }
    if (!value.startsWith("{") && !value.startsWith("[")) {
      return fallBack("is not default, error, or a JSON template starting with { or [");
    }
    try {
      DeferredAnswer template =
          new DeferredAnswer(Mode.TEMPLATE, cut(value), openEndedRetryAfterSeconds);
      template.requireJson();
      return template;
    } catch (IllegalArgumentException e) {
      return fallBack(e.getMessage());
    }
  }

  /**
   * The body the runtime client reports in place of the handler's answer.
   *
   * @throws MaintenanceWindowOpenException in error mode
   */
  public ByteArrayOutputStream render(String requestId, WindowStatus window, long nowMillis) {
    String body;
    switch (mode) {
      case ERROR:
        throw new MaintenanceWindowOpenException(errorMessage(requestId, window));
      case TEMPLATE:
        body = fill(requestId, window, nowMillis);
        break;
      default:
        body = defaultBody(requestId, window);
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
    out.writeBytes(bytes);
    return out;
  }

  private static String defaultBody(String requestId, WindowStatus window) {
    StringBuilder body = new StringBuilder(128).append("{\"deferred\":true,\"requestId\":");
    JsonText.appendQuoted(body, requestId).append(",\"windowEnd\":");
    JsonText.appendQuoted(body, window.end() == null ? null : window.end().toString());
    if (window.reason() != null) {
      JsonText.appendQuoted(body.append(",\"reason\":"), window.reason());
    }
    return body.append('}').toString();
  }

  private static String errorMessage(String requestId, WindowStatus window) {
    return "a maintenance window is open "
        + (window.end() == null ? "with no end set" : "until " + window.end())
        + (window.reason() == null ? "" : " (" + window.reason() + ")")
        + "; the event of request "
        + requestId
        + " is stored and will be replayed after the window";
  }

  private String fill(String requestId, WindowStatus window, long nowMillis) {
    StringBuilder body = new StringBuilder(256);
    for (int i = 0; i < parts.size(); i++) {
      String part = parts.get(i);
      if (i % 2 == 0) {
        body.append(part);
      } else {
        appendEscaped(body, value(part, requestId, window, nowMillis));
      }
    }
    return body.toString();
  }

  private String value(String placeholder, String requestId, WindowStatus window, long nowMillis) {
    switch (placeholder) {
      case "requestId":
        return requestId;
      case "windowEnd":
        return window.end() == null ? "" : window.end().toString();
      case "reason":
        return window.reason() == null ? "" : window.reason();
      default: // retryAfterSeconds
        if (window.validUntil() == null) {
          return Long.toString(openEndedRetryAfterSeconds);
        }
        long millis = window.validUntil().toEpochMilli() - nowMillis;
        return Long.toString(Math.max(1, (millis + 999) / 1000));
    }
  }

  /**
   * The text of a JSON string literal without its quotes: a placeholder sits inside the template's
   * own quotes.
   */
  private static void appendEscaped(StringBuilder body, String value) {
    String quoted = JsonText.appendQuoted(new StringBuilder(value.length() + 8), value).toString();
    body.append(quoted, 1, quoted.length() - 1);
  }

  private static List<String> cut(String template) {
    List<String> parts = new ArrayList<>();
    int from = 0;
    while (true) {
      int open = template.indexOf("${", from);
      if (open < 0) {
        parts.add(template.substring(from));
        return parts;
      }
      int close = template.indexOf('}', open);
      if (close < 0) {
        throw new IllegalArgumentException(
            "has a '${' at offset " + open + " that is never closed");
      }
      String name = template.substring(open + 2, close);
      if (!PLACEHOLDERS.contains(name)) {
        throw new IllegalArgumentException(
            "has the unknown placeholder '${"
                + name
                + "}'; expected one of "
                + PLACEHOLDERS.stream().sorted().map(p -> "${" + p + "}").toList());
      }
      parts.add(template.substring(from, open));
      parts.add(name);
      from = close + 1;
    }
  }

  /**
   * Fills the template with awkward values, for a closing and an open-ended window, and parses the
   * result.
   */
  private void requireJson() {
    Instant start = Instant.parse("2026-12-01T02:00:00Z");
    WindowStatus[] windows = {
      WindowStatus.open(
          start, start.plusSeconds(3600), start.plusSeconds(3600), "a \"quoted\"\nreason\\", "w"),
      WindowStatus.open(start, null, null, null, "w")
    };
    for (WindowStatus window : windows) {
      String body = fill("0c3f\"request\\id", window, start.toEpochMilli());
      try {
        JsonReader.read(body);
      } catch (JsonReader.JsonSyntaxException e) {
        String problem = e.getMessage();
        throw new IllegalArgumentException(
            "does not give valid JSON once filled in ("
                + problem
                + "); put ${requestId}, ${windowEnd} and"
                + " ${reason} inside JSON strings");
      }
    }
  }

  private static DeferredAnswer fallBack(String problem) {
    AgentLog.error(
        AgentConfig.ANSWER + " " + problem + "; deferred invocations get the default answer");
    return DEFAULT;
  }

  @Override
  public String toString() {
    return mode == Mode.TEMPLATE ? "template" : mode.name().toLowerCase(java.util.Locale.ROOT);
  }
}

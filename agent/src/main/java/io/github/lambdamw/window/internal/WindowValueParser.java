package io.github.lambdamw.window.internal;

import com.fasterxml.jackson.jr.ob.JSON;
import io.github.lambdamw.window.OneOffWindow;
import io.github.lambdamw.window.Window;
import io.github.lambdamw.window.WindowFormatException;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the two forms of a window value: the original system's StringList {@code start,end} and the JSON object
 * {@code {"windows":[…]}}. Every error names the field, the value and what was expected, because an operator reads it
 * in a log line with nothing else to go on.
 */
public final class WindowValueParser {
  private static final Set<String> TOP_LEVEL_FIELDS = Set.of("windows");
  private static final Set<String> WINDOW_FIELDS = Set.of("start", "end", "reason");

  private WindowValueParser() {}

  public static List<Window> parse(String value) throws WindowFormatException {
    if (value == null || value.isBlank()) {
      throw new WindowFormatException(
          "window value is empty; expected {\"windows\":[…]} or \"start,end\" (ISO-8601 instants)");
    }
    String trimmed = value.strip();
    return trimmed.startsWith("{") ? parseJson(trimmed) : parseStringList(trimmed);
  }

  private static List<Window> parseStringList(String value) throws WindowFormatException {
    String[] parts = value.split(",", -1);
    if (parts.length != 2) {
      throw new WindowFormatException(
          "window value '" + value + "' has " + parts.length + " item(s); expected exactly two, \"start,end\"");
    }
    Instant start = instant("start", parts[0].strip());
    Instant end = instant("end", parts[1].strip());
    requireOrdered("", start, end, true);
    return List.of(new OneOffWindow(start, end, true, null));
  }

  private static List<Window> parseJson(String value) throws WindowFormatException {
    Object root;
    try {
      root = JSON.std.anyFrom(value);
    } catch (IOException e) {
      throw new WindowFormatException("window value is not valid JSON: " + firstLine(e.getMessage()), e);
    }
    Map<String, Object> object = object("the window value", root);
    rejectUnknown("", object, TOP_LEVEL_FIELDS);
    Object windows = object.get("windows");
    if (!(windows instanceof List<?> list)) {
      throw new WindowFormatException(
          "field 'windows' is " + describe(windows) + "; expected an array of windows (it may be empty)");
    }
    List<Window> parsed = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      parsed.add(window("windows[" + i + "]", list.get(i)));
    }
    return parsed;
  }

  private static Window window(String path, Object node) throws WindowFormatException {
    Map<String, Object> fields = object(path, node);
    rejectUnknown(path + ".", fields, WINDOW_FIELDS);
    Instant start = instant(path + ".start", requiredText(path + ".start", fields.get("start")));
    Instant end = instant(path + ".end", requiredText(path + ".end", fields.get("end")));
    requireOrdered(path + ".", start, end, false);
    Object reason = fields.get("reason");
    if (reason != null && !(reason instanceof String)) {
      throw new WindowFormatException(
          "field '" + path + ".reason' is " + describe(reason) + "; expected a string");
    }
    return new OneOffWindow(start, end, false, (String) reason);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(String what, Object node) throws WindowFormatException {
    if (!(node instanceof Map<?, ?>)) {
      throw new WindowFormatException(what + " is " + describe(node) + "; expected a JSON object");
    }
    return (Map<String, Object>) node;
  }

  private static void rejectUnknown(String prefix, Map<String, Object> fields, Set<String> known)
      throws WindowFormatException {
    for (String name : fields.keySet()) {
      if (!known.contains(name)) {
        throw new WindowFormatException(
            "unknown field '" + prefix + name + "'; expected one of " + known.stream().sorted().toList());
      }
    }
  }

  private static String requiredText(String path, Object value) throws WindowFormatException {
    if (!(value instanceof String text)) {
      throw new WindowFormatException(
          "field '" + path + "' is " + describe(value) + "; expected an ISO-8601 instant with offset");
    }
    return text;
  }

  private static Instant instant(String path, String text) throws WindowFormatException {
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      throw new WindowFormatException(
          "field '"
              + path
              + "' is '"
              + text
              + "'; expected an ISO-8601 instant with offset, like 2026-12-01T02:00:00Z or"
              + " 2026-12-01T03:00:00+01:00");
    }
  }

  private static void requireOrdered(String prefix, Instant start, Instant end, boolean endInclusive)
      throws WindowFormatException {
    boolean ordered = endInclusive ? !end.isBefore(start) : end.isAfter(start);
    if (!ordered) {
      throw new WindowFormatException(
          "field '" + prefix + "end' (" + end + ") is before '" + prefix + "start' (" + start
              + "); expected an end after the start");
    }
  }

  private static String describe(Object value) {
    if (value == null) {
      return "missing";
    }
    if (value instanceof String text) {
      return "the string '" + text + "'";
    }
    if (value instanceof List<?>) {
      return "an array";
    }
    if (value instanceof Map<?, ?>) {
      return "an object";
    }
    return "'" + value + "'";
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}

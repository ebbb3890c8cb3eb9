package io.github.lambdamw.window.internal;

import io.github.lambdamw.window.ObservedWindow;
import io.github.lambdamw.window.OneOffWindow;
import io.github.lambdamw.window.OpenEndedWindow;
import io.github.lambdamw.window.RecurringWindow;
import io.github.lambdamw.window.Window;
import io.github.lambdamw.window.WindowFormatException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the two forms of a window value: the original system's StringList {@code start,end} and the
 * JSON object {@code {"windows":[…], "enabled": true}}. Every error names the field, the value and
 * what was expected, because an operator reads it in a log line with nothing else to go on.
 * docs/window-format.md and docs/window.schema.json describe the same language; keep the three in
 * step.
 */
public final class WindowValueParser {
  private static final Set<String> TOP_LEVEL_FIELDS = Set.of("windows", "enabled");
  private static final Set<String> WINDOW_FIELDS =
      Set.of("start", "end", "reason", "schedule", "duration", "timezone", "mode");
  private static final String CRON_SYNTAX =
      "an EventBridge cron expression cron(minutes hours day-of-month month day-of-week year) with '?' in"
          + " day-of-month or day-of-week, like cron(0 2 ? * SUN *)";

  /**
   * The instants a value may name. Beyond them the arithmetic of a status (epoch milliseconds in a
   * {@code long}, cron years) would overflow on some invocation years later, long after the value
   * was read as valid; no maintenance window needs them. docs/window-format.md ("Ranges") documents
   * both limits.
   */
  static final Instant FIRST_INSTANT = Instant.EPOCH;

  static final Instant LAST_INSTANT = Instant.parse("9999-12-31T23:59:59.999999999Z");

  /** The longest occurrence of a recurring window: about ten years. */
  static final Duration LONGEST_DURATION = Duration.ofDays(3660);

  private static final String RANGE =
      "outside the supported range; expected an instant from 1970-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z";

  /** What a value holds: its windows and its master switch. */
  public record Parsed(List<Window> windows, boolean enabled) {}

  private WindowValueParser() {}

  public static Parsed parse(String value) throws WindowFormatException {
    if (value == null || value.isBlank()) {
      throw new WindowFormatException(
          "window value is empty; expected {\"windows\":[…]} or \"start,end\" (ISO-8601 instants)");
    }
    String trimmed = value.strip();
    if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
      return parseJson(trimmed);
    }
    return new Parsed(parseStringList(trimmed), true);
  }

  private static List<Window> parseStringList(String value) throws WindowFormatException {
    String[] parts = value.split(",", -1);
    if (parts.length != 2) {
      throw new WindowFormatException(
          "window value '"
              + value
              + "' has "
              + parts.length
              + " item(s); expected exactly two, \"start,end\"");
    }
    Instant start = instant("start", parts[0].strip());
    Instant end = instant("end", parts[1].strip());
    requireOrdered("", start, end, true);
    return List.of(new OneOffWindow(start, end, true, null));
  }

  private static Parsed parseJson(String value) throws WindowFormatException {
    Object root;
    try {
      root = JsonReader.read(value);
    } catch (JsonReader.JsonSyntaxException e) {
      throw new WindowFormatException("window value is not valid JSON: " + e.getMessage(), e);
    }
    Map<String, Object> object = object("the window value", root);
    rejectUnknown("", object, TOP_LEVEL_FIELDS);
    Object windows = object.get("windows");
    if (!(windows instanceof List<?> list)) {
      throw new WindowFormatException(
          "field 'windows' is "
              + describe(windows)
              + "; expected an array of windows (it may be empty)");
    }
    Object enabled = object.getOrDefault("enabled", Boolean.TRUE);
    if (!(enabled instanceof Boolean)) {
      throw new WindowFormatException(
          "field 'enabled' is "
              + describe(enabled)
              + "; expected true or false (false turns every window off)");
    }
    List<Window> parsed = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      parsed.add(window("windows[" + i + "]", list.get(i)));
    }
    return new Parsed(parsed, (Boolean) enabled);
  }

  private static Window window(String path, Object node) throws WindowFormatException {
    Map<String, Object> fields = object(path, node);
    rejectUnknown(path + ".", fields, WINDOW_FIELDS);
    Window window = enforcedWindow(path, fields);
    return observe(path + ".mode", fields.get("mode")) ? new ObservedWindow(window) : window;
  }

  /**
   * {@code "mode"}: {@code "enforce"} (the default: invocations are deferred) or {@code "observe"}
   * (a rehearsal).
   */
  private static boolean observe(String path, Object value) throws WindowFormatException {
    if (value == null || "enforce".equals(value)) {
      return false;
    }
    if ("observe".equals(value)) {
      return true;
    }
    throw new WindowFormatException(
        "field '"
            + path
            + "' is "
            + describe(value)
            + "; expected \"enforce\" (the default: invocations are"
            + " deferred) or \"observe\" (the handler runs; what would have been deferred is logged and counted)");
  }

  private static Window enforcedWindow(String path, Map<String, Object> fields)
      throws WindowFormatException {
    String reason = optionalText(path + ".reason", fields.get("reason"));
    if (fields.containsKey("schedule")) {
      return recurring(path, fields, reason);
    }
    if (fields.containsKey("duration")) {
      throw new WindowFormatException(
          fields.containsKey("end")
              ? "fields '"
                  + path
                  + ".duration' and '"
                  + path
                  + ".end' are both given; expected 'end' for a one-off"
                  + " window, or 'schedule' with 'duration' for a recurring one"
              : "field '"
                  + path
                  + ".duration' is "
                  + describe(fields.get("duration"))
                  + " but there is no '"
                  + path
                  + ".schedule'; expected 'duration' only on a recurring window ('end' ends a one-off window)");
    }
    if (fields.containsKey("timezone")) {
      throw new WindowFormatException(
          "field '"
              + path
              + ".timezone' is "
              + describe(fields.get("timezone"))
              + " but there is no '"
              + path
              + ".schedule'; expected 'timezone' only on a recurring window (a one-off window's instants carry"
              + " their offset)");
    }
    Instant start =
        instant(path + ".start", requiredInstantText(path + ".start", fields.get("start")));
    if (!fields.containsKey("end")) {
      return new OpenEndedWindow(start, reason);
    }
    Instant end = instant(path + ".end", requiredInstantText(path + ".end", fields.get("end")));
    requireOrdered(path + ".", start, end, false);
    return new OneOffWindow(start, end, false, reason);
  }

  private static Window recurring(String path, Map<String, Object> fields, String reason)
      throws WindowFormatException {
    for (String oneOffField : List.of("start", "end")) {
      if (fields.containsKey(oneOffField)) {
        throw new WindowFormatException(
            "field '"
                + path
                + "."
                + oneOffField
                + "' is given with '"
                + path
                + ".schedule'; expected either a"
                + " recurring window (schedule, duration, timezone) or a one-off window (start, end), not both");
      }
    }
    Object schedule = fields.get("schedule");
    if (!(schedule instanceof String scheduleText)) {
      throw new WindowFormatException(
          "field '" + path + ".schedule' is " + describe(schedule) + "; expected " + CRON_SYNTAX);
    }
    Duration duration = duration(path + ".duration", fields.get("duration"));
    ZoneId zone = zone(path + ".timezone", fields.get("timezone"));
    try {
      return new RecurringWindow(scheduleText, duration, zone, reason);
    } catch (RuntimeException e) {
      throw new WindowFormatException(
          "field '"
              + path
              + ".schedule' is '"
              + scheduleText
              + "'; expected "
              + CRON_SYNTAX
              + " ("
              + e.getMessage()
              + ")",
          e);
    }
  }

  private static Duration duration(String path, Object value) throws WindowFormatException {
    String expected = "; expected a positive ISO-8601 duration like PT2H, PT30M or P1DT12H";
    if (!(value instanceof String text)) {
      throw new WindowFormatException("field '" + path + "' is " + describe(value) + expected);
    }
    Duration duration;
    try {
      duration = Duration.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new WindowFormatException("field '" + path + "' is '" + text + "'" + expected);
    }
    if (duration.isNegative() || duration.isZero()) {
      throw new WindowFormatException(
          "field '" + path + "' is '" + text + "', not positive" + expected);
    }
    if (duration.compareTo(LONGEST_DURATION) > 0) {
      throw new WindowFormatException(
          "field '"
              + path
              + "' is '"
              + text
              + "', longer than P3660D (about ten years)"
              + expected);
    }
    return duration;
  }

  private static ZoneId zone(String path, Object value) throws WindowFormatException {
    if (value == null) {
      return ZoneOffset.UTC;
    }
    String expected = "; expected an IANA time zone like Europe/Paris, America/New_York or UTC";
    if (!(value instanceof String text)) {
      throw new WindowFormatException("field '" + path + "' is " + describe(value) + expected);
    }
    try {
      return ZoneId.of(text.strip());
    } catch (DateTimeException e) {
      throw new WindowFormatException(
          "field '" + path + "' is '" + text + "', an unknown zone" + expected);
    }
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
            "unknown field '"
                + prefix
                + name
                + "'; expected one of "
                + known.stream().sorted().toList());
      }
    }
  }

  private static String optionalText(String path, Object value) throws WindowFormatException {
    if (value != null && !(value instanceof String)) {
      throw new WindowFormatException(
          "field '" + path + "' is " + describe(value) + "; expected a string");
    }
    return (String) value;
  }

  private static String requiredInstantText(String path, Object value)
      throws WindowFormatException {
    if (!(value instanceof String text)) {
      throw new WindowFormatException(
          "field '"
              + path
              + "' is "
              + describe(value)
              + "; expected an ISO-8601 instant with offset");
    }
    return text;
  }

  private static Instant instant(String path, String text) throws WindowFormatException {
    Instant instant;
    try {
      instant = IsoInstants.parse(text);
    } catch (DateTimeParseException e) {
      throw new WindowFormatException(
          "field '"
              + path
              + "' is '"
              + text
              + "'; expected an ISO-8601 instant with offset, like 2026-12-01T02:00:00Z or"
              + " 2026-12-01T03:00:00+01:00");
    }
    if (instant.isBefore(FIRST_INSTANT) || instant.isAfter(LAST_INSTANT)) {
      throw new WindowFormatException("field '" + path + "' is '" + text + "', " + RANGE);
    }
    return instant;
  }

  private static void requireOrdered(
      String prefix, Instant start, Instant end, boolean endInclusive)
      throws WindowFormatException {
    boolean ordered = endInclusive ? !end.isBefore(start) : end.isAfter(start);
    if (!ordered) {
      throw new WindowFormatException(
          "field '"
              + prefix
              + "end' ("
              + end
              + ") is "
              + (end.equals(start) ? "equal to" : "before")
              + " '"
              + prefix
              + "start' ("
              + start
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
}

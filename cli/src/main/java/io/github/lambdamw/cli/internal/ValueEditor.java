package io.github.lambdamw.cli.internal;

import com.fasterxml.jackson.jr.ob.JSON;
import io.github.lambdamw.window.OneOffWindow;
import io.github.lambdamw.window.RecurringWindow;
import io.github.lambdamw.window.Window;
import io.github.lambdamw.window.WindowFormatException;
import io.github.lambdamw.window.WindowPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Edits a window value the way an operator would by hand: adds a window, or ends the ones in
 * progress, and leaves every other window, field and reason as it was. A value in the original
 * StringList form is rewritten as JSON.
 */
public final class ValueEditor {
  private final Map<String, Object> root;
  private final List<Object> windows;
  private final boolean converted;

  private ValueEditor(Map<String, Object> root, List<Object> windows, boolean converted) {
    this.root = root;
    this.windows = windows;
    this.converted = converted;
  }

  /**
   * An editor over {@code value}; {@code null} (no parameter yet) is an empty value.
   *
   * @throws WindowFormatException when the value is not valid: it is never edited blindly
   */
  @SuppressWarnings("unchecked")
  public static ValueEditor of(String value) throws WindowFormatException {
    if (value == null) {
      Map<String, Object> root = new LinkedHashMap<>();
      List<Object> windows = new ArrayList<>();
      root.put("windows", windows);
      return new ValueEditor(root, windows, false);
    }
    WindowPlan plan = WindowPlan.parse(value);
    if (!value.strip().startsWith("{")) {
      OneOffWindow legacy = (OneOffWindow) plan.windows().get(0);
      Map<String, Object> window = new LinkedHashMap<>();
      window.put("start", legacy.start().toString());
      window.put("end", legacy.end().toString());
      Map<String, Object> root = new LinkedHashMap<>();
      List<Object> windows = new ArrayList<>(List.of(window));
      root.put("windows", windows);
      return new ValueEditor(root, windows, true);
    }
    try {
      Map<String, Object> root = new LinkedHashMap<>(JSON.std.mapFrom(value));
      List<Object> windows = new ArrayList<>((List<Object>) root.get("windows"));
      root.put("windows", windows);
      return new ValueEditor(root, windows, false);
    } catch (IOException e) {
      throw new WindowFormatException("window value is not valid JSON: " + e.getMessage(), e);
    }
  }

  /**
   * Whether the value was in the original StringList form (its inclusive end becomes an exclusive
   * one).
   */
  public boolean convertedFromStringList() {
    return converted;
  }

  public boolean enabled() {
    return !Boolean.FALSE.equals(root.get("enabled"));
  }

  /** Adds a one-off window, or an open-ended one when {@code end} is {@code null}. */
  public void add(Instant start, Instant end, String reason) {
    add(start, end, reason, false);
  }

  /**
   * Adds a window as {@link #add(Instant, Instant, String)}; with {@code observe}, as {@code
   * "mode":"observe"}.
   */
  public void add(Instant start, Instant end, String reason, boolean observe) {
    Map<String, Object> window = new LinkedHashMap<>();
    window.put("start", start.toString());
    if (end != null) {
      window.put("end", end.toString());
    }
    if (reason != null) {
      window.put("reason", reason);
    }
    if (observe) {
      window.put("mode", "observe");
    }
    windows.add(window);
  }

  /**
   * Ends at {@code now} every one-off or open-ended window in progress: its end becomes {@code
   * now}, or it is removed when it started at {@code now}. Windows ahead are left alone, and so are
   * recurring ones, which cannot be cut.
   *
   * @return how many windows were ended or removed
   */
  @SuppressWarnings("unchecked")
  public int endWindowsInProgress(Instant now) throws WindowFormatException {
    int ended = 0;
    for (int i = windows.size() - 1; i >= 0; i--) {
      Map<String, Object> window = (Map<String, Object>) windows.get(i);
      if (window.containsKey("schedule")) {
        continue;
      }
      Instant start = instant(window.get("start"));
      Object end = window.get("end");
      boolean inProgress = !start.isAfter(now) && (end == null || instant(end).isAfter(now));
      if (!inProgress) {
        continue;
      }
      if (start.isBefore(now)) {
        Map<String, Object> closed = new LinkedHashMap<>(window);
        closed.put("end", now.toString());
        windows.set(i, closed);
      } else {
        windows.remove(i);
      }
      ended++;
    }
    return ended;
  }

  /** The recurring windows of the value that are open at {@code t}. */
  public List<Window> recurringWindowsOpenAt(Instant t) throws WindowFormatException {
    List<Window> open = new ArrayList<>();
    for (Window window : plan().windows()) {
      if (window.asEnforced() instanceof RecurringWindow && window.occurrenceAt(t) != null) {
        open.add(window);
      }
    }
    return open;
  }

  /** The edited value, checked by the same parser the agent uses. */
  public WindowPlan plan() throws WindowFormatException {
    return WindowPlan.parse(text());
  }

  /** The edited value as compact JSON (an SSM standard parameter holds 4 KB). */
  public String text() {
    try {
      return JSON.std.asString(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Instant instant(Object text) {
    // The value was parsed as valid before: instants are ISO-8601 with offset.
    return OffsetDateTime.parse((String) text).toInstant();
  }
}

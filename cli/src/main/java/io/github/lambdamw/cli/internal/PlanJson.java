package io.github.lambdamw.cli.internal;

import com.fasterxml.jackson.jr.ob.JSON;
import io.github.lambdamw.window.Occurrence;
import io.github.lambdamw.window.Window;
import io.github.lambdamw.window.WindowPlan;
import io.github.lambdamw.window.WindowStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The status and the occurrences ahead as one JSON object, for scripts ({@code --json}). */
public final class PlanJson {
  private PlanJson() {}

  /**
   * {@code
   * {"parameter","at","open","start","end","reason","validUntil","enabled","zone","from","to","occurrences":[
   * {"window","start","end","startLocal","endLocal","reason"}]}}; instants in UTC, {@code *Local}
   * in the zone, {@code end} null for an occurrence that never closes.
   */
  public static String of(
      String parameter,
      WindowPlan plan,
      Instant at,
      List<Occurrence> occurrences,
      Instant from,
      Instant to,
      ZoneId zone) {
    WindowStatus status = plan.statusAt(at);
    Map<String, Object> json = new LinkedHashMap<>();
    if (parameter != null) {
      json.put("parameter", parameter);
    }
    json.put("at", at.toString());
    json.put("open", status.isOpen());
    json.put("start", text(status.isOpen() ? status.start() : null));
    json.put("end", text(status.isOpen() ? status.end() : null));
    json.put("reason", status.isOpen() ? status.reason() : null);
    json.put("validUntil", text(status.validUntil()));
    json.put("enabled", plan.enabled());
    json.put("zone", zone.getId());
    json.put("from", from.toString());
    json.put("to", to.toString());
    List<Object> list = new ArrayList<>();
    for (Occurrence occurrence : occurrences) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("window", indexOf(plan, occurrence.window()));
      item.put("start", occurrence.start().toString());
      item.put("end", text(occurrence.closesAt()));
      item.put("startLocal", occurrence.start().atZone(zone).toOffsetDateTime().toString());
      item.put(
          "endLocal",
          occurrence.closesAt() == null
              ? null
              : occurrence.closesAt().atZone(zone).toOffsetDateTime().toString());
      item.put("reason", occurrence.window().reason());
      list.add(item);
    }
    json.put("occurrences", list);
    try {
      return JSON.std.with(JSON.Feature.WRITE_NULL_PROPERTIES).asString(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int indexOf(WindowPlan plan, Window window) {
    List<Window> windows = plan.windows();
    for (int i = 0; i < windows.size(); i++) {
      if (windows.get(i) == window) {
        return i;
      }
    }
    return -1;
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}

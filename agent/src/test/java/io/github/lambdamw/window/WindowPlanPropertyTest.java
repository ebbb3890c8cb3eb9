package io.github.lambdamw.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * For any value {@link WindowPlan#parse} accepts, {@link WindowPlan#statusAt} answers for any
 * instant the gate may ask (any epoch millisecond), and the next change it reports lies after that
 * instant. Values are generated from a fixed seed, so a failure names a value and an instant that
 * reproduce it.
 */
class WindowPlanPropertyTest {
  private static final long SEED = 0x5eed_2026_1207L;
  private static final int VALUES = 400;
  private static final int INSTANTS_PER_VALUE = 12;

  private static final Instant FIRST = Instant.parse("1970-01-01T00:00:00Z");
  private static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999999Z");
  private static final List<String> ZONES =
      new ArrayList<>(new TreeSet<>(ZoneId.getAvailableZoneIds()));

  private final Random random = new Random(SEED);
  private int accepted;

  @Test
  void everyAcceptedValue_answersForEveryInstant_withItsNextChangeAfterIt() {
    for (int i = 0; i < VALUES; i++) {
      String value = value();
      WindowPlan plan;
      try {
        plan = WindowPlan.parse(value);
      } catch (WindowFormatException e) {
        continue; // out of range or otherwise refused: the gate never sees it
      }
      accepted++;
      for (Instant t : instantsFor(plan)) {
        check(value, plan, t);
      }
    }
    // Many generated values are out of range on purpose; enough must be accepted for the property
    // to say much.
    assertThat(accepted).isGreaterThan(VALUES / 3);
  }

  private static void check(String value, WindowPlan plan, Instant t) {
    WindowStatus status = statusAt(value, plan, t);
    if (status.validUntil() != null && !status.validUntil().isAfter(t)) {
      fail(
          "statusAt("
              + t
              + ") of "
              + value
              + " says the status holds until "
              + status.validUntil());
    }
    if (status.isOpen() && status.start().isAfter(t)) {
      fail(
          "statusAt("
              + t
              + ") of "
              + value
              + " is open from "
              + status.start()
              + ", after the instant");
    }
    if (!status.isOpen()
        && status.validUntil() != null
        && !statusAt(value, plan, status.validUntil()).isOpen()) {
      fail(
          "statusAt("
              + t
              + ") of "
              + value
              + " is closed until "
              + status.validUntil()
              + ", but it is closed then");
    }
    boolean inSomeWindow =
        plan.enabled() && plan.windows().stream().anyMatch(w -> w.occurrenceAt(t) != null);
    if (status.isOpen() != inSomeWindow) {
      fail(
          "statusAt("
              + t
              + ") of "
              + value
              + " is "
              + status
              + " but the windows say "
              + inSomeWindow);
    }
  }

  private static WindowStatus statusAt(String value, WindowPlan plan, Instant t) {
    try {
      return plan.statusAt(t);
    } catch (RuntimeException e) {
      throw new AssertionError("statusAt(" + t + ") threw for the value " + value, e);
    }
  }

  /**
   * Anywhere in the epoch-millisecond range, near the supported range's ends, and at each window's
   * edges.
   */
  private List<Instant> instantsFor(WindowPlan plan) {
    List<Instant> instants = new ArrayList<>();
    instants.add(Instant.ofEpochMilli(Long.MIN_VALUE));
    instants.add(Instant.ofEpochMilli(Long.MAX_VALUE));
    instants.add(FIRST);
    instants.add(LAST);
    instants.add(Instant.ofEpochMilli(LAST.toEpochMilli() + 1));
    for (Window window : plan.windows()) {
      if (window instanceof SingleOccurrenceWindow single) {
        Occurrence occurrence = single.occurrence;
        instants.add(occurrence.start().minusMillis(1));
        instants.add(occurrence.start());
        if (occurrence.closesAt() != null) {
          instants.add(occurrence.closesAt().minusNanos(1));
          instants.add(occurrence.closesAt());
        }
      }
    }
    for (int i = 0; i < INSTANTS_PER_VALUE; i++) {
      switch (random.nextInt(4)) {
        case 0 -> instants.add(Instant.ofEpochMilli(random.nextLong()));
        case 1 -> instants.add(between(FIRST, LAST));
        default ->
            instants.add(
                between(
                    Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2210-01-01T00:00:00Z")));
      }
    }
    return instants;
  }

  private String value() {
    if (random.nextInt(10) == 0) {
      return instantText() + "," + instantText();
    }
    StringBuilder json = new StringBuilder("{");
    switch (random.nextInt(3)) {
      case 0 -> json.append("\"enabled\":false,");
      case 1 -> json.append("\"enabled\":true,");
      default -> {}
    }
    json.append("\"windows\":[");
    int count = random.nextInt(5);
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        json.append(',');
      }
      json.append(window());
    }
    return json.append("]}").toString();
  }

  private String window() {
    return switch (random.nextInt(3)) {
      case 0 -> "{\"start\":\"" + instantText() + "\",\"end\":\"" + instantText() + "\"}";
      case 1 -> "{\"start\":\"" + instantText() + "\",\"reason\":\"pause\"}";
      default ->
          "{\"schedule\":\""
              + cron()
              + "\",\"duration\":\""
              + duration()
              + "\""
              + (random.nextBoolean() ? ",\"timezone\":\"" + zone() + "\"" : "")
              + "}";
    };
  }

  private String instantText() {
    Instant instant =
        switch (random.nextInt(8)) {
          case 0 ->
              pick(
                  FIRST,
                  LAST,
                  Instant.MIN,
                  Instant.MAX,
                  Instant.EPOCH.minusNanos(1),
                  LAST.plusNanos(1));
          case 1 -> between(FIRST, LAST);
          case 2 -> between(Instant.MIN, Instant.MAX);
          default ->
              between(Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2032-01-01T00:00:00Z"));
        };
    ZoneOffset offset =
        switch (random.nextInt(4)) {
          case 0 -> ZoneOffset.UTC;
          case 1 -> pick(ZoneOffset.MIN, ZoneOffset.MAX);
          default ->
              ZoneOffset.ofTotalSeconds((random.nextInt(4 * 18 + 1) - 4 * 18) * 15 * 60 / 2 * 2);
        };
    try {
      return OffsetDateTime.ofInstant(instant, offset)
          .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    } catch (java.time.DateTimeException e) {
      return instant.toString(); // beyond what an offset date-time can hold: written in UTC
    }
  }

  private String duration() {
    return switch (random.nextInt(6)) {
      case 0 ->
          pick(
              "PT2562047788015215H",
              "PT0.000000001S",
              "P3660D",
              "P3661D",
              "PT1M",
              "P106751991167300D");
      case 1 -> "P" + random.nextInt(4000) + "D";
      case 2 -> "PT" + (1 + random.nextInt(48)) + "H" + random.nextInt(60) + "M";
      case 3 -> "PT" + (1 + random.nextInt(600)) + "." + random.nextInt(1_000_000_000) + "S";
      default -> "PT" + (1 + random.nextInt(240)) + "M";
    };
  }

  private String cron() {
    String minutes = pick("0", "*", "*/15", "30", "0,30", "5-10", "59");
    String hours = pick("*", "2", "0-23/6", "23", "1,2,3", "0");
    String month = pick("*", "1", "FEB", "2", "1-6", "*/3", "12", "DEC");
    // Years far from the instants asked cost cron-utils the most (it walks the years between): a
    // third of the values.
    String year =
        random.nextInt(3) > 0
            ? "*"
            : pick("1970", "2026", "2199", "2026-2030", "1970-2199", "2100/10", "2024,2028");
    String dayOfMonth;
    String dayOfWeek;
    if (random.nextBoolean()) {
      dayOfMonth = pick("*", "1", "L", "15W", "31", "1-7", "29", "30", "L-3", "LW");
      dayOfWeek = "?";
    } else {
      dayOfMonth = "?";
      dayOfWeek = pick("*", "SUN", "MON-FRI", "1", "3#2", "6L", "7", "2#5", "SUN,SAT");
    }
    return "cron("
        + minutes
        + " "
        + hours
        + " "
        + dayOfMonth
        + " "
        + month
        + " "
        + dayOfWeek
        + " "
        + year
        + ")";
  }

  private String zone() {
    return random.nextInt(4) == 0
        ? pick(
            "UTC",
            "Z",
            "+14:00",
            "-12:00",
            "Europe/Paris",
            "America/New_York",
            "Australia/Lord_Howe",
            "Pacific/Apia")
        : ZONES.get(random.nextInt(ZONES.size()));
  }

  private Instant between(Instant from, Instant to) {
    long seconds =
        from.getEpochSecond()
            + (long) (random.nextDouble() * (to.getEpochSecond() - from.getEpochSecond()));
    return Instant.ofEpochSecond(
        seconds, random.nextBoolean() ? 0 : random.nextInt(1_000) * 1_000_000L);
  }

  @SafeVarargs
  private <T> T pick(T... choices) {
    return choices[random.nextInt(choices.length)];
  }
}

package io.github.lambdamw.window.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * ISO-8601 instants read and written by hand for the common shapes, with {@code java.time}'s
 * formatter for the rest.
 *
 * <p>Why: the first {@code OffsetDateTime.parse} or {@code Instant.toString} of a JVM interprets
 * the formatter machinery (field resolution, chronology, parse contexts), about 10 ms of CPU
 * measured on the INIT path of every guarded cold start, where the window value is read and logged.
 * The hand-written paths accept only what {@code DateTimeFormatter.ISO_OFFSET_DATE_TIME} accepts
 * and give the same instant; anything else (a year past 9999, an offset with seconds, a malformed
 * text) goes to {@code java.time}, which also writes the error. {@code IsoInstantsTest} holds both
 * paths to each other.
 */
public final class IsoInstants {
  private static final long MAX_OFFSET_SECONDS = 18 * 3600;

  private IsoInstants() {}

  /**
   * {@code text} as {@code ISO_OFFSET_DATE_TIME} reads it, e.g. {@code 2026-12-01T02:00:00Z} or
   * {@code 2026-12-01T03:00+01:00}.
   *
   * @throws DateTimeParseException when {@code text} is not such a date-time
   */
  public static Instant parse(String text) {
    Instant fast = parseCommonShape(text);
    return fast != null
        ? fast
        : OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
  }

  /** What {@link Instant#toString()} writes. */
  public static String format(Instant instant) {
    long seconds = instant.getEpochSecond();
    long days = Math.floorDiv(seconds, 86_400L);
    int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
    long[] date = civil(days);
    if (date[0] < 0 || date[0] > 9999) {
      return instant.toString();
    }
    StringBuilder out = new StringBuilder(30);
    digits(out, date[0], 4).append('-');
    digits(out, date[1], 2).append('-');
    digits(out, date[2], 2).append('T');
    digits(out, secondOfDay / 3600, 2).append(':');
    digits(out, secondOfDay / 60 % 60, 2).append(':');
    digits(out, secondOfDay % 60, 2);
    int nanos = instant.getNano();
    if (nanos != 0) {
      out.append('.');
      if (nanos % 1_000_000 == 0) {
        digits(out, nanos / 1_000_000, 3);
      } else if (nanos % 1000 == 0) {
        digits(out, nanos / 1000, 6);
      } else {
        digits(out, nanos, 9);
      }
    }
    return out.append('Z').toString();
  }

  /**
   * {@code yyyy-MM-dd'T'HH:mm[:ss[.f{1,9}]]} then {@code Z} or {@code ±HH:MM} ({@code T} and {@code
   * Z} in either case, as the ISO formatter reads them), or {@code null} for any other text.
   */
  static Instant parseCommonShape(String text) {
    int length = text.length();
    if (length < 17
        || !digitsAt(text, 0, 4)
        || text.charAt(4) != '-'
        || !digitsAt(text, 5, 2)
        || text.charAt(7) != '-'
        || !digitsAt(text, 8, 2)
        || (text.charAt(10) | 0x20) != 't'
        || !digitsAt(text, 11, 2)
        || text.charAt(13) != ':'
        || !digitsAt(text, 14, 2)) {
      return null;
    }
    int year = number(text, 0, 4);
    int month = number(text, 5, 2);
    int day = number(text, 8, 2);
    int hour = number(text, 11, 2);
    int minute = number(text, 14, 2);
    int second = 0;
    int nanos = 0;
    int at = 16;
    if (at < length && text.charAt(at) == ':') {
      if (!digitsAt(text, at + 1, 2)) {
        return null;
      }
      second = number(text, at + 1, 2);
      at += 3;
      if (at < length && text.charAt(at) == '.') {
        int first = ++at;
        while (at < length && at - first < 10 && isDigit(text.charAt(at))) {
          at++;
        }
        int count = at - first;
        if (count == 0 || count > 9) {
          return null;
        }
        nanos = number(text, first, count);
        for (int i = count; i < 9; i++) {
          nanos *= 10;
        }
      }
    }
    long offsetSeconds;
    if (at == length - 1 && (text.charAt(at) | 0x20) == 'z') {
      offsetSeconds = 0;
    } else if (at == length - 6
        && (text.charAt(at) == '+' || text.charAt(at) == '-')
        && digitsAt(text, at + 1, 2)
        && text.charAt(at + 3) == ':'
        && digitsAt(text, at + 4, 2)) {
      int offsetMinutes = number(text, at + 4, 2);
      offsetSeconds = number(text, at + 1, 2) * 3600L + offsetMinutes * 60L;
      if (offsetMinutes > 59 || offsetSeconds > MAX_OFFSET_SECONDS) {
        return null;
      }
      if (text.charAt(at) == '-') {
        offsetSeconds = -offsetSeconds;
      }
    } else {
      return null;
    }
    if (month < 1
        || month > 12
        || day < 1
        || day > monthLength(year, month)
        || hour > 23
        || minute > 59
        || second > 59) {
      return null;
    }
    long epochSeconds =
        daysFromCivil(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second;
    return Instant.ofEpochSecond(epochSeconds - offsetSeconds, nanos);
  }

  private static int monthLength(int year, int month) {
    if (month == 2) {
      boolean leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
      return leap ? 29 : 28;
    }
    return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
  private static long daysFromCivil(long year, int month, int day) {
    long y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yearOfEra = y - era * 400;
    long dayOfYear = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146_097 + dayOfEra - 719_468;
  }

  /** {year, month, day} of a day since 1970-01-01 (the inverse of {@link #daysFromCivil}). */
  private static long[] civil(long days) {
    long z = days + 719_468;
    long era = Math.floorDiv(z, 146_097);
    long dayOfEra = z - era * 146_097;
    long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
    long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    long monthIndex = (5 * dayOfYear + 2) / 153;
    long day = dayOfYear - (153 * monthIndex + 2) / 5 + 1;
    long month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
    return new long[] {yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day};
  }

  private static boolean digitsAt(String text, int from, int count) {
    if (from + count > text.length()) {
      return false;
    }
    for (int i = from; i < from + count; i++) {
      if (!isDigit(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * ASCII digits only: the ISO formatter reads no other script's digits in its default (ASCII)
   * decimal style.
   */
  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int number(String text, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      value = value * 10 + (text.charAt(i) - '0');
    }
    return value;
  }

  private static StringBuilder digits(StringBuilder out, long value, int width) {
    String text = Long.toString(value);
    for (int i = text.length(); i < width; i++) {
      out.append('0');
    }
    return out.append(text);
  }
}

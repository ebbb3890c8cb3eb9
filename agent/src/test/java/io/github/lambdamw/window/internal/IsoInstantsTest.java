package io.github.lambdamw.window.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written paths must agree with java.time's ISO formatter wherever they answer. */
class IsoInstantsTest {
  private static final String SHAPE_CHARS = "0123456789-:.+TZtz ";

  @Test
  void commonShapes_areReadByTheFastPath_asJavaTimeReadsThem() {
    Random random = new Random(17);
    for (int i = 0; i < 20_000; i++) {
      String text = randomCommonShape(random);
      Instant fast = IsoInstants.parseCommonShape(text);
      assertThat(fast).as(text).isNotNull().isEqualTo(javaTime(text));
    }
  }

  @Test
  void anyMutatedText_eitherFallsBackOrAgreesWithJavaTime() {
    Random random = new Random(23);
    for (int i = 0; i < 100_000; i++) {
      char[] text = randomCommonShape(random).toCharArray();
      for (int edits = 1 + random.nextInt(2); edits > 0; edits--) {
        text[random.nextInt(text.length)] =
            SHAPE_CHARS.charAt(random.nextInt(SHAPE_CHARS.length()));
      }
      String mutated = new String(text);
      Instant fast = IsoInstants.parseCommonShape(mutated);
      if (fast != null) {
        assertThat(fast).as(mutated).isEqualTo(javaTime(mutated));
      }
    }
  }

  @Test
  void edgeCases_agreeWithJavaTime_orAreRefusedByBoth() {
    List<String> texts =
        List.of(
            "2024-02-29T00:00:00Z",
            "2023-02-29T00:00:00Z",
            "1900-02-29T00:00Z",
            "2000-02-29T23:59:59.999999999Z",
            "2026-04-31T00:00Z",
            "2026-12-01T24:00:00Z",
            "2026-12-01T23:60Z",
            "2026-12-01T23:59:60Z",
            "2026-12-01T02:00:00+18:00",
            "2026-12-01T02:00:00+18:01",
            "2026-12-01T02:00:00-00:00",
            "2026-12-01T02:00:00+05:60",
            "2026-12-01t02:00:00z",
            "2026-12-01T02:00:00.Z",
            "2026-12-01T02:00.5Z",
            "2026-12-01T02:00:00.1234567890Z",
            "0000-01-01T00:00Z",
            "9999-12-31T23:59:59.999999999-18:00",
            "+12026-12-01T02:00:00Z",
            "2026-12-01T02:00:00+01:00:30",
            "2026-12-01T02:00:00+01",
            "2026-12-01 02:00Z",
            "2026-12-01T02:00:00",
            "");
    for (String text : texts) {
      Instant expected = javaTimeOrNull(text);
      if (expected == null) {
        assertThat(IsoInstants.parseCommonShape(text)).as(text).isNull();
        assertThatThrownBy(() -> IsoInstants.parse(text))
            .as(text)
            .isInstanceOf(DateTimeParseException.class);
      } else {
        assertThat(IsoInstants.parse(text)).as(text).isEqualTo(expected);
      }
    }
  }

  @Test
  void format_writesWhatInstantToStringWrites() {
    Random random = new Random(29);
    long[] nanos = {0, 1, 1_000, 1_000_000, 123_000_000, 123_456_000, 123_456_789, 999_999_999};
    for (int i = 0; i < 50_000; i++) {
      long seconds = random.nextLong() % 400_000_000_000L; // years -10700 to 14600: both paths
      Instant instant = Instant.ofEpochSecond(seconds, nanos[random.nextInt(nanos.length)]);
      assertThat(IsoInstants.format(instant)).isEqualTo(instant.toString());
    }
    assertThat(IsoInstants.format(Instant.EPOCH)).isEqualTo("1970-01-01T00:00:00Z");
  }

  private static String randomCommonShape(Random random) {
    StringBuilder text = new StringBuilder();
    text.append(pad(random.nextInt(10_000), 4))
        .append('-')
        .append(pad(1 + random.nextInt(12), 2))
        .append('-');
    text.append(pad(1 + random.nextInt(28), 2)).append(random.nextBoolean() ? 'T' : 't');
    text.append(pad(random.nextInt(24), 2)).append(':').append(pad(random.nextInt(60), 2));
    if (random.nextInt(4) > 0) {
      text.append(':').append(pad(random.nextInt(60), 2));
      if (random.nextBoolean()) {
        int digits = 1 + random.nextInt(9);
        text.append('.')
            .append(pad(random.nextInt((int) Math.pow(10, Math.min(digits, 9))), digits));
      }
    }
    switch (random.nextInt(3)) {
      case 0 -> text.append(random.nextBoolean() ? 'Z' : 'z');
      default -> {
        text.append(random.nextBoolean() ? '+' : '-');
        int hours = random.nextInt(18);
        text.append(pad(hours, 2)).append(':').append(pad(random.nextInt(60), 2));
      }
    }
    return text.toString();
  }

  private static String pad(long value, int width) {
    String digits = Long.toString(value);
    return "0".repeat(Math.max(0, width - digits.length())) + digits;
  }

  private static Instant javaTime(String text) {
    return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
  }

  private static Instant javaTimeOrNull(String text) {
    try {
      return javaTime(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}

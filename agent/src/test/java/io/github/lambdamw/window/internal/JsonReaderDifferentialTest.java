package io.github.lambdamw.window.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link JsonReader} against jackson-core, configured as the reader's limits say (nesting 64,
 * numbers of 1,000 characters, duplicate names refused): over generated texts, valid and mutated,
 * both refuse the same texts and read the others to the same values. The reader throws nothing but
 * {@link JsonReader.JsonSyntaxException}. Fixed seed: a failure names the text.
 *
 * <p>Jackson counts a number's length by parts, and by different parts depending on where the
 * number falls in its buffers: it refuses an integer part of more than 1,000 digits, but a
 * 1,016-character number with 24 integer and 991 fraction digits only sometimes. The reader refuses
 * any number over 1,000 characters. Long numbers are generated outside that grey zone: at most
 * 1,000 characters in all, or one part of more than 1,000 digits.
 *
 * <p>jackson-core 2.21 reads the four hex digits of a unicode escape by their low byte only, so it
 * takes U+0661 (ARABIC-INDIC DIGIT ONE, low byte 0x61) for {@code a}. The reader refuses every
 * non-ASCII digit there, and that is the one disagreement allowed.
 */
class JsonReaderDifferentialTest {
  private static final long SEED = 0x150_2026_1207L;
  private static final int TEXTS = 12_000;

  private static final JsonFactory JACKSON =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder().maxNestingDepth(64).maxNumberLength(1_000).build())
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  /** What a mutation inserts: JSON's own characters, and the ones readers get wrong. */
  private static final String ODD =
      "{}[]:,\"\\/-+.eE0123456789 \t\n\rtrufalsn\u0000\u0001\u001f\u007f\u00a0\u2028\ufeff\uff10\uff11\u0661\ud800\udc00éu";

  private final Random random = new Random(SEED);

  @Test
  void theReader_agreesWithJackson_onEveryGeneratedText() {
    int accepted = 0;
    for (int i = 0; i < TEXTS; i++) {
      String text = random.nextInt(3) == 0 ? value(0) : mutated(value(0));
      Object ours = ours(text);
      Object jackson = jackson(text);
      if (!same(ours, jackson) && !jacksonMisreadsAHexDigit(text, ours, jackson)) {
        fail(
            "the reader and Jackson disagree on "
                + shown(text)
                + ": "
                + shown(ours)
                + " / "
                + shown(jackson));
      }
      if (!(ours instanceof Refused)) {
        accepted++;
      }
    }
    assertThat(accepted)
        .isBetween(TEXTS / 5, TEXTS * 4 / 5); // both sides of the line are exercised
  }

  @Test
  void theLimits_agreeWithJackson_atTheirEdges() {
    List<String> texts = new ArrayList<>();
    for (int n : new int[] {990, 1_000, 1_001}) {
      texts.add("1".repeat(n));
      texts.add("0." + "1".repeat(n > 1_000 ? n : n - 2));
      texts.add("1e" + "1".repeat(n > 1_000 ? n : n - 2));
      texts.add("-1E-" + "0".repeat(n > 1_000 ? n : n - 4));
    }
    for (int depth : new int[] {63, 64, 65}) {
      texts.add("[".repeat(depth) + "]".repeat(depth));
      texts.add("{\"a\":".repeat(depth) + "0" + "}".repeat(depth));
    }
    texts.addAll(
        List.of(
            "1e9999999999",
            "1e-9999999999",
            "1e2147483647",
            "0.1e-2147483648",
            "\"\\u0\uff11\uff12\uff13\"",
            "\"\\uABCD\"",
            "\"\\uabcg\""));
    for (String text : texts) {
      assertThat(same(ours(text), jackson(text))).as(shown(text)).isTrue();
    }
  }

  /**
   * The reader's value, or {@link Refused}; any exception but JsonSyntaxException fails the test.
   */
  private static Object ours(String text) {
    try {
      return JsonReader.read(text);
    } catch (JsonReader.JsonSyntaxException e) {
      return new Refused(e.getMessage());
    } catch (RuntimeException | StackOverflowError e) {
      throw new AssertionError("the reader threw " + e + " for " + shown(text), e);
    }
  }

  private static Object jackson(String text) {
    try (JsonParser parser = JACKSON.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return new Refused("no value");
      }
      Object value = jacksonValue(parser, first);
      return parser.nextToken() == null ? value : new Refused("more after the value");
    } catch (Exception e) {
      return new Refused(e.toString());
    }
  }

  private static Object jacksonValue(JsonParser parser, JsonToken token) throws Exception {
    switch (token) {
      case START_OBJECT:
        {
          Map<String, Object> object = new LinkedHashMap<>();
          for (JsonToken t = parser.nextToken();
              t != JsonToken.END_OBJECT;
              t = parser.nextToken()) {
            String name = parser.currentName();
            object.put(name, jacksonValue(parser, parser.nextToken()));
          }
          return object;
        }
      case START_ARRAY:
        {
          List<Object> array = new ArrayList<>();
          for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
            array.add(jacksonValue(parser, t));
          }
          return array;
        }
      case VALUE_STRING:
        return parser.getText();
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return parser.getDecimalValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw new IllegalStateException("unexpected " + token);
    }
  }

  private static boolean jacksonMisreadsAHexDigit(String text, Object ours, Object jackson) {
    if (!(ours instanceof Refused refused)
        || jackson instanceof Refused
        || !refused.why().startsWith("expected four hex digits after \\u")) {
      return false;
    }
    int at = Integer.parseInt(refused.why().replaceAll(".* at offset (\\d+),.*", "$1"));
    char c = text.charAt(at);
    return c > 0x7f && Character.digit((char) (c & 0xff), 16) >= 0;
  }

  private static boolean same(Object a, Object b) {
    if (a instanceof Refused || b instanceof Refused) {
      return a instanceof Refused && b instanceof Refused;
    }
    if (a instanceof Number || b instanceof Number) {
      return a instanceof Number && b instanceof Number && decimal(a).compareTo(decimal(b)) == 0;
    }
    if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
      if (!List.copyOf(x.keySet()).equals(List.copyOf(y.keySet()))) {
        return false;
      }
      return x.keySet().stream().allMatch(k -> same(x.get(k), y.get(k)));
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!same(x.get(i), y.get(i))) {
          return false;
        }
      }
      return true;
    }
    return Objects.equals(a, b);
  }

  private static BigDecimal decimal(Object number) {
    if (number instanceof JsonReader.Decimal d) {
      return d.toBigDecimal();
    }
    return number instanceof BigDecimal d ? d : BigDecimal.valueOf(((Number) number).longValue());
  }

  private String value(int depth) {
    int kind = depth > 70 ? 2 + random.nextInt(4) : random.nextInt(depth < 3 ? 2 : 6);
    switch (kind) {
      case 0:
        {
          StringBuilder object = new StringBuilder("{");
          int fields = random.nextInt(4);
          for (int i = 0; i < fields; i++) {
            object
                .append(i > 0 ? "," : "")
                .append(space())
                .append(string(random.nextInt(8) == 0 ? "a" : null));
            object
                .append(space())
                .append(':')
                .append(space())
                .append(value(depth + 1))
                .append(space());
          }
          return object.append('}').toString();
        }
      case 1:
        {
          StringBuilder array = new StringBuilder("[");
          int items = random.nextInt(4);
          // Now and then a deep chain, to cross the nesting limit.
          if (random.nextInt(40) == 0) {
            int extra = 55 + random.nextInt(15);
            return "[".repeat(extra) + value(depth + extra) + "]".repeat(extra);
          }
          for (int i = 0; i < items; i++) {
            array.append(i > 0 ? "," : "").append(space()).append(value(depth + 1)).append(space());
          }
          return array.append(']').toString();
        }
      case 2:
        return string(null);
      case 3:
        return number();
      default:
        return new String[] {"true", "false", "null"}[random.nextInt(3)];
    }
  }

  private String string(String fixed) {
    if (fixed != null) {
      return "\"" + fixed + "\"";
    }
    StringBuilder string = new StringBuilder("\"");
    int length = random.nextInt(6);
    for (int i = 0; i < length; i++) {
      switch (random.nextInt(6)) {
        case 0 ->
            string.append(
                new String[] {"\\\"", "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t"}
                    [random.nextInt(8)]);
        case 1 ->
            string.append(
                String.format(
                    random.nextBoolean() ? "\\u%04x" : "\\u%04X", random.nextInt(0x10000)));
        case 2 -> string.append((char) (0x20 + random.nextInt(0x5f)));
        case 3 ->
            string.append(
                new String[] {"é", "☃", "\ud83d\ude00", "\u2028", "\u007f", "\uff11"}
                    [random.nextInt(6)]);
        default -> string.append((char) ('a' + random.nextInt(26)));
      }
    }
    return string.append('"').toString();
  }

  private String number() {
    StringBuilder number = new StringBuilder();
    if (random.nextBoolean()) {
      number.append('-');
    }
    int longPart =
        random.nextInt(30) == 0 ? random.nextInt(3) : -1; // which part, if any, is near the limit
    number.append(random.nextInt(4) == 0 ? "0" : (1 + random.nextInt(9)) + digits(longPart == 0));
    if (random.nextBoolean()) {
      number.append('.').append(random.nextInt(10)).append(digits(longPart == 1));
    }
    if (random.nextInt(3) == 0) {
      number
          .append(random.nextBoolean() ? 'e' : 'E')
          .append(new String[] {"", "+", "-"}[random.nextInt(3)]);
      number.append(random.nextInt(10)).append(digits(longPart == 2));
      if (random.nextInt(10) == 0) {
        number.append("9999999999");
      }
    }
    return number.toString();
  }

  /**
   * Near the limit: 900 to 940 digits (the number stays within 1,000 characters), or 1,001 to
   * 1,020.
   */
  private String digits(boolean nearTheLimit) {
    int count =
        !nearTheLimit
            ? random.nextInt(25)
            : random.nextBoolean() ? 900 + random.nextInt(41) : 1_001 + random.nextInt(20);
    StringBuilder digits = new StringBuilder(count);
    for (int i = 0; i < count; i++) {
      digits.append((char) ('0' + random.nextInt(10)));
    }
    return digits.toString();
  }

  private String space() {
    return random.nextInt(4) == 0
        ? new String[] {" ", "\t", "\n", "\r\n", "  "}[random.nextInt(5)]
        : "";
  }

  /** One to three edits: a character deleted, inserted, replaced, or the text cut short. */
  private String mutated(String text) {
    StringBuilder out = new StringBuilder(text);
    int edits = 1 + random.nextInt(3);
    for (int i = 0; i < edits; i++) {
      int at = out.length() == 0 ? 0 : random.nextInt(out.length());
      char odd = ODD.charAt(random.nextInt(ODD.length()));
      switch (random.nextInt(4)) {
        case 0 -> {
          if (out.length() > 0) {
            out.deleteCharAt(at);
          }
        }
        case 1 -> out.insert(at, odd);
        case 2 -> {
          if (out.length() > 0) {
            out.setCharAt(at, odd);
          }
        }
        default -> out.setLength(at);
      }
    }
    return out.toString();
  }

  private static String shown(Object value) {
    String text = String.valueOf(value);
    text = text.length() > 300 ? text.substring(0, 300) + "… (" + text.length() + " chars)" : text;
    StringBuilder shown = new StringBuilder();
    for (char c : text.toCharArray()) {
      shown.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return shown.toString();
  }

  /** A refusal, by either reader. */
  private record Refused(String why) {}
}

package io.github.lambdamw.window.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON text (RFC 8259) into {@link Map} (insertion-ordered), {@link List}, {@link String},
 * {@link Long} or {@link Decimal} (a {@link BigDecimal} when asked), {@link Boolean} and {@code
 * null}. The agent reads two small documents per cold start, the SSM answer and the window value;
 * loading a JSON library for them cost about a hundred classes on every guarded cold start. Errors
 * name the offset and what was expected there.
 *
 * <p>The text may come from anyone who can answer on the agent's connections (a proxy, a
 * misconfigured endpoint), so it is read with the limits of Jackson's default {@code
 * StreamReadConstraints}: at most 64 levels of nesting and numbers of at most 1,000 characters (a
 * million-digit number took 20 s to convert). Every malformed text, an exponent beyond {@link
 * BigDecimal}'s range included, is one {@link JsonSyntaxException}. {@code
 * JsonReaderDifferentialTest} holds the reader to jackson-core over generated texts.
 */
public final class JsonReader {
  /** Deeper documents are refused rather than risking the stack of the thread that reads them. */
  private static final int MAX_DEPTH = 64;

  /** Characters of a number, sign and exponent included: Jackson's default maxNumberLength. */
  private static final int MAX_NUMBER_LENGTH = 1_000;

  private final String text;
  private int position;

  private JsonReader(String text) {
    this.text = text;
  }

  /** The value {@code text} holds; nothing but white space may follow it. */
  public static Object read(String text) throws JsonSyntaxException {
    JsonReader reader = new JsonReader(text);
    reader.skipWhitespace();
    Object value = reader.value(0);
    reader.skipWhitespace();
    if (reader.position < text.length()) {
      throw reader.error("end of input");
    }
    return value;
  }

  /** Malformed JSON: the message says where and what was expected. */
  public static final class JsonSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    JsonSyntaxException(String message) {
      super(message);
    }
  }

  /**
   * @param depth how many arrays and objects enclose the value
   */
  private Object value(int depth) throws JsonSyntaxException {
    if (position >= text.length()) {
      throw error("a value");
    }
    char c = text.charAt(position);
    if ((c == '{' || c == '[') && depth >= MAX_DEPTH) {
      throw new JsonSyntaxException("nesting deeper than " + MAX_DEPTH + " at offset " + position);
    }
    switch (c) {
      case '{':
        return object(depth);
      case '[':
        return array(depth);
      case '"':
        return string();
      case 't':
        return literal("true", Boolean.TRUE);
      case 'f':
        return literal("false", Boolean.FALSE);
      case 'n':
        return literal("null", null);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw error("a value");
    }
  }

  private Map<String, Object> object(int depth) throws JsonSyntaxException {
    Map<String, Object> object = new LinkedHashMap<>();
    position++;
    skipWhitespace();
    if (peek('}')) {
      position++;
      return object;
    }
    while (true) {
      if (!peek('"')) {
        throw error("a field name in double quotes");
      }
      String name = string();
      skipWhitespace();
      expect(':');
      skipWhitespace();
      if (object.containsKey(name)) {
        throw new JsonSyntaxException(
            "field '" + name + "' appears twice (at offset " + position + ")");
      }
      object.put(name, value(depth + 1));
      skipWhitespace();
      if (peek(',')) {
        position++;
        skipWhitespace();
      } else if (peek('}')) {
        position++;
        return object;
      } else {
        throw error("',' or '}'");
      }
    }
  }

  private List<Object> array(int depth) throws JsonSyntaxException {
    List<Object> array = new ArrayList<>();
    position++;
    skipWhitespace();
    if (peek(']')) {
      position++;
      return array;
    }
    while (true) {
      array.add(value(depth + 1));
      skipWhitespace();
      if (peek(',')) {
        position++;
        skipWhitespace();
      } else if (peek(']')) {
        position++;
        return array;
      } else {
        throw error("',' or ']'");
      }
    }
  }

  private String string() throws JsonSyntaxException {
    position++; // the opening quote
    StringBuilder out = null;
    int start = position;
    while (position < text.length()) {
      char c = text.charAt(position);
      if (c == '"') {
        String value =
            out == null
                ? text.substring(start, position)
                : out.append(text, start, position).toString();
        position++;
        return value;
      }
      if (c < 0x20) {
        throw error("no control character inside a string");
      }
      if (c == '\\') {
        if (out == null) {
          out = new StringBuilder();
        }
        out.append(text, start, position);
        out.append(escape());
        start = position;
      } else {
        position++;
      }
    }
    throw error("the closing '\"' of a string");
  }

  private char escape() throws JsonSyntaxException {
    position++; // the backslash
    if (position >= text.length()) {
      throw error("an escape after '\\'");
    }
    char c = text.charAt(position++);
    switch (c) {
      case '"':
      case '\\':
      case '/':
        return c;
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case 'u':
        if (position + 4 > text.length()) {
          throw error("four hex digits after \\u");
        }
        int code = 0;
        for (int i = 0; i < 4; i++) {
          int digit = hexDigit(text.charAt(position++));
          if (digit < 0) {
            position--;
            throw error("four hex digits after \\u");
          }
          code = code * 16 + digit;
        }
        return (char) code;
      default:
        position--;
        throw error("one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX");
    }
  }

  private Object number() throws JsonSyntaxException {
    int start = position;
    if (peek('-')) {
      position++;
    }
    if (peek('0')) {
      position++;
    } else if (!digits(start)) {
      throw error("a digit");
    }
    boolean integral = true;
    if (peek('.')) {
      integral = false;
      position++;
      if (!digits(start)) {
        throw error("a digit after '.'");
      }
    }
    if (peek('e') || peek('E')) {
      integral = false;
      position++;
      if (peek('+') || peek('-')) {
        position++;
      }
      if (!digits(start)) {
        throw error("a digit in the exponent");
      }
    }
    String number = text.substring(start, position);
    if (integral && number.length() < 19) {
      return Long.parseLong(number);
    }
    if (!decimalInRange(number)) {
      throw new JsonSyntaxException(
          "a number whose exponent is beyond what a decimal can hold at offset "
              + start
              + ": "
              + abbreviated(number));
    }
    return new Decimal(number);
  }

  /**
   * Whether the JSON number makes a {@code BigDecimal} on every JDK the agent runs on, decided
   * without making one, as JDK 17's {@code BigDecimal} parses: at most ten significant exponent
   * digits, an exponent that fits an {@code int}, and a scale (fraction digits less the exponent)
   * that fits one. (JDK 25 also takes an exponent beyond an {@code int} when the scale fits; the
   * agent refuses it on every JDK.)
   */
  private static boolean decimalInRange(String number) {
    int e = Math.max(number.indexOf('e'), number.indexOf('E'));
    if (e < 0) {
      return true;
    }
    int point = number.indexOf('.');
    long fractionDigits = point < 0 ? 0 : e - point - 1;
    int digit = e + 1;
    boolean negative = number.charAt(digit) == '-';
    if (negative || number.charAt(digit) == '+') {
      digit++;
    }
    while (digit < number.length() - 1 && number.charAt(digit) == '0') {
      digit++;
    }
    if (number.length() - digit > 10) {
      return false;
    }
    long exponent = Long.parseLong(number, digit, number.length(), 10) * (negative ? -1 : 1);
    long scale = fractionDigits - exponent;
    return exponent == (int) exponent && scale == (int) scale;
  }

  /**
   * A number that is not a {@code long} (a fraction, an exponent, or 19 digits and more), kept as
   * its text until asked for its value. Making the {@link BigDecimal} at once cost every guarded
   * cold start on JDK 25 about 39 classes for a number nobody reads: SSM's answer carries {@code
   * LastModifiedDate} as one ({@code InitPathCost}). The text is known to make a {@link
   * BigDecimal}.
   */
  public static final class Decimal extends Number {
    private static final long serialVersionUID = 1L;

    private final String text;

    Decimal(String text) {
      this.text = text;
    }

    /** The exact value. */
    public BigDecimal toBigDecimal() {
      return new BigDecimal(text);
    }

    @Override
    public int intValue() {
      return toBigDecimal().intValue();
    }

    @Override
    public long longValue() {
      return toBigDecimal().longValue();
    }

    @Override
    public float floatValue() {
      return toBigDecimal().floatValue();
    }

    @Override
    public double doubleValue() {
      return toBigDecimal().doubleValue();
    }

    /** Equal to a {@code Decimal} of the same value and scale, as {@link BigDecimal#equals}. */
    @Override
    public boolean equals(Object other) {
      return other instanceof Decimal decimal && toBigDecimal().equals(decimal.toBigDecimal());
    }

    @Override
    public int hashCode() {
      return toBigDecimal().hashCode();
    }

    /** The number as the JSON text wrote it. */
    @Override
    public String toString() {
      return text;
    }
  }

  /**
   * Skips digits; refuses the number that began at {@code numberStart} as soon as it is too long.
   */
  private boolean digits(int numberStart) throws JsonSyntaxException {
    int start = position;
    while (position < text.length()
        && text.charAt(position) >= '0'
        && text.charAt(position) <= '9') {
      position++;
      if (position - numberStart > MAX_NUMBER_LENGTH) {
        throw new JsonSyntaxException(
            "a number longer than " + MAX_NUMBER_LENGTH + " characters at offset " + numberStart);
      }
    }
    return position > start;
  }

  /** ASCII only: {@link Character#digit} would also take fullwidth and other scripts' digits. */
  private static int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  private static String abbreviated(String number) {
    return number.length() <= 40 ? number : number.substring(0, 40) + "…";
  }

  private Object literal(String word, Object value) throws JsonSyntaxException {
    if (!text.startsWith(word, position)) {
      throw error("a value");
    }
    position += word.length();
    return value;
  }

  private void expect(char c) throws JsonSyntaxException {
    if (!peek(c)) {
      throw error("'" + c + "'");
    }
    position++;
  }

  private boolean peek(char c) {
    return position < text.length() && text.charAt(position) == c;
  }

  private void skipWhitespace() {
    while (position < text.length()) {
      char c = text.charAt(position);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      position++;
    }
  }

  private JsonSyntaxException error(String expected) {
    String found =
        position >= text.length() ? "the end of the text" : "'" + text.charAt(position) + "'";
    return new JsonSyntaxException(
        "expected " + expected + " at offset " + position + ", found " + found);
  }
}

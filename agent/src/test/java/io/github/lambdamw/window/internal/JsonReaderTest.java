package io.github.lambdamw.window.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonReaderTest {

  @Test
  void readsEveryKindOfValue() throws Exception {
    Object value =
        JsonReader.read(
            " {\"s\":\"a\\\"b\\\\c\\/d\\n\\u00e9\\u2603\", \"n\":-12, \"d\":1.5e3, \"big\":12345678901234567890,"
                + " \"t\":true, \"f\":false, \"z\":null, \"a\":[1,[],{}], \"o\":{\"k\":\"v\"}} ");

    @SuppressWarnings("unchecked")
    Map<String, Object> object = (Map<String, Object>) value;
    assertThat(object.keySet()).containsExactly("s", "n", "d", "big", "t", "f", "z", "a", "o");
    assertThat(object.get("n")).isEqualTo(-12L);
    assertThat(((JsonReader.Decimal) object.get("d")).toBigDecimal())
        .isEqualTo(new BigDecimal("1.5e3"));
    assertThat(object.get("d")).hasToString("1.5e3");
    assertThat(((JsonReader.Decimal) object.get("big")).toBigDecimal())
        .isEqualTo(new BigDecimal("12345678901234567890"));
    assertThat(object.get("t")).isEqualTo(true);
    assertThat(object.get("f")).isEqualTo(false);
    assertThat(object.get("a")).isEqualTo(List.of(1L, List.of(), Map.of()));
    assertThat(object.get("o")).isEqualTo(Map.of("k", "v"));
    assertThat(((Map<?, ?>) value).get("s")).isEqualTo("a\"b\\c/d\né☃");
    assertThat(((Map<?, ?>) value).get("z")).isNull();
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"a\":1,}|expected a field name in double quotes at offset 7",
        "{\"a\" 1}|expected ':' at offset 5",
        "[1 2]|expected ',' or ']' at offset 3",
        "{\"a\":tru}|expected a value at offset 5",
        "\"open|expected the closing '\"' of a string at offset 5",
        "{\"a\":1} x|expected end of input at offset 8",
        "01|expected end of input at offset 1",
        "-|expected a digit at offset 1",
        "\"\\x\"|expected one of",
        "{\"a\":1,\"a\":2}|field 'a' appears twice",
        "''|expected a value at offset 0"
      })
  void malformedText_isRefusedSayingWhereAndWhat(String text, String message) {
    assertThatThrownBy(() -> JsonReader.read(text.equals("''") ? "" : text))
        .isInstanceOf(JsonReader.JsonSyntaxException.class)
        .hasMessageContaining(message);
  }

  @Test
  void deepNesting_isRefusedRatherThanOverflowingTheStack() {
    assertThatThrownBy(() -> JsonReader.read("[".repeat(10_000)))
        .hasMessageContaining("nesting deeper than 64");
  }

  @Test
  void sixtyFourLevelsOfNesting_areRead_andSixtyFiveRefused() throws Exception {
    assertThat(JsonReader.read("[".repeat(64) + "]".repeat(64))).isInstanceOf(List.class);
    assertThat(JsonReader.read("{\"a\":".repeat(64) + "1" + "}".repeat(64)))
        .isInstanceOf(Map.class);

    assertThatThrownBy(() -> JsonReader.read("[".repeat(65) + "]".repeat(65)))
        .isInstanceOf(JsonReader.JsonSyntaxException.class)
        .hasMessageContaining("nesting deeper than 64 at offset 64");
  }

  @Test
  void anExponentBeyondADecimal_isASyntaxError_notANumberFormatException() {
    assertThatThrownBy(() -> JsonReader.read("{\"message\":1e9999999999}"))
        .isInstanceOf(JsonReader.JsonSyntaxException.class)
        .hasMessageContaining("exponent is beyond what a decimal can hold at offset 11");
  }

  @ParameterizedTest
  @CsvSource({
    "1e2147483647",
    "1e-2147483647",
    "1e-2147483648",
    "1e2147483648",
    "0.5e2147483648",
    "0.5e-2147483647",
    "0.25e-2147483647",
    "-1.5E+0000000000002147483647",
    "1e00000000009999999999",
    "1e9999999999",
    "1e19999999999",
    "1e-9999999999",
    "12.5e-2147483646",
    "1e0",
    "1.0",
    "-0.0e-0"
  })
  void aDecimal_isTakenOnlyWhenItMakesABigDecimal_withoutMakingOne(String number) throws Exception {
    Object read;
    try {
      read = ((List<?>) JsonReader.read("[" + number + "]")).get(0);
    } catch (JsonReader.JsonSyntaxException e) {
      assertThat(e).hasMessageContaining("exponent is beyond what a decimal can hold at offset 1");
      read = null;
    }
    boolean bigDecimalTakesIt;
    try {
      new BigDecimal(number);
      bigDecimalTakesIt = true;
    } catch (NumberFormatException e) {
      bigDecimalTakesIt = false;
    }

    if (read != null) {
      assertThat(bigDecimalTakesIt).as("BigDecimal takes " + number).isTrue();
      assertThat(((JsonReader.Decimal) read).toBigDecimal()).isEqualTo(new BigDecimal(number));
    } else {
      // JDK 25's BigDecimal takes an exponent beyond an int, JDK 17's does not; the reader never
      // does.
      assertThat(!bigDecimalTakesIt || exponentBeyondAnInt(number)).as(number).isTrue();
    }
  }

  @Test
  void anExponentBeyondAnInt_isRefusedOnEveryJdk() {
    for (String number : List.of("1e2147483648", "0.5e2147483648", "1e-2147483649")) {
      assertThatThrownBy(() -> JsonReader.read(number))
          .isInstanceOf(JsonReader.JsonSyntaxException.class)
          .hasMessageContaining("exponent is beyond");
    }
  }

  private static boolean exponentBeyondAnInt(String number) {
    long exponent = Long.parseLong(number.substring(number.toLowerCase().indexOf('e') + 1));
    return exponent != (int) exponent;
  }

  @Test
  void aNumberOfAThousandCharacters_isRead_andOneMoreRefused() throws Exception {
    String thousand = "-1." + "1".repeat(991) + "e+0001";
    assertThat(thousand).hasSize(1_000);
    assertThat(((JsonReader.Decimal) JsonReader.read(thousand)).toBigDecimal())
        .isEqualTo(new BigDecimal(thousand));

    for (String tooLong :
        List.of(
            "1".repeat(1_001),
            "-" + "1".repeat(1_000),
            "0." + "1".repeat(999),
            "1e" + "1".repeat(999),
            "1".repeat(1_000_001))) {
      assertThatThrownBy(() -> JsonReader.read("[" + tooLong + "]"))
          .isInstanceOf(JsonReader.JsonSyntaxException.class)
          .hasMessageContaining("a number longer than 1000 characters at offset 1");
    }
  }

  @Test
  void unicodeEscapes_takeAsciiHexDigitsOnly() throws Exception {
    assertThat(JsonReader.read("\"\\u00aF\"")).isEqualTo("\u00af");

    assertThatThrownBy(() -> JsonReader.read("\"\\u0\uff11\uff12\uff13\""))
        .isInstanceOf(JsonReader.JsonSyntaxException.class)
        .hasMessageContaining("four hex digits after \\u at offset 4");
    assertThatThrownBy(() -> JsonReader.read("\"\\u0\u0661\u0662\u0663\""))
        .isInstanceOf(JsonReader.JsonSyntaxException.class);
  }
}

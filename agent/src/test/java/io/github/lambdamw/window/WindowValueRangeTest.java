package io.github.lambdamw.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The range of instants and durations a window value may hold (docs/window-format.md, "Ranges"): a
 * value outside it is refused with a message naming the field, never accepted and left to fail when
 * the gate computes a status.
 */
class WindowValueRangeTest {

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"windows\":[{\"start\":\"2030-01-01T00:00:00Z\",\"end\":\"+300000000-01-01T00:00:00Z\"}]}"
            + "|field 'windows[0].end' is '+300000000-01-01T00:00:00Z'",
        "{\"windows\":[{\"start\":\"-999999999-01-01T00:00:00Z\",\"end\":\"2030-01-01T00:00:00Z\"}]}"
            + "|field 'windows[0].start' is '-999999999-01-01T00:00:00Z'",
        "{\"windows\":[{\"start\":\"+10000-01-01T00:00:00Z\"}]}|field 'windows[0].start' is '+10000-01-01T00:00:00Z'",
        "{\"windows\":[{\"start\":\"1969-12-31T23:59:59.999Z\"}]}|field 'windows[0].start' is '1969-12-31T23:59:59.999Z'",
        "{\"windows\":[{\"start\":\"1970-01-01T00:00:00+00:01\"}]}|field 'windows[0].start' is '1970-01-01T00:00:00+00:01'",
        "{\"windows\":[{\"start\":\"9999-12-31T23:00:00-01:00\"}]}|field 'windows[0].start' is '9999-12-31T23:00:00-01:00'",
        "2030-01-01T00:00:00Z,+300000000-01-01T00:00:00Z|field 'end' is '+300000000-01-01T00:00:00Z'",
      })
  void anInstantOutsideTheRange_isRefusedNamingTheField(String value, String message) {
    assertThatThrownBy(() -> WindowPlan.parse(value))
        .isInstanceOf(WindowFormatException.class)
        .hasMessageContaining(message)
        .hasMessageContaining("outside the supported range")
        .hasMessageContaining("1970-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z");
  }

  @Test
  void theEdgesOfTheRange_areAccepted() throws Exception {
    WindowPlan plan =
        WindowPlan.parse(
            "{\"windows\":[{\"start\":\"1970-01-01T00:00:00Z\",\"end\":\"9999-12-31T23:59:59.999999999Z\"}]}");
    WindowPlan lastInstant =
        WindowPlan.parse("{\"windows\":[{\"start\":\"9999-12-31T23:59:59.999999999Z\"}]}");

    assertThat(plan.statusAt(Instant.parse("2030-01-01T00:00:00Z")).end())
        .isEqualTo(Instant.parse("9999-12-31T23:59:59.999999999Z"));
    assertThat(lastInstant.statusAt(Instant.parse("2030-01-01T00:00:00Z")).validUntil())
        .isEqualTo(Instant.parse("9999-12-31T23:59:59.999999999Z"));
    assertThat(WindowPlan.parse("1970-01-01T00:00:00Z,9999-12-31T23:59:59.999999999Z").windows())
        .hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"PT2562047788015215H", "P3661D", "PT87841H", "P3660DT0.000000001S"})
  void aDurationBeyondTheLongest_isRefusedNamingTheField(String duration) {
    assertThatThrownBy(
            () ->
                WindowPlan.parse(
                    "{\"windows\":[{\"schedule\":\"cron(0 2 ? * SUN *)\",\"duration\":\""
                        + duration
                        + "\"}]}"))
        .isInstanceOf(WindowFormatException.class)
        .hasMessageContaining("field 'windows[0].duration' is '" + duration + "'")
        .hasMessageContaining("longer than P3660D");
  }

  @Test
  void theLongestDuration_isAccepted() throws Exception {
    WindowPlan plan =
        WindowPlan.parse(
            "{\"windows\":[{\"schedule\":\"cron(0 2 1 1 ? 2199)\",\"duration\":\"P3660D\"}]}");

    WindowStatus status = plan.statusAt(Instant.parse("2205-01-01T00:00:00Z"));
    assertThat(status.isOpen()).isTrue();
    assertThat(status.end())
        .isEqualTo(Instant.parse("2199-01-01T02:00:00Z").plus(Duration.ofDays(3660)));
  }
}

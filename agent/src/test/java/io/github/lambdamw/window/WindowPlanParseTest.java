package io.github.lambdamw.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class WindowPlanParseTest {

  @Test
  void originalStringList_isAWindowWithBothEndsInclusive() throws Exception {
    WindowPlan plan = WindowPlan.parse("2026-12-01T02:00:00Z,2026-12-01T06:00:00Z");

    assertThat(plan.statusAt(Instant.parse("2026-12-01T01:59:59.999Z")).isOpen()).isFalse();
    assertThat(plan.statusAt(Instant.parse("2026-12-01T02:00:00Z")).isOpen()).isTrue();
    assertThat(plan.statusAt(Instant.parse("2026-12-01T06:00:00Z")).isOpen()).isTrue();
    assertThat(plan.statusAt(Instant.parse("2026-12-01T06:00:00.001Z")).isOpen()).isFalse();
    assertThat(plan.statusAt(Instant.parse("2026-12-01T03:00:00Z")).end())
        .isEqualTo(Instant.parse("2026-12-01T06:00:00Z"));
  }

  @Test
  void originalStringList_toleratesSpacesAroundItems() throws Exception {
    WindowPlan plan = WindowPlan.parse(" 2026-12-01T02:00:00Z , 2026-12-01T06:00:00Z ");

    assertThat(plan.windows()).hasSize(1);
  }

  @Test
  void jsonWindow_isStartInclusiveEndExclusive_andKeepsItsReason() throws Exception {
    WindowPlan plan =
        WindowPlan.parse(
            "{\"windows\":[{\"start\":\"2026-12-01T03:00:00+01:00\",\"end\":\"2026-12-01T07:00:00+01:00\","
                + "\"reason\":\"database upgrade\"}]}");

    assertThat(plan.statusAt(Instant.parse("2026-12-01T02:00:00Z")).isOpen()).isTrue();
    assertThat(plan.statusAt(Instant.parse("2026-12-01T05:59:59.999Z")).reason())
        .isEqualTo("database upgrade");
    assertThat(plan.statusAt(Instant.parse("2026-12-01T06:00:00Z")).isOpen()).isFalse();
  }

  @Test
  void jsonWithNoWindows_isAlwaysClosed() throws Exception {
    WindowPlan plan = WindowPlan.parse("{\"windows\":[]}");

    WindowStatus status = plan.statusAt(Instant.parse("2026-12-01T02:00:00Z"));
    assertThat(status.isOpen()).isFalse();
    assertThat(status.validUntil()).isNull();
  }

  @Test
  void malformedJson_isReportedAsNotJson() {
    assertThatThrownBy(() -> WindowPlan.parse("{\"windows\":[}"))
        .isInstanceOf(WindowFormatException.class)
        .hasMessageStartingWith("window value is not valid JSON");
  }

  @Test
  void unknownField_isNamedWithItsPath() {
    assertThatThrownBy(
            () ->
                WindowPlan.parse(
                    "{\"windows\":[{\"start\":\"2026-12-01T02:00:00Z\",\"end\":\"2026-12-01T03:00:00Z\","
                        + "\"ends\":\"x\"}]}"))
        .hasMessageContaining("unknown field 'windows[0].ends'")
        .hasMessageContaining("[duration, end, mode, reason, schedule, start, timezone]");
  }

  @Test
  void instantWithoutOffset_namesFieldValueAndExpectation() {
    assertThatThrownBy(
            () ->
                WindowPlan.parse(
                    "{\"windows\":[{\"start\":\"2026-12-01T02:00:00\",\"end\":\"2026-12-01T03:00:00Z\"}]}"))
        .hasMessageContaining("field 'windows[0].start' is '2026-12-01T02:00:00'")
        .hasMessageContaining("expected an ISO-8601 instant with offset");
  }

  @Test
  void endBeforeStart_isRejected() {
    assertThatThrownBy(() -> WindowPlan.parse("2026-12-01T06:00:00Z,2026-12-01T02:00:00Z"))
        .hasMessageContaining("field 'end' (2026-12-01T02:00:00Z) is before 'start'");
  }

  @Test
  void missingStart_isReportedAsMissing() {
    assertThatThrownBy(() -> WindowPlan.parse("{\"windows\":[{\"end\":\"2026-12-01T02:00:00Z\"}]}"))
        .hasMessageContaining("field 'windows[0].start' is missing");
  }

  @Test
  void stringListWithThreeItems_saysHowManyItHas() {
    assertThatThrownBy(() -> WindowPlan.parse("2026-12-01T02:00:00Z,2026-12-01T03:00:00Z,x"))
        .hasMessageContaining("has 3 item(s); expected exactly two");
  }

  @Test
  void emptyValue_isRejected() {
    assertThatThrownBy(() -> WindowPlan.parse("  ")).hasMessageContaining("window value is empty");
  }
}

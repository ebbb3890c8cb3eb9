package io.github.lambdamw.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The JSON language of docs/window-format.md: each kind of window, the master switch, and every
 * kind of mistake.
 */
class WindowValueLanguageTest {

  @Test
  void recurringWindow_readsScheduleDurationZoneAndReason() throws Exception {
    WindowPlan plan =
        WindowPlan.parse(
            "{\"windows\":[{\"schedule\":\"cron(0 2 ? * SUN *)\",\"duration\":\"PT2H\","
                + "\"timezone\":\"Europe/Paris\",\"reason\":\"weekly patching\"}]}");

    RecurringWindow window = (RecurringWindow) plan.windows().get(0);
    assertThat(window.schedule()).isEqualTo("cron(0 2 ? * SUN *)");
    assertThat(window.duration()).isEqualTo(Duration.ofHours(2));
    assertThat(window.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
    assertThat(window.reason()).isEqualTo("weekly patching");
    assertThat(window.describe()).isEqualTo("cron(0 2 ? * SUN *) for PT2H in Europe/Paris");
  }

  @Test
  void recurringWindowWithoutZone_isInUtc() throws Exception {
    WindowPlan plan =
        WindowPlan.parse(
            "{\"windows\":[{\"schedule\":\"cron(0 2 ? * SUN *)\",\"duration\":\"PT2H\"}]}");

    assertThat(((RecurringWindow) plan.windows().get(0)).zone()).isEqualTo(ZoneOffset.UTC);
  }

  @Test
  void startWithoutEnd_isAnOpenEndedPause() throws Exception {
    WindowPlan plan =
        WindowPlan.parse(
            "{\"windows\":[{\"start\":\"2026-12-01T02:00:00Z\",\"reason\":\"incident\"}]}");

    WindowStatus status = plan.statusAt(Instant.parse("2030-01-01T00:00:00Z"));
    assertThat(status.isOpen()).isTrue();
    assertThat(status.end()).isNull();
    assertThat(status.reason()).isEqualTo("incident");
  }

  @Test
  void enabledFalse_keepsTheWindowsButOpensNone() throws Exception {
    WindowPlan plan =
        WindowPlan.parse("{\"enabled\":false,\"windows\":[{\"start\":\"2026-12-01T02:00:00Z\"}]}");

    assertThat(plan.enabled()).isFalse();
    assertThat(plan.windows()).hasSize(1);
    assertThat(plan.statusAt(Instant.parse("2030-01-01T00:00:00Z")).isOpen()).isFalse();
    assertThat(plan.toString()).contains("disabled");
  }

  @Test
  void enabledTrue_isTheDefault() throws Exception {
    assertThat(WindowPlan.parse("{\"enabled\":true,\"windows\":[]}").enabled()).isTrue();
    assertThat(WindowPlan.parse("{\"windows\":[]}").enabled()).isTrue();
  }

  @Test
  void manyKinds_inOneValue_areTheirUnion() throws Exception {
    WindowPlan plan =
        WindowPlan.parse(
            "{\"windows\":["
                + "{\"schedule\":\"cron(0 2 ? * SUN *)\",\"duration\":\"PT2H\",\"timezone\":\"UTC\"},"
                + "{\"start\":\"2026-03-08T04:00:00Z\",\"end\":\"2026-03-08T05:00:00Z\"},"
                + "{\"start\":\"2026-03-08T05:00:00Z\"}]}");

    WindowStatus status = plan.statusAt(Instant.parse("2026-03-08T02:00:00Z"));

    assertThat(status.isOpen()).isTrue();
    assertThat(status.end()).isNull();
  }

  @Test
  void notJson_saysSo() {
    assertBad("{\"windows\":[{]}", "window value is not valid JSON");
  }

  @Test
  void jsonArrayAtTheTop_isNotAWindowValue() {
    assertBad(
        "[{\"start\":\"2026-12-01T02:00:00Z\"}]",
        "the window value is an array; expected a JSON object");
  }

  @Test
  void unknownTopLevelField_isNamed() {
    assertBad(
        "{\"windows\":[],\"enable\":false}",
        "unknown field 'enable'; expected one of [enabled, windows]");
  }

  @Test
  void unknownWindowField_isNamedWithItsPath() {
    assertBad(
        "{\"windows\":[{\"schedule\":\"cron(0 2 ? * SUN *)\",\"duration\":\"PT2H\",\"zone\":\"UTC\"}]}",
        "unknown field 'windows[0].zone'");
  }

  @Test
  void enabledThatIsNotABoolean_isRejected() {
    assertBad(
        "{\"enabled\":\"no\",\"windows\":[]}",
        "field 'enabled' is the string 'no'; expected true or false");
  }

  @Test
  void endBeforeStart_namesBothFields() {
    assertBad(
        "{\"windows\":[{\"start\":\"2026-12-01T06:00:00Z\",\"end\":\"2026-12-01T02:00:00Z\"}]}",
        "field 'windows[0].end' (2026-12-01T02:00:00Z) is before 'windows[0].start' (2026-12-01T06:00:00Z)");
  }

  @Test
  void endEqualToStart_isAnEmptyWindowAndRejected() {
    assertBad(
        "{\"windows\":[{\"start\":\"2026-12-01T06:00:00Z\",\"end\":\"2026-12-01T06:00:00Z\"}]}",
        "is equal to 'windows[0].start'");
  }

  @Test
  void badCron_namesTheFieldTheValueAndTheSyntax() {
    assertBad(
        "{\"windows\":[{\"schedule\":\"cron(0 2 * * SUN *)\",\"duration\":\"PT2H\"}]}",
        "field 'windows[0].schedule' is 'cron(0 2 * * SUN *)'; expected an EventBridge cron expression");
  }

  @Test
  void cronWithFiveFields_saysHowManyFieldsItHas() {
    assertBad(
        "{\"windows\":[{\"schedule\":\"cron(0 2 ? * SUN)\",\"duration\":\"PT2H\"}]}",
        "it has 5 field(s), AWS cron has six");
  }

  @Test
  void scheduleWithoutCronWrapper_isRejected() {
    assertBad(
        "{\"windows\":[{\"schedule\":\"0 2 ? * SUN *\",\"duration\":\"PT2H\"}]}",
        "it is not wrapped in cron(…)");
  }

  @Test
  void rateExpression_isNotAWindowSchedule() {
    assertBad(
        "{\"windows\":[{\"schedule\":\"rate(1 day)\",\"duration\":\"PT2H\"}]}",
        "field 'windows[0].schedule' is 'rate(1 day)'");
  }

  @Test
  void unknownZone_isNamed() {
    assertBad(
        "{\"windows\":[{\"schedule\":\"cron(0 2 ? * SUN *)\",\"duration\":\"PT2H\",\"timezone\":\"Europe/Pariss\"}]}",
        "field 'windows[0].timezone' is 'Europe/Pariss', an unknown zone; expected an IANA time zone");
  }

  @Test
  void zeroDuration_isRejected() {
    assertBad(
        "{\"windows\":[{\"schedule\":\"cron(0 2 ? * SUN *)\",\"duration\":\"PT0S\"}]}",
        "field 'windows[0].duration' is 'PT0S', not positive; expected a positive ISO-8601 duration");
  }

  @Test
  void negativeDuration_isRejected() {
    assertBad(
        "{\"windows\":[{\"schedule\":\"cron(0 2 ? * SUN *)\",\"duration\":\"-PT2H\"}]}",
        "field 'windows[0].duration' is '-PT2H', not positive");
  }

  @Test
  void unreadableDuration_isRejected() {
    assertBad(
        "{\"windows\":[{\"schedule\":\"cron(0 2 ? * SUN *)\",\"duration\":\"2 hours\"}]}",
        "field 'windows[0].duration' is '2 hours'; expected a positive ISO-8601 duration like PT2H");
  }

  @Test
  void missingDuration_isRejected() {
    assertBad(
        "{\"windows\":[{\"schedule\":\"cron(0 2 ? * SUN *)\"}]}",
        "field 'windows[0].duration' is missing");
  }

  @Test
  void durationAndEndTogether_areRejected() {
    assertBad(
        "{\"windows\":[{\"start\":\"2026-12-01T02:00:00Z\",\"end\":\"2026-12-01T04:00:00Z\",\"duration\":\"PT2H\"}]}",
        "fields 'windows[0].duration' and 'windows[0].end' are both given");
  }

  @Test
  void durationWithoutSchedule_isRejected() {
    assertBad(
        "{\"windows\":[{\"start\":\"2026-12-01T02:00:00Z\",\"duration\":\"PT2H\"}]}",
        "there is no 'windows[0].schedule'");
  }

  @Test
  void scheduleWithStart_isRejected() {
    assertBad(
        "{\"windows\":[{\"schedule\":\"cron(0 2 ? * SUN *)\",\"duration\":\"PT2H\","
            + "\"start\":\"2026-12-01T02:00:00Z\"}]}",
        "field 'windows[0].start' is given with 'windows[0].schedule'");
  }

  @Test
  void timezoneOnAOneOffWindow_isRejected() {
    assertBad(
        "{\"windows\":[{\"start\":\"2026-12-01T02:00:00Z\",\"timezone\":\"Europe/Paris\"}]}",
        "field 'windows[0].timezone' is the string 'Europe/Paris' but there is no 'windows[0].schedule'");
  }

  @Test
  void reasonThatIsNotText_isRejected() {
    assertBad(
        "{\"windows\":[{\"start\":\"2026-12-01T02:00:00Z\",\"reason\":42}]}",
        "field 'windows[0].reason' is '42'; expected a string");
  }

  @Test
  void windowThatIsNotAnObject_isRejected() {
    assertBad("{\"windows\":[\"2026-12-01T02:00:00Z\"]}", "windows[0] is the string");
  }

  @Test
  void missingWindows_isRejected() {
    assertBad("{\"enabled\":true}", "field 'windows' is missing; expected an array");
  }

  @Test
  void errorInTheSecondWindow_namesThatWindow() {
    assertBad(
        "{\"windows\":[{\"start\":\"2026-12-01T02:00:00Z\"},{\"start\":\"tomorrow\"}]}",
        "field 'windows[1].start' is 'tomorrow'");
  }

  private static void assertBad(String value, String message) {
    assertThatThrownBy(() -> WindowPlan.parse(value))
        .isInstanceOf(WindowFormatException.class)
        .hasMessageContaining(message);
  }
}

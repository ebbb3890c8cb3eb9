package io.github.lambdamw.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lambdamw.infra.internal.ScheduleExpressions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScheduleExpressionsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "cron(0/15 * * * ? *)",
        "cron(0 2 ? * MON-FRI *)",
        "cron(15 10 L * ? 2027)",
        "cron(0 8 ? * 6#3 *)",
        "cron(0,30 1-5 1W JAN,JUL ? *)",
        "rate(1 hour)",
        "rate(5 minutes)"
      })
  void acceptsWellFormedExpressions(String expression) {
    assertThat(ScheduleExpressions.problem(expression)).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "0/15 * * * ? *",
        "cron(0/15 * * * *)",
        "cron(0/15 * * * ? * *)",
        "cron(0/15 * * * * *)",
        "cron(0/15 * ? * ? *)",
        "cron(0/x * * * ? *)",
        "cron(0 2 ? * MON;rm *)",
        "rate(1 hours)",
        "rate(5 minute)",
        "rate(0 minutes)"
      })
  void rejectsMalformedExpressions(String expression) {
    assertThat(ScheduleExpressions.problem(expression)).isNotNull();
  }
}

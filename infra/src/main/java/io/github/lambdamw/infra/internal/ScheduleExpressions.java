package io.github.lambdamw.infra.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the shape of an EventBridge schedule expression before CloudFormation sees it: {@code
 * cron(…)} with the six fields Minutes Hours Day-of-month Month Day-of-week Year, exactly one of
 * the two day fields {@code ?}; or {@code rate(N unit)}. Only the shape and the characters of each
 * field are checked, not every range.
 */
public final class ScheduleExpressions {

  private static final Pattern CRON = Pattern.compile("cron\\((.*)\\)");
  private static final Pattern RATE =
      Pattern.compile("rate\\(([1-9][0-9]*) (minute|minutes|hour|hours|day|days)\\)");
  private static final String[] FIELD_NAMES = {
    "minutes", "hours", "day-of-month", "month", "day-of-week", "year"
  };
  private static final Pattern[] FIELDS = {
    Pattern.compile("[0-9,\\-*/]+"),
    Pattern.compile("[0-9,\\-*/]+"),
    Pattern.compile("[0-9,\\-*/?LW]+"),
    Pattern.compile("[0-9A-Za-z,\\-*/]+"),
    Pattern.compile("[0-9A-Za-z,\\-*/?L#]+"),
    Pattern.compile("[0-9,\\-*/]+"),
  };

  private ScheduleExpressions() {}

  /**
   * Why {@code expression} is not a schedule expression, or {@code null} when its shape is right.
   *
   * @param expression the expression, for example {@code cron(0/15 * * * ? *)}
   */
  public static String problem(String expression) {
    if (expression == null || expression.isBlank()) {
      return "it is empty";
    }
    Matcher rate = RATE.matcher(expression);
    if (rate.matches()) {
      boolean one = rate.group(1).equals("1");
      boolean singular = !rate.group(2).endsWith("s");
      return one == singular
          ? null
          : "rate(1 unit) takes a singular unit, other values a plural one";
    }
    Matcher cron = CRON.matcher(expression);
    if (!cron.matches()) {
      return "it is neither cron(…) nor rate(N unit)";
    }
    String[] fields = cron.group(1).trim().split("\\s+");
    if (fields.length != FIELDS.length) {
      return "cron takes 6 fields (minutes hours day-of-month month day-of-week year), not "
          + fields.length;
    }
    for (int i = 0; i < fields.length; i++) {
      if (!FIELDS[i].matcher(fields[i]).matches()) {
        return "its " + FIELD_NAMES[i] + " field '" + fields[i] + "' is malformed";
      }
    }
    boolean dayOfMonthOpen = fields[2].equals("?");
    boolean dayOfWeekOpen = fields[4].equals("?");
    if (dayOfMonthOpen == dayOfWeekOpen) {
      return "exactly one of day-of-month and day-of-week must be '?'";
    }
    return null;
  }
}

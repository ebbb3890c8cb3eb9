package io.github.lambdamw.infra.internal;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.CreateAlarmOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.sns.ITopic;
import software.constructs.Construct;

/**
 * The alarms of one guarded function: any {@code DeferralFailures} (an event is in Lambda's
 * retries, not in the table) or {@code ReplayFailed} in five minutes, and {@code
 * WindowReadFailures} in each of three consecutive five minute periods (a read failing for 15
 * minutes: the functions run on a stale value or their fail mode). A period without data is not
 * breaching: no traffic is no failure.
 */
public final class WindowAlarms extends Construct {
  /** Periods of {@code WindowReadFailures} that must all breach: 3 x 5 minutes. */
  public static final int READ_FAILURE_PERIODS = 3;

  private final List<Alarm> alarms = new ArrayList<>();

  /**
   * @param alarmAction the topic every alarm notifies, or {@code null} for none
   */
  public WindowAlarms(Construct scope, String id, IFunction function, ITopic alarmAction) {
    super(scope, id);
    String name = function.getNode().getPath();
    alarms.add(
        alarm(
            "DeferralFailures",
            function,
            WindowMetrics.DEFERRAL_FAILURES,
            1,
            name
                + ": an invocation arrived during a maintenance window and could not be stored in DynamoDB; it failed"
                + " with MaintenanceWindowDeferralException and is now only in Lambda's retries, destination or DLQ"));
    alarms.add(
        alarm(
            "ReplayFailed",
            function,
            WindowMetrics.REPLAY_FAILED,
            1,
            name
                + ": the replay of deferred invocations gave some to the function and they failed; they are kept in"
                + " the table (mw replay list)"));
    alarms.add(
        alarm(
            "WindowReadFailures",
            function,
            WindowMetrics.WINDOW_READ_FAILURES,
            READ_FAILURE_PERIODS,
            name
                + ": the maintenance-window parameter could not be read for 15 minutes (throttled, unreachable,"
                + " missing or malformed); the function uses its last value or its fail mode"));
    if (alarmAction != null) {
      SnsAction action = new SnsAction(alarmAction);
      alarms.forEach(alarm -> alarm.addAlarmAction(action));
    }
  }

  private Alarm alarm(
      String id, IFunction function, String metric, int periods, String description) {
    return WindowMetrics.of(function, metric)
        .createAlarm(
            this,
            id,
            CreateAlarmOptions.builder()
                .threshold(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .evaluationPeriods(periods)
                .datapointsToAlarm(periods)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .alarmDescription(description)
                .build());
  }

  /** DeferralFailures, ReplayFailed, WindowReadFailures, in that order. */
  public List<Alarm> getAlarms() {
    return List.copyOf(alarms);
  }
}

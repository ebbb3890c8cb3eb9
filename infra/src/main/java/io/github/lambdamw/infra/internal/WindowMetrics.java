package io.github.lambdamw.infra.internal;

import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.Stats;
import software.amazon.awscdk.services.cloudwatch.Unit;
import software.amazon.awscdk.services.lambda.IFunction;

/**
 * The metrics the agent and the replay write as embedded-metric records (namespace {@value
 * #NAMESPACE}, dimension {@code FunctionName}, unit Count; README.md and replay/README.md list
 * them). Counts are summed over five minutes, as aws-cdk-lib's Lambda metrics are, except {@code
 * ReplayLeft}, a level, whose maximum is shown.
 */
public final class WindowMetrics {
  public static final String NAMESPACE = "MaintenanceWindow";

  public static final String DEFERRED = "DeferredInvocations";
  public static final String DEFERRAL_FAILURES = "DeferralFailures";
  public static final String WINDOW_READ_FAILURES = "WindowReadFailures";
  public static final String WOULD_DEFER = "WouldDeferInvocations";
  public static final String REPLAYED = "Replayed";
  public static final String REPLAY_FAILED = "ReplayFailed";
  public static final String REPLAY_UNCERTAIN = "ReplayUncertain";
  public static final String REPLAY_LEFT = "ReplayLeft";

  /** The period of every metric, alarm and graph of this library. */
  public static final Duration PERIOD = Duration.minutes(5);

  private WindowMetrics() {}

  /**
   * {@code name} of {@code function}: its sum over {@link #PERIOD}, or the maximum for {@value
   * #REPLAY_LEFT}.
   */
  public static Metric of(IFunction function, String name) {
    return Metric.Builder.create()
        .namespace(NAMESPACE)
        .metricName(name)
        .dimensionsMap(Map.of("FunctionName", function.getFunctionName()))
        .statistic(REPLAY_LEFT.equals(name) ? Stats.MAXIMUM : Stats.SUM)
        .unit(Unit.COUNT)
        .period(PERIOD)
        .build();
  }
}

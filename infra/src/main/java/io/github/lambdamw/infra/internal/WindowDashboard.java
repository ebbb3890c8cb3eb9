package io.github.lambdamw.infra.internal;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.TextWidget;
import software.amazon.awscdk.services.cloudwatch.YAxisProps;
import software.amazon.awscdk.services.lambda.IFunction;
import software.constructs.Construct;

/**
 * One CloudWatch dashboard per window: a header naming the parameter, then one row per guarded
 * function (what the window held, what failed, the replay's outcomes). infra/README.md describes
 * each widget; keep the two in step.
 *
 * <p>The window's value lives in SSM and changes without a deploy, so its open periods cannot be
 * drawn at synth. The "held" series shows them as the functions saw them: 1 in each period in which
 * the function deferred (or, in observe mode, would have deferred) an invocation, else 0.
 */
public final class WindowDashboard extends Construct {
  private static final int HEIGHT = 6;
  private static final int WIDTH = 8;

  private final Dashboard dashboard;

  public WindowDashboard(Construct scope, String id, String parameterName) {
    super(scope, id);
    this.dashboard = Dashboard.Builder.create(this, "Resource").build();
    dashboard.addWidgets(
        TextWidget.Builder.create()
            .width(24)
            .height(2)
            .markdown(
                "## Maintenance window `"
                    + parameterName
                    + "`\n"
                    + "Per guarded function: the window's open periods as it held traffic (1 = invocations deferred or,"
                    + " in observe mode, would have been), what it held and what failed, and the replay's outcomes."
                    + " The window itself: `mw window status --parameter "
                    + parameterName
                    + "`.")
            .build());
  }

  /** Adds the row of {@code function}. */
  public void addFunction(IFunction function) {
    String name = function.getNode().getId();
    IMetric held =
        MathExpression.Builder.create()
            .expression("IF(FILL(deferred, 0) + FILL(observed, 0) > 0, 1, 0)")
            .usingMetrics(
                Map.of(
                    "deferred", WindowMetrics.of(function, WindowMetrics.DEFERRED),
                    "observed", WindowMetrics.of(function, WindowMetrics.WOULD_DEFER)))
            .label("window held invocations (0/1)")
            .period(WindowMetrics.PERIOD)
            .build();
    dashboard.addWidgets(
        GraphWidget.Builder.create()
            .title(name + ": window open (held invocations)")
            .width(WIDTH)
            .height(HEIGHT)
            .left(List.of(held))
            .leftYAxis(YAxisProps.builder().min(0).max(1).showUnits(false).build())
            .build(),
        GraphWidget.Builder.create()
            .title(name + ": deferred and failed")
            .width(WIDTH)
            .height(HEIGHT)
            .left(
                List.of(
                    WindowMetrics.of(function, WindowMetrics.DEFERRED),
                    WindowMetrics.of(function, WindowMetrics.WOULD_DEFER)))
            .right(
                List.of(
                    WindowMetrics.of(function, WindowMetrics.DEFERRAL_FAILURES),
                    WindowMetrics.of(function, WindowMetrics.WINDOW_READ_FAILURES)))
            .build(),
        GraphWidget.Builder.create()
            .title(name + ": replay outcomes")
            .width(WIDTH)
            .height(HEIGHT)
            .stacked(false)
            .left(
                List.of(
                    WindowMetrics.of(function, WindowMetrics.REPLAYED),
                    WindowMetrics.of(function, WindowMetrics.REPLAY_FAILED),
                    WindowMetrics.of(function, WindowMetrics.REPLAY_UNCERTAIN),
                    WindowMetrics.of(function, WindowMetrics.REPLAY_LEFT)))
            .build());
  }

  public Dashboard getDashboard() {
    return dashboard;
  }
}

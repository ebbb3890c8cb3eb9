package io.github.lambdamw.infra;

import io.github.lambdamw.infra.internal.Runtimes;
import java.util.Objects;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.IAspect;
import software.amazon.awscdk.services.lambda.Function;
import software.constructs.IConstruct;

/**
 * Guards every Java function of a scope with one {@link MaintenanceWindow}: {@code
 * Aspects.of(scope).add(new MaintenanceWindowAspect(window))}.
 *
 * <p>Functions on java17, java21 and java25 are guarded. Functions on java8.al2 and java11 (whose
 * closed runtime the agent cannot hook), on other runtimes, and container image functions are left
 * alone with a synth-time warning (id {@value #UNGUARDABLE_WARNING}) that names the function and
 * the reason. Functions inside a {@link MaintenanceWindow} or a {@link MaintenanceWindowReplay}
 * (the windows' own tooling), and aws-cdk-lib's custom-resource provider that writes the window
 * parameter, are skipped silently: a guarded replay function would store its own scheduled runs in
 * the table while a window is open.
 *
 * <p>A function that already has another tool's {@code AWS_LAMBDA_EXEC_WRAPPER} keeps it, chained
 * after ours through {@value MaintenanceWindow#NEXT_WRAPPER_VARIABLE} (see {@link
 * MaintenanceWindow#guard}).
 */
public final class MaintenanceWindowAspect implements IAspect {

  /** The id of the warning on functions the aspect leaves alone; acknowledge it to silence one. */
  public static final String UNGUARDABLE_WARNING = "lambda-mw:unguardable";

  private final MaintenanceWindow window;

  /** An aspect guarding with {@code window}. */
  public MaintenanceWindowAspect(MaintenanceWindow window) {
    this.window = Objects.requireNonNull(window, "window");
  }

  @Override
  public void visit(IConstruct node) {
    if (!(node instanceof Function fn) || MaintenanceWindow.isPartOfAnyWindow(fn)) {
      return;
    }
    String why = Runtimes.whyNotGuardable(fn.getRuntime());
    if (why != null) {
      Annotations.of(fn)
          .addWarningV2(
              UNGUARDABLE_WARNING,
              "Function "
                  + fn.getNode().getPath()
                  + " is not guarded by the maintenance window: "
                  + why);
      return;
    }
    window.guard(fn);
  }
}

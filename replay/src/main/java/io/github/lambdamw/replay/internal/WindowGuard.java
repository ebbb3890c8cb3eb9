package io.github.lambdamw.replay.internal;

import io.github.lambdamw.replay.ReplayRefusedException;
import io.github.lambdamw.window.WindowFormatException;
import io.github.lambdamw.window.WindowPlan;
import io.github.lambdamw.window.WindowStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;

/**
 * Decides whether a replay may start: the window must be closed now, and have been closed for the
 * settle time (the agent may use a cached window value for that long). A missing parameter means no
 * window; an unreadable or unparsable one refuses, since nobody can then say the window is closed.
 */
public final class WindowGuard {
  private final SsmClient ssm;
  private final String parameterName;

  public WindowGuard(SsmClient ssm, String parameterName) {
    this.ssm = Objects.requireNonNull(ssm, "ssm");
    this.parameterName = Objects.requireNonNull(parameterName, "parameterName");
  }

  /**
   * Returns a note for the operator (or null) when the replay may start; throws when it may not.
   */
  public String requireClosed(Instant now, Duration settle) {
    String value;
    try {
      value = ssm.getParameter(r -> r.name(parameterName)).parameter().value();
    } catch (ParameterNotFoundException e) {
      return "parameter '" + parameterName + "' does not exist: no window";
    } catch (SdkException e) {
      throw new ReplayRefusedException(
          "cannot read parameter '"
              + parameterName
              + "' to check the window ("
              + AwsProblems.describe(e, "SSM")
              + "); --force replays anyway",
          e);
    }
    WindowPlan plan;
    try {
      plan = WindowPlan.parse(value);
    } catch (WindowFormatException e) {
      throw new ReplayRefusedException(
          "parameter '"
              + parameterName
              + "' holds no valid window ("
              + e.getMessage()
              + "); --force replays anyway",
          e);
    }
    WindowStatus status = plan.statusAt(now);
    // An observe-mode window defers nothing, so replayed events would not be deferred again.
    if (status.isOpen() && !status.observe()) {
      throw new ReplayRefusedException(
          "the maintenance window is open ("
              + status.description()
              + (status.end() == null ? ", no end" : ", until " + status.end())
              + "); replayed events would be deferred again. --force replays anyway");
    }
    // Open at some point in (now - settle, now]: open at its start, or closed then but opening
    // before now.
    WindowStatus before = plan.statusAt(now.minus(settle));
    boolean recentlyOpen =
        !settle.isZero()
            && (before.isOpen()
                || (before.validUntil() != null && !before.validUntil().isAfter(now)));
    if (recentlyOpen) {
      throw new ReplayRefusedException(
          "the maintenance window closed less than "
              + settle.toSeconds()
              + " s ago; functions may still use their cached window value and defer replayed events again. Retry later, "
              + "lower --settle-seconds, or --force");
    }
    return null;
  }
}

package io.github.lambdamw.cli.window;

import io.github.lambdamw.cli.internal.ParameterAccessException;
import io.github.lambdamw.cli.internal.ValueEditor;
import io.github.lambdamw.cli.internal.WindowReport;
import io.github.lambdamw.replay.ExitCodes;
import io.github.lambdamw.window.WindowFormatException;
import io.github.lambdamw.window.WindowPlan;
import io.github.lambdamw.windowtext.ValueSize;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mw window open}: adds a window starting now to the parameter. */
@Command(
    name = "open",
    mixinStandardHelpOptions = true,
    description =
        "Opens a window now: adds a one-off window from now (for a duration or until an instant), or an "
            + "open-ended one when neither is given. Every other window in the value is kept; a value in the "
            + "original 'start,end' form is rewritten as JSON. The agents see the change within "
            + "MAINTENANCE_WINDOW_REFRESH_SECONDS.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  mw window open --for PT2H --reason 'database upgrade'",
      "  mw window open --until 2026-12-25T06:00:00+01:00",
      "  mw window open --for PT1H --observe        # a rehearsal: nothing deferred",
      "  mw window open --reason 'incident 4711'    # open-ended: until mw window close"
    })
final class OpenCommand implements Callable<Integer> {
  @ParentCommand WindowCommand window;
  @Spec CommandSpec spec;
  @Mixin ParameterName parameter;

  @ArgGroup(exclusive = true)
  End end;

  static final class End {
    @Option(
        names = "--for",
        paramLabel = "DURATION",
        description = "How long, as ISO-8601: PT2H, PT30M, P1D.")
    Duration duration;

    @Option(
        names = "--until",
        paramLabel = "INSTANT",
        description = "Until this instant, e.g. 2026-12-25T06:00:00Z.")
    Instant until;
  }

  @Option(
      names = "--reason",
      paramLabel = "TEXT",
      description = "Why; the agent logs it and returns it to callers.")
  String reason;

  @Option(
      names = "--observe",
      description =
          "A rehearsal (\"mode\":\"observe\"): handlers run as usual; each invocation the window would defer is"
              + " logged and counted (WouldDeferInvocations). Nothing is stored.")
  boolean observe;

  @Override
  public Integer call() {
    String name = parameter.resolve(spec);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Instant now = window.root.clock().instant().truncatedTo(ChronoUnit.SECONDS);
    Instant endAt = end == null ? null : end.duration != null ? now.plus(end.duration) : end.until;
    if (endAt != null && !endAt.isAfter(now)) {
      throw new ParameterException(
          spec.commandLine(), "the window would end at " + endAt + ", not after now (" + now + ")");
    }
    try {
      String value = window.root.parameterStore().read(name);
      ValueEditor editor = ValueEditor.of(value);
      editor.add(now, endAt, reason, observe);
      WindowPlan plan = editor.plan();
      window.root.parameterStore().write(name, editor.text(), value != null);
      out.println(
          "opened a window in "
              + name
              + " from "
              + now
              + (endAt == null ? ", with no end" : " until " + endAt));
      if (observe) {
        out.println(
            "observe mode: handlers run as usual; what the window would defer is logged and counted");
      }
      if (editor.convertedFromStringList()) {
        out.println(
            "the value was in the original start,end form; it is now JSON (its end is now exclusive)");
      }
      if (!editor.enabled()) {
        err.println(
            "warning: the value has \"enabled\": false, so this window does not open until it is enabled");
      }
      out.println(name + ": " + WindowReport.status(plan, now));
      return ExitCodes.OK;
    } catch (WindowFormatException e) {
      err.println(
          "SSM parameter '"
              + name
              + "' holds an invalid value, left unchanged: "
              + ValueSize.capped(e.getMessage()));
      return ExitCodes.INVALID_VALUE;
    } catch (ParameterAccessException e) {
      err.println(e.getMessage());
      return ExitCodes.AWS_ERROR;
    }
  }
}

package io.github.lambdamw.cli.window;

import io.github.lambdamw.cli.internal.ParameterAccessException;
import io.github.lambdamw.cli.internal.WindowReport;
import io.github.lambdamw.replay.ExitCodes;
import io.github.lambdamw.window.WindowFormatException;
import io.github.lambdamw.window.WindowPlan;
import io.github.lambdamw.windowtext.ValueSize;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mw window status}: open or closed now, and until when. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description =
        "Says whether the window in the parameter is open now, and until when, then shows the next days as a "
            + "timeline: one line per day, the hours across, the window's hours marked, in the time zone it names.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  mw window status",
      "  mw window status --parameter orders-maintenance --region eu-west-3",
      "  mw --stack MaintenanceWindowDemo window status --days 14 --zone Europe/Paris",
      "  mw window status --json --days 30",
      "",
      "The first line is 'NAME: open since START until END', 'NAME: open since START, with no end', "
          + "'NAME: closed until NEXT-OPENING' or 'NAME: closed, no window ahead'."
    })
final class StatusCommand implements Callable<Integer> {
  @ParentCommand WindowCommand window;
  @Spec CommandSpec spec;
  @Mixin ParameterName parameter;
  @Mixin TimelineOptions timeline;

  @Override
  public Integer call() {
    String name = parameter.resolve(spec);
    String value;
    try {
      value = window.root.parameterStore().read(name);
    } catch (ParameterAccessException e) {
      spec.commandLine().getErr().println(e.getMessage());
      return ExitCodes.AWS_ERROR;
    }
    if (value == null) {
      spec.commandLine()
          .getErr()
          .println(
              "SSM parameter '"
                  + name
                  + "' does not exist: check its name and --region, or pass --stack");
      return ExitCodes.AWS_ERROR;
    }
    try {
      WindowPlan plan = WindowPlan.parse(value);
      Instant now = window.root.clock().instant();
      PrintWriter out = spec.commandLine().getOut();
      if (timeline.json) {
        out.println(timeline.json(name, plan, now));
      } else {
        out.println(name + ": " + WindowReport.status(plan, now));
        timeline.printTimeline(out, plan, now);
      }
      return ExitCodes.OK;
    } catch (WindowFormatException e) {
      spec.commandLine().getErr().println("invalid: " + ValueSize.capped(e.getMessage()));
      return ExitCodes.INVALID_VALUE;
    }
  }
}

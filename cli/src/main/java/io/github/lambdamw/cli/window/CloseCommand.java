package io.github.lambdamw.cli.window;

import io.github.lambdamw.cli.ExitCode;
import io.github.lambdamw.cli.internal.ParameterAccessException;
import io.github.lambdamw.cli.internal.ValueEditor;
import io.github.lambdamw.cli.internal.WindowReport;
import io.github.lambdamw.window.Window;
import io.github.lambdamw.window.WindowFormatException;
import io.github.lambdamw.window.WindowPlan;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mw window close}: ends the windows in progress now, keeping those ahead. */
@Command(
    name = "close",
    mixinStandardHelpOptions = true,
    exitCodeOnInvalidInput = ExitCode.USAGE,
    description =
        "Closes the window now: every one-off or open-ended window in progress ends now (one that started "
          + "this very second is removed). Windows ahead and recurring windows stay; a recurring window in "
          + "progress cannot be cut short: edit the value, or set \"enabled\": false, to stop it.",
    footerHeading = "%nExamples:%n",
    footer = {"  mw window close", "  mw window close --parameter orders-maintenance"},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:no window is open any more (or none was)",
      "2:the parameter holds an invalid value (it is left as it is)",
      "3:the parameter could not be read or written",
      "4:the value was written, but a recurring window is still open",
      "64:usage error"
    })
final class CloseCommand implements Callable<Integer> {
  @ParentCommand WindowCommand window;
  @Spec CommandSpec spec;
  @Mixin ParameterName parameter;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Instant now = window.root.clock().instant().truncatedTo(ChronoUnit.SECONDS);
    try {
      String value = window.root.parameterStore().read(parameter.name);
      if (value == null) {
        out.println("SSM parameter '" + parameter.name + "' does not exist: no window to close");
        return ExitCode.OK;
      }
      ValueEditor editor = ValueEditor.of(value);
      int ended = editor.endWindowsInProgress(now);
      WindowPlan plan = editor.plan();
      if (ended > 0) {
        window.root.parameterStore().write(parameter.name, editor.text(), true);
        out.println("ended " + ended + " window(s) in " + parameter.name + " at " + now);
      } else {
        out.println("no one-off or open-ended window in progress in " + parameter.name + "; nothing written");
      }
      out.println(parameter.name + ": " + WindowReport.status(plan, now));
      List<Window> stillOpen = editor.recurringWindowsOpenAt(now);
      if (plan.enabled() && !stillOpen.isEmpty()) {
        for (Window recurring : stillOpen) {
          err.println(
              "still open: recurring window " + recurring.describe() + " until "
                  + recurring.occurrenceAt(now).end() + "; edit the value or set \"enabled\": false to stop it");
        }
        return ExitCode.STILL_OPEN;
      }
      return ExitCode.OK;
    } catch (WindowFormatException e) {
      err.println("SSM parameter '" + parameter.name + "' holds an invalid value, left unchanged: " + e.getMessage());
      return ExitCode.INVALID_VALUE;
    } catch (ParameterAccessException e) {
      err.println(e.getMessage());
      return ExitCode.PARAMETER_ERROR;
    }
  }
}

package io.github.lambdamw.cli.window;

import io.github.lambdamw.cli.internal.ParameterAccessException;
import io.github.lambdamw.cli.internal.ValueEditor;
import io.github.lambdamw.cli.internal.WindowReport;
import io.github.lambdamw.replay.ExitCodes;
import io.github.lambdamw.window.Window;
import io.github.lambdamw.window.WindowFormatException;
import io.github.lambdamw.window.WindowPlan;
import io.github.lambdamw.windowtext.ValueSize;
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
    description =
        "Closes the window now: every one-off or open-ended window in progress ends now (one that started "
            + "this very second is removed). Windows ahead and recurring windows stay; a recurring window in "
            + "progress cannot be cut short: edit the value, or set \"enabled\": false, to stop it.",
    footerHeading = "%nExamples:%n",
    footer = {"  mw window close", "  mw window close --parameter orders-maintenance"})
final class CloseCommand implements Callable<Integer> {
  @ParentCommand WindowCommand window;
  @Spec CommandSpec spec;
  @Mixin ParameterName parameter;

  @Override
  public Integer call() {
    String name = parameter.resolve(spec);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Instant now = window.root.clock().instant().truncatedTo(ChronoUnit.SECONDS);
    try {
      String value = window.root.parameterStore().read(name);
      if (value == null) {
        out.println("SSM parameter '" + name + "' does not exist: no window to close");
        return ExitCodes.OK;
      }
      ValueEditor editor = ValueEditor.of(value);
      int ended = editor.endWindowsInProgress(now);
      WindowPlan plan = editor.plan();
      if (ended > 0) {
        window.root.parameterStore().write(name, editor.text(), true);
        out.println("ended " + ended + " window(s) in " + name + " at " + now);
      } else {
        out.println("no one-off or open-ended window in progress in " + name + "; nothing written");
      }
      out.println(name + ": " + WindowReport.status(plan, now));
      List<Window> stillOpen = editor.recurringWindowsOpenAt(now);
      if (plan.enabled() && !stillOpen.isEmpty()) {
        for (Window recurring : stillOpen) {
          err.println(
              "still open: recurring window "
                  + recurring.describe()
                  + " until "
                  + recurring.occurrenceAt(now).end()
                  + "; edit the value or set \"enabled\": false to stop it");
        }
        return ExitCodes.WINDOW_OPEN;
      }
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

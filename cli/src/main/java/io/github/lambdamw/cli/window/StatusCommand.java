package io.github.lambdamw.cli.window;

import io.github.lambdamw.cli.ExitCode;
import io.github.lambdamw.cli.internal.ParameterAccessException;
import io.github.lambdamw.cli.internal.WindowReport;
import io.github.lambdamw.window.WindowFormatException;
import io.github.lambdamw.window.WindowPlan;
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
    exitCodeOnInvalidInput = ExitCode.USAGE,
    description = "Says whether the window in the parameter is open now, and until when.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  mw window status",
      "  mw window status --parameter orders-maintenance --region eu-west-3",
      "",
      "Prints one line: 'NAME: open since START until END', 'NAME: open since START, with no end', "
          + "'NAME: closed until NEXT-OPENING' or 'NAME: closed, no window ahead'."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the status was printed (open or closed)",
      "2:the value is not valid",
      "3:the parameter could not be read, or does not exist",
      "64:usage error"
    })
final class StatusCommand implements Callable<Integer> {
  @ParentCommand WindowCommand window;
  @Spec CommandSpec spec;
  @Mixin ParameterName parameter;

  @Override
  public Integer call() {
    String value;
    try {
      value = window.root.parameterStore().read(parameter.name);
    } catch (ParameterAccessException e) {
      spec.commandLine().getErr().println(e.getMessage());
      return ExitCode.PARAMETER_ERROR;
    }
    if (value == null) {
      spec.commandLine().getErr().println("SSM parameter '" + parameter.name + "' does not exist");
      return ExitCode.PARAMETER_ERROR;
    }
    try {
      WindowPlan plan = WindowPlan.parse(value);
      spec.commandLine().getOut().println(parameter.name + ": " + WindowReport.status(plan, window.root.clock().instant()));
      return ExitCode.OK;
    } catch (WindowFormatException e) {
      spec.commandLine().getErr().println("invalid: " + e.getMessage());
      return ExitCode.INVALID_VALUE;
    }
  }
}

package io.github.lambdamw.cli.window;

import io.github.lambdamw.cli.ExitCode;
import io.github.lambdamw.cli.internal.ParameterAccessException;
import io.github.lambdamw.cli.internal.WindowReport;
import io.github.lambdamw.window.WindowFormatException;
import io.github.lambdamw.window.WindowPlan;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mw window check}: is a value valid, and when does each of its windows open and close? */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    exitCodeOnInvalidInput = ExitCode.USAGE,
    description =
        "Checks a window value (from the argument, a file, or an SSM parameter) and prints each window with "
          + "its next openings and closings, in the window's time zone and in UTC, then whether it is open now.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  mw window check '2026-12-24T22:00:00+01:00,2026-12-25T06:00:00+01:00'",
      "  mw window check --next 3 '{\"windows\":[{\"schedule\":\"cron(0 2 ? * SUN *)\",\"duration\":\"PT2H\",\"timezone\":\"Europe/Paris\"}]}'",
      "  mw window check --file window.json --from 2026-03-28T00:00:00Z",
      "  mw window check --parameter maintenance-window"
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the value is valid",
      "2:the value is not valid (the message names the field, the value and what is expected)",
      "3:the file or parameter could not be read, or does not exist",
      "64:usage error"
    })
final class CheckCommand implements Callable<Integer> {
  @ParentCommand WindowCommand window;
  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  static final class Source {
    @Parameters(paramLabel = "VALUE", description = "The value itself (quote it for the shell).")
    String value;

    @Option(names = "--file", paramLabel = "PATH", description = "Read the value from this file.")
    Path file;

    @Option(
        names = {"-p", "--parameter"},
        paramLabel = "NAME",
        description = "Read the value from this SSM parameter.")
    String parameter;
  }

  @Option(
      names = "--next",
      paramLabel = "N",
      defaultValue = "5",
      description = "How many openings to show per window (default: ${DEFAULT-VALUE}).")
  int next;

  @Option(
      names = "--from",
      paramLabel = "INSTANT",
      description = "Show openings from this instant instead of now, e.g. 2026-03-28T00:00:00Z.")
  Instant from;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String value;
    try {
      value = read();
    } catch (IOException | ParameterAccessException e) {
      err.println(e.getMessage());
      return ExitCode.PARAMETER_ERROR;
    }
    if (value == null) {
      err.println("SSM parameter '" + source.parameter + "' does not exist");
      return ExitCode.PARAMETER_ERROR;
    }
    WindowPlan plan;
    try {
      plan = WindowPlan.parse(value);
    } catch (WindowFormatException e) {
      err.println("invalid: " + e.getMessage());
      return ExitCode.INVALID_VALUE;
    }
    Instant at = from != null ? from : window.root.clock().instant();
    out.print("valid: ");
    WindowReport.windows(out, plan, at, Math.max(1, next));
    out.println((from != null ? "at " + at + ": " : "now: ") + WindowReport.status(plan, at));
    return ExitCode.OK;
  }

  private String read() throws IOException, ParameterAccessException {
    if (source.value != null) {
      return source.value;
    }
    if (source.file != null) {
      return Files.readString(source.file, StandardCharsets.UTF_8);
    }
    return window.root.parameterStore().read(source.parameter);
  }
}

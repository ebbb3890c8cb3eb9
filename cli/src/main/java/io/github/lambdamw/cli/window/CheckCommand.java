package io.github.lambdamw.cli.window;

import io.github.lambdamw.cli.internal.ParameterAccessException;
import io.github.lambdamw.cli.internal.WindowReport;
import io.github.lambdamw.replay.DeployedNames;
import io.github.lambdamw.replay.ExitCodes;
import io.github.lambdamw.window.WindowFormatException;
import io.github.lambdamw.window.WindowPlan;
import io.github.lambdamw.windowtext.ValueSize;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mw window check}: is a value valid, and when does each of its windows open and close? */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description =
        "Checks a window value (from the argument, a file, an SSM parameter, or the parameter of --stack) and prints "
            + "each window with "
            + "its next openings and closings, in the window's time zone and in UTC, then whether it is open now.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  mw window check '2026-12-24T22:00:00+01:00,2026-12-25T06:00:00+01:00'",
      "  mw window check '{\"windows\":[{\"start\":\"2026-12-24T22:00:00Z\"}]}'",
      "  mw window check --next 3 --file window.json --at 2027-03-27T00:00:00Z",
      "  mw window check --parameter maintenance-window --days 14",
      "",
      "window.json, for example:",
      "  {\"windows\":[{\"schedule\":\"cron(0 2 ? * SUN *)\",\"duration\":\"PT2H\",",
      "               \"timezone\":\"Europe/Paris\"}]}",
      "",
      "A value over 4096 bytes needs the Advanced tier (a warning); over 8192 it is refused."
    })
final class CheckCommand implements Callable<Integer> {
  @ParentCommand WindowCommand window;
  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
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
      names = {"--at", "--from"},
      paramLabel = "INSTANT",
      description =
          "Show the status at, and openings from, this instant instead of now, e.g. 2026-03-28T00:00:00Z.")
  Instant from;

  @Mixin TimelineOptions timeline;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (source == null) {
      // No value given: the stack's parameter (mw --stack NAME window check), else there is nothing
      // to check.
      source = new Source();
      source.parameter = DeployedNames.of(spec).parameter();
      if (source.parameter == null) {
        throw new ParameterException(
            spec.commandLine(),
            "Missing the value to check: give VALUE, --file PATH or --parameter NAME (or --stack)");
      }
    }
    String value;
    try {
      value = read();
    } catch (NoSuchFileException e) {
      throw new ParameterException(spec.commandLine(), "--file " + source.file + ": no such file");
    } catch (IOException e) {
      throw new ParameterException(
          spec.commandLine(), "--file " + source.file + ": cannot read it (" + e + ")");
    } catch (ParameterAccessException e) {
      err.println(e.getMessage());
      return ExitCodes.AWS_ERROR;
    }
    if (value == null) {
      err.println(
          "SSM parameter '" + source.parameter + "' does not exist: check its name and --region");
      return ExitCodes.AWS_ERROR;
    }
    int bytes = ValueSize.bytes(value);
    if (bytes > ValueSize.ADVANCED_TIER_BYTES) {
      err.println(
          "invalid: the value is "
              + bytes
              + " bytes; an SSM parameter holds at most "
              + ValueSize.ADVANCED_TIER_BYTES
              + " (Advanced tier), "
              + ValueSize.STANDARD_TIER_BYTES
              + " in the Standard tier. It starts: "
              + ValueSize.capped(value));
      return ExitCodes.INVALID_VALUE;
    }
    if (bytes > ValueSize.STANDARD_TIER_BYTES) {
      err.println(
          "warning: the value is "
              + bytes
              + " bytes: more than the Standard tier's "
              + ValueSize.STANDARD_TIER_BYTES
              + "; the parameter must be Advanced (paid), or the value shorter");
    }
    WindowPlan plan;
    try {
      plan = WindowPlan.parse(value);
    } catch (WindowFormatException e) {
      err.println("invalid: " + ValueSize.capped(e.getMessage()));
      return ExitCodes.INVALID_VALUE;
    }
    Instant at = from != null ? from : window.root.clock().instant();
    if (timeline.json) {
      out.println(timeline.json(source.parameter, plan, at));
      return ExitCodes.OK;
    }
    out.print("valid: ");
    WindowReport.windows(out, plan, at, Math.max(1, next));
    out.println((from != null ? "at " + at + ": " : "now: ") + WindowReport.status(plan, at));
    timeline.printTimeline(out, plan, at);
    return ExitCodes.OK;
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

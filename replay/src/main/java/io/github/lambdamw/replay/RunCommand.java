package io.github.lambdamw.replay;

import io.github.lambdamw.replay.internal.AwsProblems;
import io.github.lambdamw.replay.internal.DeferralTable;
import io.github.lambdamw.replay.internal.ReplayMetrics;
import io.github.lambdamw.replay.internal.Terminals;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.exception.SdkException;

/** {@code replay run}: re-invokes the function with each deferred payload, in arrival order. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Re-invokes the function with each deferred payload, byte for byte, in arrival order, through the Lambda Invoke "
          + "API. An item is deleted only after Lambda accepted its invocation (202 for Event; an answer without a "
          + "function error for RequestResponse). A refused invocation stays, with replayAttempts and lastReplayError.",
      "",
      "Before invoking, each item is marked IN_FLIGHT. If the replay is killed, at most the item it was working on stays "
          + "IN_FLIGHT; later runs skip such items (they may have reached Lambda) unless --include-in-flight. So nothing "
          + "Lambda accepted is sent twice unless you ask for it.",
      "",
      "The original request id travels in the client context: custom.maintenanceWindowOriginalRequestId. Lambda shows "
          + "the client context to the handler for synchronous invocations only: use --sync if handlers must see it.",
      "",
      "Refuses while the function's window is open, or closed less than --settle-seconds ago, unless --force.",
      "",
      "Progress goes to stderr (a bar with rate and time left on a terminal, else a line per 10 items); the summary "
          + "line (replayed, failed, uncertain, skipped, left) to stdout.",
      "",
      "Examples:",
      "  mw replay run --function orders-handler --dry-run",
      "  mw replay run --function orders-handler --rate 10",
      "  mw replay run --function orders-handler --target orders-handler:live --sync",
      "  mw --stack MaintenanceWindowDemo replay run --dry-run"
    })
final class RunCommand implements Callable<Integer> {
  /** A progress line after this many items, besides one line for each item that did not replay. */
  static final int PROGRESS_EVERY = 10;

  @Mixin SelectionOptions selection;

  @Option(
      names = "--target",
      paramLabel = "NAME|ARN",
      description = "What to invoke, if not the function name: a version, an alias ARN, ...")
  String target;

  @Option(
      names = "--parameter",
      paramLabel = "NAME",
      description =
          "The SSM parameter holding the function's window (default: the stack's, else "
              + ReplaySettings.DEFAULT_PARAMETER
              + ").")
  String parameter;

  @Option(
      names = "--sync",
      description = "Invoke with RequestResponse (and wait for each answer) instead of Event.")
  boolean sync;

  @Option(
      names = "--dry-run",
      description = "Show what would be replayed; invoke nothing, change nothing.")
  boolean dryRun;

  @Option(
      names = "--rate",
      paramLabel = "N",
      defaultValue = "0",
      description = "At most N invocations per second (default 0: as fast as Lambda answers).")
  double rate;

  @Option(
      names = "--force",
      description = "Replay even while the window is open or cannot be read.")
  boolean force;

  @Option(
      names = "--include-in-flight",
      description =
          "Also replay items an earlier run left IN_FLIGHT. They may have reached Lambda: this can invoke twice.")
  boolean includeInFlight;

  @Option(
      names = "--settle-seconds",
      paramLabel = "S",
      defaultValue = "60",
      description =
          "Refuse if the window closed less than S seconds ago: functions may still hold the open window "
              + "for MAINTENANCE_WINDOW_REFRESH_SECONDS (default: ${DEFAULT-VALUE}).")
  long settleSeconds;

  @Option(
      names = "--progress",
      paramLabel = "auto|bar|lines",
      defaultValue = "auto",
      description =
          "How progress shows on stderr: a bar (auto: on a terminal) or lines (auto: otherwise).")
  String progressStyle;

  @Option(
      names = "--emf",
      description =
          "After the summary, print the run's counts as one CloudWatch embedded-metric record (Replayed, ReplayFailed,"
              + " ReplayUncertain, ReplayLeft by FunctionName), for a CloudWatch agent that collects this output.")
  boolean emf;

  @Spec CommandSpec spec;

  private final ClientSource clients;

  RunCommand() {
    this(ClientSource.ENVIRONMENT);
  }

  RunCommand(ClientSource clients) {
    this.clients = clients;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ReplaySettings settings;
    try {
      settings = settings();
    } catch (IllegalArgumentException e) {
      err.println("replay run: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    try (ReplayClients aws = clients.open(AwsOptions.of(spec), sync)) {
      Progress progress = progress(err, aws, settings);
      ReplaySummary summary =
          new Replayer(settings, aws.dynamo(), aws.lambda(), aws.ssm()).run(progress);
      progress.finish();
      out.println((dryRun ? "dry run: " : "") + summary);
      if (emf && !dryRun) {
        out.println(
            ReplayMetrics.record(settings.functionName(), summary, System.currentTimeMillis()));
      }
      out.flush();
      return summary.exitCode();
    } catch (ReplayRefusedException e) {
      err.println("replay run: refused: " + e.getMessage());
      return ExitCodes.WINDOW_OPEN;
    } catch (SdkException e) {
      err.println("replay run: " + AwsProblems.describe(e, "table '" + settings.tableName() + "'"));
      return ExitCodes.AWS_ERROR;
    }
  }

  private Progress progress(PrintWriter err, ReplayClients aws, ReplaySettings settings) {
    boolean bar =
        switch (progressStyle) {
          case "bar" -> true;
          case "lines" -> false;
          case "auto" -> Terminals.isInteractive();
          default ->
              throw new ParameterException(
                  spec.commandLine(),
                  "--progress must be auto, bar or lines, not '" + progressStyle + "'");
        };
    if (!bar) {
      return new ProgressPrinter(err, PROGRESS_EVERY);
    }
    long total =
        new DeferralTable(aws.dynamo(), settings.tableName(), settings.functionName())
            .count(settings.from(), settings.to());
    return new ProgressBar(
        err, settings.limit() > 0 ? Math.min(total, settings.limit()) : total, System::nanoTime);
  }

  ReplaySettings settings() {
    return ReplaySettings.builder()
        .withTableName(selection.table(spec))
        .withFunctionName(selection.function(spec))
        .withTarget(target)
        .withParameterName(parameter())
        .withSynchronous(sync)
        .withDryRun(dryRun)
        .withForce(force)
        .withIncludeInFlight(includeInFlight)
        .withLimit(selection.limit)
        .withRate(rate)
        .withFrom(selection.from)
        .withTo(selection.to)
        .withSettle(Duration.ofSeconds(settleSeconds))
        .build();
  }

  private String parameter() {
    if (parameter != null) {
      return parameter;
    }
    String deployed = DeployedNames.of(spec).parameter();
    return deployed != null ? deployed : ReplaySettings.DEFAULT_PARAMETER;
  }
}

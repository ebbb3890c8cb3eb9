package io.github.lambdamw.replay;

import io.github.lambdamw.replay.internal.AwsProblems;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.exception.SdkException;

/** {@code replay list}: a function's deferred invocations in arrival order. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = {
      "Lists a function's deferred invocations in arrival order: arrival time, request id, raw size in bytes, "
          + "failed replay attempts, state (IN_FLIGHT: a replay may have handed it to Lambda), last replay error.",
      "",
      "Examples:",
      "  mw replay list --function orders-handler --from 2026-12-01T02:00:00Z",
      "  mw --stack MaintenanceWindowDemo replay list"
    })
final class ListCommand implements Callable<Integer> {
  @Mixin SelectionOptions selection;

  @Spec CommandSpec spec;

  private final ClientSource clients;

  ListCommand() {
    this(ClientSource.ENVIRONMENT);
  }

  ListCommand(ClientSource clients) {
    this.clients = clients;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (selection.limit < 0
        || (selection.from != null
            && selection.to != null
            && !selection.from.isBefore(selection.to))) {
      err.println("replay list: --limit must be >= 0 and --from before --to");
      return ExitCodes.USAGE;
    }
    String function = selection.function(spec);
    String table = selection.table(spec);
    try (ReplayClients aws = clients.open(AwsOptions.of(spec), false)) {
      out.printf(
          "%-24s  %-36s  %9s  %8s  %-9s  %s%n",
          "ARRIVED", "REQUEST ID", "BYTES", "ATTEMPTS", "STATE", "LAST ERROR");
      long shown = 0;
      for (DeferredInvocation item :
          DeferredInvocations.inArrivalOrder(
              aws.dynamo(), table, function, selection.from, selection.to)) {
        if (selection.limit > 0 && shown == selection.limit) {
          break;
        }
        out.printf(
            "%-24s  %-36s  %9d  %8d  %-9s  %s%n",
            item.arrivedAt(),
            item.requestId(),
            item.payloadSize(),
            item.replayAttempts(),
            item.inFlight() ? "IN_FLIGHT" : "-",
            item.lastReplayError() == null ? "" : oneLine(item.lastReplayError()));
        shown++;
      }
      err.println(shown + " item(s)");
      out.flush();
      return ExitCodes.OK;
    } catch (SdkException e) {
      err.println("replay list: " + AwsProblems.describe(e, "table '" + table + "'"));
      return ExitCodes.AWS_ERROR;
    }
  }

  private static String oneLine(String text) {
    return text.replace('\n', ' ').replace('\r', ' ');
  }
}

package io.github.lambdamw.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ReplayCommandTest {
  private static final Instant T0 = Instant.parse("2026-12-01T02:00:00Z");

  private static Dynoxide dynoxide;
  private Rig rig;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeAll
  static void startDynoxide() throws Exception {
    dynoxide = Dynoxide.start();
  }

  @AfterAll
  static void stopDynoxide() throws Exception {
    dynoxide.close();
  }

  @BeforeEach
  void newRig() throws Exception {
    rig = new Rig(dynoxide);
  }

  @AfterEach
  void closeRig() {
    rig.close();
  }

  private int execute(String... args) {
    CommandLine.IFactory defaults = CommandLine.defaultFactory();
    ClientSource local = (aws, sync) -> rig.clients(sync);
    CommandLine.IFactory factory =
        new CommandLine.IFactory() {
          @Override
          @SuppressWarnings("unchecked")
          public <K> K create(Class<K> type) throws Exception {
            if (type == RunCommand.class) {
              return (K) new RunCommand(local);
            }
            if (type == ListCommand.class) {
              return (K) new ListCommand(local);
            }
            return defaults.create(type);
          }
        };
    return ReplayCommand.standalone(factory)
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .execute(args);
  }

  private String[] run(String... more) {
    String[] base = {
      "run", "--function", Rig.FUNCTION, "--table", rig.table.tableName(), "--settle-seconds", "0"
    };
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }

  @Test
  void listShowsTheItemsInArrivalOrderWithSizeAttemptsAndState() {
    rig.table.defer(Rig.FUNCTION, "second", Payloads.json(2, 200, true), T0.plusSeconds(1), null);
    rig.table.defer(Rig.FUNCTION, "first", Payloads.json(1, 100, true), T0, null);

    int code = execute("list", "--function", Rig.FUNCTION, "--table", rig.table.tableName());

    assertThat(code).isZero();
    String[] lines = out.toString().split("\n");
    assertThat(lines[0])
        .startsWith("ARRIVED")
        .contains("REQUEST ID", "BYTES", "ATTEMPTS", "STATE", "LAST ERROR");
    assertThat(lines[1]).startsWith(T0.toString()).contains("first", " 100 ", " 0 ");
    assertThat(lines[2]).startsWith(T0.plusSeconds(1).toString()).contains("second", " 200 ");
    assertThat(err.toString()).contains("2 item(s)");
  }

  @Test
  void runReplaysReportsProgressOnStderrAndTheSummaryOnStdoutAndExitsZero() {
    for (int i = 0; i < 12; i++) {
      rig.table.defer(
          Rig.FUNCTION, Rig.requestId(), Payloads.json(i, 100, true), T0.plusMillis(i), null);
    }

    int code = execute(run());

    assertThat(code).isZero();
    assertThat(out.toString().trim())
        .isEqualTo("replayed 12, failed 0, uncertain 0, skipped 0, left 0");
    assertThat(err.toString()).contains("... 10 items: 10 replayed, 0 not");
  }

  @Test
  void runWithEmf_printsTheRunsCountsAsOneMetricRecordAfterTheSummary_andADryRunPrintsNone() {
    rig.table.defer(Rig.FUNCTION, "ok", Payloads.json(1, 100, true), T0, null);

    execute(run("--emf", "--dry-run"));
    assertThat(out.toString()).doesNotContain("_aws");
    int code = execute(run("--emf"));

    assertThat(code).isZero();
    String[] lines = out.toString().split("\n");
    assertThat(lines[lines.length - 1])
        .startsWith("{\"_aws\":{\"Timestamp\":")
        .contains("\"Namespace\":\"MaintenanceWindow\"")
        .endsWith(
            "\"FunctionName\":\""
                + Rig.FUNCTION
                + "\",\"Replayed\":1,\"ReplayFailed\":0,\"ReplayUncertain\":0,"
                + "\"ReplayLeft\":0}");
  }

  @Test
  void runExitsOneWhenSomeInvocationsFail() {
    rig.table.defer(Rig.FUNCTION, "fails", Payloads.json(1, 100, true), T0, null);
    rig.lambdaServer.behave(r -> LocalInvokeApiStandIn.Answer.functionFails("boom"));

    int code = execute(run("--sync"));

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("FAILED").contains("fails").contains("boom");
    assertThat(out.toString()).contains("failed 1").contains("left 1");
  }

  @Test
  void runIsRefusedWithExitFiveWhileTheWindowIsOpen() {
    rig.table.defer(Rig.FUNCTION, "waits", Payloads.json(1, 100, true), T0, null);
    rig.ssmServer.put(Rig.PARAMETER, Rig.OPEN_WINDOW);

    int code = execute(run());

    assertThat(code).isEqualTo(ExitCodes.WINDOW_OPEN);
    assertThat(err.toString()).contains("refused").contains("window is open");
    assertThat(rig.lambdaServer.received()).isEmpty();
  }

  @Test
  void anUnreachableSsmRefusesWithOneLineNamingTheCause() {
    rig.table.defer(Rig.FUNCTION, "waits", Payloads.json(1, 100, true), T0, null);
    rig.ssmServer.close();

    int code = execute(run());

    assertThat(code).isEqualTo(ExitCodes.WINDOW_OPEN);
    assertThat(err.toString())
        .startsWith(
            "replay run: refused: cannot read parameter 'maintenance-window' to check the window (SSM: cannot "
                + "connect (")
        .endsWith("); --force replays anyway\n");
    assertThat(rig.lambdaServer.received()).isEmpty();
  }

  @Test
  void aDryRunSaysWhatItWouldReplayAndExitsZero() {
    rig.table.defer(Rig.FUNCTION, "would", Payloads.json(1, 100, true), T0, null);

    int code = execute(run("--dry-run"));

    assertThat(code).isZero();
    assertThat(err.toString()).contains("would replay " + T0 + "  would  100 bytes");
    assertThat(out.toString()).startsWith("dry run: would replay 1, replayed 0");
  }

  @Test
  void onATerminalTheRunDrawsABarCountedFromTheTable() {
    for (int i = 0; i < 3; i++) {
      rig.table.defer(
          Rig.FUNCTION, "item-" + i, Payloads.json(i, 100, true), T0.plusSeconds(i), null);
    }

    int code = execute(run("--progress", "bar"));

    assertThat(code).isZero();
    assertThat(err.toString()).contains("\r[").contains("]  3/3  100%").endsWith("\n");
    assertThat(out.toString()).startsWith("replayed 3, failed 0");
    assertThat(execute(run("--progress", "fancy"))).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void aMissingTableIsOneLineNamingItAndTheFix() {
    int list = execute("list", "--function", Rig.FUNCTION, "--table", "no-such-table");
    String listErr = err.toString();
    err.getBuffer().setLength(0);
    int run =
        execute(
            "run", "--function", Rig.FUNCTION, "--table", "no-such-table", "--settle-seconds", "0");

    assertThat(list).isEqualTo(ExitCodes.AWS_ERROR);
    assertThat(listErr)
        .startsWith(
            "replay list: table 'no-such-table' does not exist (ResourceNotFoundException: ")
        .endsWith("): check its name and --region, or pass --stack\n");
    assertThat(run).isEqualTo(ExitCodes.AWS_ERROR);
    assertThat(err.toString())
        .startsWith("replay run: table 'no-such-table' does not exist (ResourceNotFoundException: ")
        .doesNotContain("\tat ");
  }

  @Test
  void badUsageExitsTwo() {
    assertThat(execute("run", "--table", "t")).as("no --function").isEqualTo(2);
    assertThat(execute(run("--rate", "-1"))).isEqualTo(2);
    assertThat(execute(run("--from", "2026-12-02T00:00:00Z", "--to", "2026-12-01T00:00:00Z")))
        .isEqualTo(2);
    assertThat(execute(run("--from", "yesterday"))).isEqualTo(2);
    assertThat(execute()).as("no subcommand").isEqualTo(2);
  }

  @Test
  void helpDocumentsTheExitCodesAndTheGuarantee() {
    assertThat(execute("run", "--help")).isZero();

    assertThat(out.toString())
        .contains("Exit codes:")
        .contains("0    done")
        .contains("5    a window is open")
        .contains("IN_FLIGHT")
        .contains("--include-in-flight")
        .contains("synchronous invocations only");
  }

  @Test
  void optionsBecomeSettings() {
    RunCommand command = new RunCommand();
    new CommandLine(command)
        .parseArgs(
            "--function",
            "f",
            "--table",
            "t",
            "--target",
            "arn:aws:lambda:eu-west-1:1:function:f:live",
            "--parameter",
            "p",
            "--sync",
            "--limit",
            "5",
            "--rate",
            "2.5",
            "--from",
            "2026-12-01T00:00:00Z",
            "--include-in-flight");

    ReplaySettings settings = command.settings();

    assertThat(settings.functionName()).isEqualTo("f");
    assertThat(settings.tableName()).isEqualTo("t");
    assertThat(settings.target()).isEqualTo("arn:aws:lambda:eu-west-1:1:function:f:live");
    assertThat(settings.parameterName()).isEqualTo("p");
    assertThat(settings.synchronous()).isTrue();
    assertThat(settings.limit()).isEqualTo(5);
    assertThat(settings.rate()).isEqualTo(2.5);
    assertThat(settings.from()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
    assertThat(settings.to()).isNull();
    assertThat(settings.includeInFlight()).isTrue();
    assertThat(settings.force()).isFalse();
    assertThat(settings.settle().toSeconds()).isEqualTo(60);
  }
}

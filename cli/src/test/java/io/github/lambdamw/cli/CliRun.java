package io.github.lambdamw.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import picocli.CommandLine;

/** Runs {@code mw} as a script would, against an SSM stand-in and at a fixed "now". */
public record CliRun(int exitCode, String out, String err) {

  public static CliRun run(CliSsm ssm, Instant now, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine command =
        new CommandLine(new MaintenanceWindowCli(ssm::client, Clock.fixed(now, ZoneOffset.UTC)));
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(err, true));
    int code = command.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }
}

package io.github.lambdamw.cli;

import io.github.lambdamw.cli.internal.CliClients;
import io.github.lambdamw.replay.AwsOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import picocli.CommandLine;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Runs {@code mw} as a script would, against stand-ins for SSM (and CloudFormation) and at a fixed
 * "now".
 */
public record CliRun(int exitCode, String out, String err) {

  public static CliRun run(CliSsm ssm, Instant now, String... args) {
    return run(ssm, null, now, args);
  }

  /** With a CloudFormation stand-in for {@code --stack}; {@code cloudFormation} null: none. */
  public static CliRun run(
      CliSsm ssm, LocalCloudFormation cloudFormation, Instant now, String... args) {
    CliClients clients =
        new CliClients() {
          @Override
          public SsmClient ssm(AwsOptions aws) {
            return ssm.client();
          }

          @Override
          public CloudFormationClient cloudFormation(AwsOptions aws) {
            if (cloudFormation == null) {
              throw new IllegalStateException("this test has no CloudFormation stand-in");
            }
            return cloudFormation.client();
          }
        };
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine command =
        MaintenanceWindowCli.commandLine(
            new MaintenanceWindowCli(clients, Clock.fixed(now, ZoneOffset.UTC)));
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(err, true));
    int code = command.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }
}

package io.github.lambdamw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lambdamw.cli.LocalCloudFormation.Output;
import io.github.lambdamw.replay.ExitCodes;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Expected failures, as an operator meets them: {@code mw} in a JVM of its own, with an environment
 * that has no AWS settings but those a test gives (no profile files, no instance metadata). Each is
 * one line naming the cause and the fix, with the documented exit code, never a stack trace.
 */
class ExpectedFailuresTest {

  record Result(int exitCode, String out, String err) {}

  private static Result mw(Map<String, String> environment, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(MaintenanceWindowCli.class.getName());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
    builder.environment().put("AWS_CONFIG_FILE", "/nonexistent/aws-config");
    builder.environment().put("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/aws-credentials");
    builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
    builder.environment().putAll(environment);
    Process process = builder.start();
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), out, err);
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void noRegion() throws Exception {
    Result result = mw(Map.of(), "window", "status");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.AWS_ERROR);
    assertThat(result.err())
        .isEqualTo(
            "mw window status: no AWS region: pass --region, or set AWS_REGION (or a region in the profile of "
                + "AWS_PROFILE)\n");
  }

  @Test
  void noCredentials() throws Exception {
    Result result =
        mw(
            Map.of(),
            "replay",
            "list",
            "--function",
            "f",
            "--region",
            "eu-west-1",
            "--endpoint-url",
            "http://127.0.0.1:" + closedPort());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.AWS_ERROR);
    assertThat(result.err())
        .isEqualTo(
            "replay list: no AWS credentials: set AWS_PROFILE (after 'aws configure' or 'aws sso login'), "
                + "or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY\n");
  }

  @Test
  void unknownHost_namesTheHost() throws Exception {
    Result result =
        mw(
            Map.of("AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test"),
            "--region",
            "eu-west-1",
            "--endpoint-url",
            "http://ssm.no-such-host.invalid",
            "window",
            "status");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.AWS_ERROR);
    assertThat(result.err())
        .isEqualTo(
            "SSM parameter 'maintenance-window' could not be read: SSM: unknown host ssm.no-such-host.invalid: "
                + "check --region, --endpoint-url and AWS_ENDPOINT_URL_*, and the network\n");
  }

  @Test
  void theStacksTable_reachesTheReplayCommands_throughThePerServiceEndpointVariables()
      throws Exception {
    try (LocalCloudFormation cloudFormation = new LocalCloudFormation()) {
      cloudFormation.deploy(
          "Demo",
          List.of(
              new Output("LambdaMwTableWindow", "Demo-Table-1", "Maintenance window Window: table"),
              new Output(
                  "LambdaMwParameterWindow",
                  "Demo-Parameter-1",
                  "Maintenance window Window: parameter"),
              new Output(
                  "LambdaMwReplayTargetReplay",
                  "Demo-Function",
                  "Replay Replay: replays (window Window)")));

      Result result =
          mw(
              Map.of(
                  "AWS_ACCESS_KEY_ID", "test",
                  "AWS_SECRET_ACCESS_KEY", "test",
                  "AWS_REGION", "eu-west-1",
                  "AWS_ENDPOINT_URL_CLOUDFORMATION", cloudFormation.endpoint().toString(),
                  "AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:" + closedPort()),
              "--stack",
              "Demo",
              "replay",
              "list");

      assertThat(result.exitCode()).isEqualTo(ExitCodes.AWS_ERROR);
      assertThat(result.err())
          .startsWith(
              "mw: stack Demo, window Window: table Demo-Table-1, parameter Demo-Parameter-1, function Demo-Function")
          .contains("\nreplay list: table 'Demo-Table-1': cannot connect (")
          .doesNotContain("\tat ");
    }
  }
}

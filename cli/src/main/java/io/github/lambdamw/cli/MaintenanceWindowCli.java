package io.github.lambdamw.cli;

import io.github.lambdamw.cli.internal.ParameterStore;
import io.github.lambdamw.cli.window.WindowCommand;
import io.github.lambdamw.replay.ReplayCommand;
import java.net.URI;
import java.time.Clock;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.SsmClientBuilder;

/** {@code mw}: the operator's command. Each subcommand is one class; the logic sits in {@code cli.internal}. */
@Command(
    name = "mw",
    mixinStandardHelpOptions = true,
    exitCodeOnInvalidInput = ExitCode.USAGE,
    versionProvider = MaintenanceWindowCli.Version.class,
    description =
        "Maintenance windows for AWS Lambda Java functions: check, show, open and close the window value the "
          + "agent reads from SSM Parameter Store, and replay the invocations deferred while it was open. The value's language is in docs/window-format.md.",
    subcommands = {
      WindowCommand.class,
      ReplayCommand.class,
      CommandLine.HelpCommand.class
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  mw window check '{\"windows\":[{\"schedule\":\"cron(0 2 ? * SUN *)\",\"duration\":\"PT2H\",\"timezone\":\"Europe/Paris\"}]}'",
      "  mw window status --parameter maintenance-window",
      "  mw window open --for PT2H --reason 'database upgrade'",
      "  mw window close",
      "  mw replay list --function my-function",
      "  mw replay run --function my-function --rate 10",
      "",
      "AWS region, credentials and endpoint come from the SDK's usual environment (AWS_REGION, AWS_PROFILE, "
          + "AWS_ENDPOINT_URL_SSM ...), or from --region and --endpoint-url."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done",
      "1:unexpected failure",
      "2:the window value is not valid",
      "3:the parameter could not be read or written",
      "4:close wrote the value, but a recurring window is still open",
      "64:usage error"
    })
public final class MaintenanceWindowCli {
  // Set through the `window` group's --region and --endpoint-url: declared there rather than here, because an
  // inherited root option would clash with the replay commands' own --region.
  String region;
  URI endpoint;

  private final Supplier<SsmClient> injectedClient;
  private final Clock clock;
  private ParameterStore store;

  public MaintenanceWindowCli() {
    this(null, Clock.systemUTC());
  }

  /** For tests: a client to use instead of one built from the options, and the clock that says what "now" is. */
  MaintenanceWindowCli(Supplier<SsmClient> client, Clock clock) {
    this.injectedClient = client;
    this.clock = clock;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new MaintenanceWindowCli()).execute(args));
  }

  /** The parameter store, with its SSM client built on first use. */
  public ParameterStore parameterStore() {
    if (store == null) {
      store = new ParameterStore(injectedClient != null ? injectedClient.get() : buildClient());
    }
    return store;
  }

  /** The region of the SSM parameter (from {@code mw window … --region}). */
  public void useRegion(String region) {
    this.region = region;
  }

  /** An SSM endpoint to call instead of AWS's (from {@code mw window … --endpoint-url}). */
  public void useEndpoint(URI endpoint) {
    this.endpoint = endpoint;
  }

  public Clock clock() {
    return clock;
  }

  private SsmClient buildClient() {
    SsmClientBuilder builder = SsmClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder());
    if (region != null) {
      builder.region(Region.of(region));
    }
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    return builder.build();
  }

  /** The version in the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = MaintenanceWindowCli.class.getPackage().getImplementationVersion();
      return new String[] {"mw " + (version == null ? "(development build)" : version)};
    }
  }
}

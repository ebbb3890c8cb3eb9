package io.github.lambdamw.replay;

import java.net.URI;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;

/**
 * {@code --region} and {@code --endpoint-url}, the same for every command: a mixin of the root
 * command ({@code mw}, or {@code replay} run standalone), inherited by each subcommand so either
 * may come before or after the subcommand's name. Unset, the SDK's own chain decides ({@code
 * AWS_REGION}, {@code AWS_ENDPOINT_URL_<SERVICE>} ...).
 */
public final class AwsOptions {
  /** The name this mixin is registered under, so subcommands find it. */
  public static final String MIXIN_NAME = "aws";

  @Option(
      names = "--region",
      scope = ScopeType.INHERIT,
      paramLabel = "REGION",
      description = "AWS region (default: the SDK's chain: AWS_REGION, then the profile's region).")
  String region;

  @Option(
      names = "--endpoint-url",
      scope = ScopeType.INHERIT,
      paramLabel = "URL",
      description =
          "Send every AWS call to this endpoint instead of AWS's (a local stand-in, say). Per service: "
              + "AWS_ENDPOINT_URL_SSM, AWS_ENDPOINT_URL_DYNAMODB, AWS_ENDPOINT_URL_LAMBDA, AWS_ENDPOINT_URL_CLOUDFORMATION.")
  URI endpoint;

  public AwsOptions() {}

  /** Options with these values (either may be null), for callers that are not picocli. */
  public AwsOptions(String region, URI endpoint) {
    this.region = region;
    this.endpoint = endpoint;
  }

  /**
   * The options of the command {@code spec} belongs to: its own or its nearest parent's; empty when
   * none has them.
   */
  public static AwsOptions of(CommandSpec spec) {
    for (CommandSpec s = spec; s != null; s = s.parent()) {
      CommandSpec mixin = s.mixins().get(MIXIN_NAME);
      if (mixin != null && mixin.userObject() instanceof AwsOptions options) {
        return options;
      }
    }
    return new AwsOptions();
  }

  /** The region given, or null for the SDK's chain. */
  public String region() {
    return region;
  }

  /** The endpoint given, or null for AWS's (or {@code AWS_ENDPOINT_URL_<SERVICE>}). */
  public URI endpoint() {
    return endpoint;
  }

  /** Applies the region and the endpoint, when given, to an SDK client builder. */
  public <B extends AwsClientBuilder<B, ?>> B configure(B builder) {
    if (region != null) {
      builder.region(Region.of(region));
    }
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    return builder;
  }
}

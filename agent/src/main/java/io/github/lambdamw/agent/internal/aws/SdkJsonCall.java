package io.github.lambdamw.agent.internal.aws;

import io.github.lambdamw.agent.internal.AwsClients;
import java.time.Duration;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * One AWS JSON call whose region and credentials come from the SDK's provider chains: used when the
 * environment lacks what {@link SigV4JsonCall} needs (outside Lambda, or with the container
 * credentials SnapStart gives), at the price of loading the SDK's providers. Signed and sent as
 * {@link SigV4JsonCall} does, so that the call's deadline bounds it whole here too. The provider
 * caches the credentials and refreshes them before they expire; a refresh (a call to the
 * container's credential endpoint) is bounded by the SDK's own timeouts, not the call's.
 */
public final class SdkJsonCall extends SigV4JsonCall {
  private final AwsCredentialsProvider provider;

  public SdkJsonCall(AwsEnvironment environment, Protocol protocol, Duration timeout) {
    this(environment, protocol, timeout, region(environment));
  }

  private SdkJsonCall(
      AwsEnvironment environment, Protocol protocol, Duration timeout, String region) {
    super(environment.endpoint(protocol.service(), region), region, protocol, null, timeout);
    this.provider =
        AwsClients.withAgentClassLoader(
            new Supplier<AwsCredentialsProvider>() {
              @Override
              public AwsCredentialsProvider get() {
                return DefaultCredentialsProvider.builder().build();
              }
            });
  }

  private static String region(AwsEnvironment environment) {
    String configured = environment.region();
    return configured != null ? configured : new DefaultAwsRegionProviderChain().getRegion().id();
  }

  @Override
  AwsEnvironment.Credentials credentials() {
    AwsCredentialsIdentity identity =
        AwsClients.withAgentClassLoader(
            new Supplier<AwsCredentialsIdentity>() {
              @Override
              public AwsCredentialsIdentity get() {
                return provider.resolveCredentials();
              }
            });
    return new AwsEnvironment.Credentials(
        identity.accessKeyId(),
        identity.secretAccessKey(),
        identity instanceof AwsSessionCredentialsIdentity session ? session.sessionToken() : null);
  }
}

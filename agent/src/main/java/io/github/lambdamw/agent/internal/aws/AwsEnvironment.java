package io.github.lambdamw.agent.internal.aws;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * Region, credentials and endpoints from the SDK's standard environment, resolved the way the SDK's service clients
 * resolve them, for calls the agent signs itself. Lambda always sets {@code AWS_REGION} and the credential variables,
 * so the common case touches none of the SDK's slower providers.
 */
public final class AwsEnvironment {
  private final Map<String, String> env;

  public AwsEnvironment(Map<String, String> env) {
    this.env = env;
  }

  public String region() {
    String region = env.get("AWS_REGION");
    if (region == null || region.isBlank()) {
      region = env.get("AWS_DEFAULT_REGION");
    }
    if (region == null || region.isBlank()) {
      return new DefaultAwsRegionProviderChain().getRegion().id();
    }
    return region.strip();
  }

  /** Environment credentials when present (every Lambda function), else the SDK's whole default chain. */
  public AwsCredentialsProvider credentials() {
    if (has("AWS_ACCESS_KEY_ID") && has("AWS_SECRET_ACCESS_KEY")) {
      return EnvironmentVariableCredentialsProvider.create();
    }
    return DefaultCredentialsProvider.builder().build();
  }

  /**
   * The endpoint of {@code service}: {@code AWS_ENDPOINT_URL_<SERVICE>}, then {@code AWS_ENDPOINT_URL}, then the
   * regional public endpoint of the region's partition.
   */
  public URI endpoint(String service) {
    String specific = env.get("AWS_ENDPOINT_URL_" + service.toUpperCase(Locale.ROOT));
    if (specific != null && !specific.isBlank()) {
      return URI.create(specific.strip());
    }
    String global = env.get("AWS_ENDPOINT_URL");
    if (global != null && !global.isBlank()) {
      return URI.create(global.strip());
    }
    String region = region();
    boolean fips = "true".equalsIgnoreCase(env.get("AWS_USE_FIPS_ENDPOINT"));
    return URI.create("https://" + service + (fips ? "-fips." : ".") + region + "." + dnsSuffix(region));
  }

  /** The partition's domain; the few non-commercial partitions are named by their region prefixes. */
  static String dnsSuffix(String region) {
    if (region.startsWith("cn-")) {
      return "amazonaws.com.cn";
    }
    if (region.startsWith("us-isob-")) {
      return "sc2s.sgov.gov";
    }
    if (region.startsWith("us-iso-")) {
      return "c2s.ic.gov";
    }
    if (region.startsWith("eu-isoe-")) {
      return "cloud.adc-e.uk";
    }
    if (region.startsWith("us-isof-")) {
      return "csp.hci.ic.gov";
    }
    return "amazonaws.com";
  }

  private boolean has(String name) {
    String value = env.get(name);
    return value != null && !value.isBlank();
  }
}

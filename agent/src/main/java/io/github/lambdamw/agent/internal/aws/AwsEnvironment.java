package io.github.lambdamw.agent.internal.aws;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

/**
 * Region, credentials and endpoints from the SDK's standard environment variables, read with the JDK alone. Lambda
 * always sets {@code AWS_REGION} and the credential variables; when they are missing the agent falls back to the
 * SDK's own providers ({@link SdkJsonCall}).
 */
public final class AwsEnvironment {
  private final Map<String, String> env;

  public AwsEnvironment(Map<String, String> env) {
    this.env = env;
  }

  /** {@code AWS_REGION} (Lambda always sets it), else {@code AWS_DEFAULT_REGION}, else {@code null}. */
  public String region() {
    String region = env.get("AWS_REGION");
    if (region == null || region.isBlank()) {
      region = env.get("AWS_DEFAULT_REGION");
    }
    return region == null || region.isBlank() ? null : region.strip();
  }

  /** The credentials Lambda puts in every function's environment, or {@code null} when they are not there. */
  public Credentials environmentCredentials() {
    if (!has("AWS_ACCESS_KEY_ID") || !has("AWS_SECRET_ACCESS_KEY")) {
      return null;
    }
    String token = env.get("AWS_SESSION_TOKEN");
    return new Credentials(
        env.get("AWS_ACCESS_KEY_ID").strip(),
        env.get("AWS_SECRET_ACCESS_KEY").strip(),
        token == null || token.isBlank() ? null : token.strip());
  }

  /** An access key pair, with the session token of temporary credentials ({@code null} for long-term keys). */
  public record Credentials(String accessKeyId, String secretAccessKey, String sessionToken) {
    @Override
    public String toString() {
      return "Credentials[" + accessKeyId + ", secret hidden]";
    }
  }

  /**
   * The endpoint of {@code service}: {@code AWS_ENDPOINT_URL_<SERVICE>}, then {@code AWS_ENDPOINT_URL}, then the
   * regional public endpoint of {@code region}'s partition.
   */
  public URI endpoint(String service, String region) {
    String specific = env.get("AWS_ENDPOINT_URL_" + service.toUpperCase(Locale.ROOT));
    if (specific != null && !specific.isBlank()) {
      return URI.create(specific.strip());
    }
    String global = env.get("AWS_ENDPOINT_URL");
    if (global != null && !global.isBlank()) {
      return URI.create(global.strip());
    }
    boolean fips = "true".equalsIgnoreCase(env.get("AWS_USE_FIPS_ENDPOINT"));
    return URI.create("https://" + service + (fips ? "-fips." : ".") + region + "." + dnsSuffix(region));
  }

  /** {@link #endpoint} of {@code service} in this environment's region, as text for a message; never throws. */
  public String endpointText(String service) {
    try {
      return endpoint(service, region()).toString();
    } catch (RuntimeException e) {
      return "its endpoint";
    }
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

package io.github.lambdamw.agent.internal.aws;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;

/**
 * Region, credentials and endpoints from the SDK's standard environment variables, read with the
 * JDK alone. Lambda always sets {@code AWS_REGION} and the credential variables; when they are
 * missing the agent falls back to the SDK's own providers ({@link SdkJsonCall}).
 */
public final class AwsEnvironment {
  private final Map<String, String> env;

  public AwsEnvironment(Map<String, String> env) {
    this.env = env;
  }

  /**
   * {@code AWS_REGION} (Lambda always sets it), else {@code AWS_DEFAULT_REGION}, else {@code null}.
   */
  public String region() {
    String region = env.get("AWS_REGION");
    if (region == null || region.isBlank()) {
      region = env.get("AWS_DEFAULT_REGION");
    }
    return region == null || region.isBlank() ? null : region.strip();
  }

  /**
   * The credentials Lambda puts in every function's environment, or {@code null} when they are not
   * there.
   */
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

  /**
   * An access key pair, with the session token of temporary credentials ({@code null} for long-term
   * keys).
   */
  public record Credentials(String accessKeyId, String secretAccessKey, String sessionToken) {
    @Override
    public String toString() {
      return "Credentials[" + accessKeyId + ", secret hidden]";
    }
  }

  /**
   * The endpoint of {@code service}: {@code AWS_ENDPOINT_URL_<SERVICE>}, then {@code
   * AWS_ENDPOINT_URL}, then the regional public endpoint of {@code region}'s partition.
   *
   * @throws IllegalArgumentException when the variable that names it is not a usable endpoint
   *     ({@link #endpointProblem} says why)
   */
  public URI endpoint(String service, String region) {
    String variable = endpointVariable(service);
    if (variable != null) {
      String problem = endpointProblem(service);
      if (problem != null) {
        throw new IllegalArgumentException(problem);
      }
      return URI.create(env.get(variable).strip());
    }
    boolean fips = "true".equalsIgnoreCase(env.get("AWS_USE_FIPS_ENDPOINT"));
    return URI.create(
        "https://" + service + (fips ? "-fips." : ".") + region + "." + dnsSuffix(region));
  }

  /**
   * Whether calls to {@code service} go over TLS: the public endpoints always do, a configured one
   * when it says {@code https} (or is unusable: the call then fails as it would anyway).
   */
  public boolean usesTls(String service) {
    String variable = endpointVariable(service);
    return variable == null
        || !env.get(variable).strip().regionMatches(true, 0, "http://", 0, "http://".length());
  }

  /**
   * Why the endpoint configured for {@code service} cannot be used, naming the variable and its
   * value; {@code null} when it can, or when none is configured (the public endpoint is used).
   * Checked at INIT ({@code AgentConfig}), so that a typo is reported once, before any invocation
   * depends on it.
   */
  public String endpointProblem(String service) {
    String variable = endpointVariable(service);
    if (variable == null) {
      return null;
    }
    String value = env.get(variable).strip();
    String why;
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("https") && !scheme.equals("http")) {
        why = "it is not an http:// or https:// URL";
      } else if (uri.getHost() == null) {
        why = "it has no host name that java.net.URI accepts";
      } else {
        return null;
      }
    } catch (URISyntaxException e) {
      why = e.getMessage();
    }
    return variable
        + "='"
        + value
        + "' is not a usable "
        + service
        + " endpoint ("
        + why
        + "); expected a URL like"
        + " https://"
        + service
        + ".us-east-1.amazonaws.com or http://127.0.0.1:8000";
  }

  /** The variable naming {@code service}'s endpoint, or {@code null} when neither is set. */
  private String endpointVariable(String service) {
    String specific = "AWS_ENDPOINT_URL_" + service.toUpperCase(Locale.ROOT);
    if (has(specific)) {
      return specific;
    }
    return has("AWS_ENDPOINT_URL") ? "AWS_ENDPOINT_URL" : null;
  }

  /**
   * {@link #endpoint} of {@code service} in this environment's region, as text for a message; never
   * throws.
   */
  public String endpointText(String service) {
    try {
      return endpoint(service, region()).toString();
    } catch (RuntimeException e) {
      return "its endpoint";
    }
  }

  /**
   * The partition's domain; the few non-commercial partitions are named by their region prefixes.
   */
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

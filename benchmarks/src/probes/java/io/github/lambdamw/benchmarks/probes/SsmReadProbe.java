package io.github.lambdamw.benchmarks.probes;

import io.github.lambdamw.agent.internal.AgentConfig;
import io.github.lambdamw.agent.internal.gate.SsmWindowSource;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetParameterRequest;

/**
 * The first SSM read of a fresh JVM (the child of {@code SsmReadCost}), from Lambda's environment
 * variables (region, credentials, {@code AWS_ENDPOINT_URL_SSM}, {@code
 * MAINTENANCE_WINDOW_PARAMETER}): prints {@code ms=} the time from here to the value.
 *
 * <p>{@code agent}: the agent's {@code SsmWindowSource} as premain's thread runs it (its own SigV4
 * and JSON reader, the JDK's HTTP). {@code sdk}: an SDK v2 {@code SsmClient} built as AWS advises
 * for Lambda (url-connection client, environment credentials, region named), one {@code
 * GetParameter}. {@code httpclient} and {@code urlconnection}: the agent's request, built and
 * signed by the agent's classes and its answer read by them ({@link SignedGetParameter}), sent by
 * {@code java.net.http.HttpClient} ({@link HttpClientPost}) or by a bare {@code HttpsURLConnection}
 * ({@link UrlConnectionPost}) instead of the agent's {@code HttpTransport}. {@code aftersdk}: the
 * agent's read after one SDK read in the same JVM, untimed, as a function that calls AWS over HTTPS
 * would have set up the JDK's TLS: what the agent's own read adds where TLS is paid for anyway.
 */
public final class SsmReadProbe {
  private SsmReadProbe() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> env = System.getenv();
    if (args[0].equals("aftersdk")) {
      sdkRead(env); // the function's first call, untimed: JSSE, the trust store, JCA set up
    }
    long start = System.nanoTime();
    String value;
    switch (args[0]) {
      case "agent":
      case "aftersdk":
        value = new SsmWindowSource(AgentConfig.from(env), env).read();
        break;
      case "sdk":
        value = sdkRead(env);
        break;
      case "httpclient":
        value = HttpClientPost.send(SignedGetParameter.from(env));
        break;
      case "urlconnection":
        value = UrlConnectionPost.send(SignedGetParameter.from(env));
        break;
      default:
        throw new IllegalArgumentException("unknown mode " + args[0]);
    }
    double ms = (System.nanoTime() - start) / 1e6;
    if (!value.startsWith("2020-")) {
      throw new IllegalStateException("unexpected value " + value);
    }
    System.out.printf(Locale.ROOT, "ms=%.2f%n", ms);
  }

  private static String sdkRead(Map<String, String> env) {
    try (SsmClient ssm =
        SsmClient.builder()
            .region(Region.of(env.get("AWS_REGION")))
            .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
            .httpClient(UrlConnectionHttpClient.builder().build())
            .build()) {
      return ssm.getParameter(
              GetParameterRequest.builder().name(env.get("MAINTENANCE_WINDOW_PARAMETER")).build())
          .parameter()
          .value();
    }
  }
}

package io.github.lambdamw.agent.internal.aws;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The agent's package-private {@link SigV4}, reached from the benchmarks' probes without reflection
 * (whose first use in a cold JVM would be timed with it): signs the {@code GetParameter} request
 * the agent sends. In the agent's package, in the probes' source folder: on the class path the
 * probes and the plain agent jar share one class loader, hence one runtime package, and the agent's
 * API is not widened for a benchmark.
 */
public final class SigV4Access {
  private SigV4Access() {}

  /** The {@code Authorization} header of a signed SSM {@code GetParameter} for {@code name}. */
  public static String signGetParameter(
      String host, String region, String name, String accessKeyId, String secretKey, String token) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/x-amz-json-1.1");
    headers.put("X-Amz-Target", "AmazonSSM.GetParameter");
    headers.put("Host", host);
    byte[] body = ("{\"Name\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8);
    return SigV4.sign(
            "POST",
            "/",
            headers,
            body,
            region,
            "ssm",
            new AwsEnvironment.Credentials(accessKeyId, secretKey, token),
            System.currentTimeMillis())
        .get("Authorization");
  }

  /**
   * Every header the agent's {@code SigV4JsonCall} sends with {@code operation} but {@code Host},
   * which the JDK's clients write themselves: for the probes that send the agent's request with
   * another client. {@code SigV4JsonCall} builds its {@code HttpTransport} itself, so no other
   * transport can be put under it; the headers are the ones its {@code call} signs and sends.
   *
   * @param hostHeader signed as the client will write it: the host, and the port when it is not the
   *     scheme's default
   */
  public static Map<String, String> signedHeaders(
      String hostHeader,
      String region,
      JsonCall.Protocol protocol,
      AwsEnvironment.Credentials credentials,
      String operation,
      byte[] body) {
    return SigV4JsonCall.signedHeaders(
        hostHeader, region, protocol, credentials, operation, body);
  }
}

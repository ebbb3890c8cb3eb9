package io.github.lambdamw.agent.internal.aws;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The agent's package-private {@link SigV4}, reached from the benchmarks' probes without
 * reflection (whose first use in a cold JVM would be timed with it): signs the {@code
 * GetParameter} request the agent sends.
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
}

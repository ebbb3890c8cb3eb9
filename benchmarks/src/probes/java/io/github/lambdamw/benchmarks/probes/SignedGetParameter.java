package io.github.lambdamw.benchmarks.probes;

import io.github.lambdamw.agent.internal.AgentConfig;
import io.github.lambdamw.agent.internal.JsonText;
import io.github.lambdamw.agent.internal.aws.AwsEnvironment;
import io.github.lambdamw.agent.internal.aws.JsonCall;
import io.github.lambdamw.agent.internal.aws.SigV4Access;
import io.github.lambdamw.window.internal.JsonReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The agent's {@code GetParameter} of the window, built by the agent's own classes as {@code
 * SsmWindowSource} builds it (configuration, region, credentials and endpoint from Lambda's
 * environment, the body by {@code JsonText}, SigV4 by the agent's signer), for the probes that send
 * it with another JDK client; and the answer's value, read as {@code SsmWindowSource} reads it.
 */
final class SignedGetParameter {
  /** The endpoint with path "/", as {@code SigV4JsonCall} posts to it. */
  final URI uri;

  /** Every header but {@code Host}, which the client writes as it was signed. */
  final Map<String, String> headers;

  final byte[] body;

  /** The agent's SSM timeout ({@code MAINTENANCE_WINDOW_SSM_TIMEOUT_MILLIS} or its default). */
  final int timeoutMillis;

  private SignedGetParameter(URI uri, Map<String, String> headers, byte[] body, int timeoutMillis) {
    this.uri = uri;
    this.headers = headers;
    this.body = body;
    this.timeoutMillis = timeoutMillis;
  }

  static SignedGetParameter from(Map<String, String> env) {
    AgentConfig config = AgentConfig.from(env);
    AwsEnvironment aws = new AwsEnvironment(env);
    String region = aws.region();
    JsonCall.Protocol ssm = JsonCall.Protocol.SSM;
    URI uri = aws.endpoint(ssm.service(), region).resolve("/");
    // Signed as the JDK's clients write Host: the port only when the URI names one (the
    // stand-in's is never the scheme's default, which SigV4JsonCall would leave out).
    String host = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    byte[] body =
        JsonText.appendQuoted(new StringBuilder("{\"Name\":"), config.parameterName())
            .append('}')
            .toString()
            .getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers =
        SigV4Access.signedHeaders(
            host, region, ssm, aws.environmentCredentials(), "GetParameter", body);
    return new SignedGetParameter(
        uri, headers, body, (int) Math.min(Integer.MAX_VALUE, config.ssmTimeoutMillis()));
  }

  /** {@code Parameter.Value} of a 200 answer, parsed by the agent's JSON reader. */
  static String value(int status, byte[] answer) {
    String body = new String(answer, StandardCharsets.UTF_8);
    if (status != 200) {
      throw new IllegalStateException("SSM answered HTTP " + status + ": " + body);
    }
    Object parsed;
    try {
      parsed = body.isBlank() ? Map.of() : JsonReader.read(body);
    } catch (JsonReader.JsonSyntaxException e) {
      throw new IllegalStateException("SSM answered with unreadable JSON: " + body, e);
    }
    Object parameter = parsed instanceof Map<?, ?> map ? map.get("Parameter") : null;
    Object value = parameter instanceof Map<?, ?> map ? map.get("Value") : null;
    if (!(value instanceof String text)) {
      throw new IllegalStateException("SSM answered without a value: " + body);
    }
    return text;
  }
}

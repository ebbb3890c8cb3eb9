package io.github.lambdamw.agent.internal.aws;

import io.github.lambdamw.agent.internal.http.HttpAnswer;
import io.github.lambdamw.agent.internal.http.HttpTransport;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One AWS JSON call with the JDK alone: {@link SigV4}, sent by {@link HttpTransport} ({@code
 * HttpURLConnection}, with a deadline for the whole call). Measured in a cold JVM with Lambda's
 * flags, the SDK's signer and HTTP client made the first SSM read cost about 380 ms of CPU (about
 * 1,000 classes, a TLS context even for plain http); this path is a fraction of that, and every
 * guarded cold start pays it. Used only when Lambda's environment holds the credentials and region;
 * {@link SdkJsonCall} covers the rest.
 */
class SigV4JsonCall implements JsonCall {
  private final String hostHeader;
  private final HttpTransport transport;
  private final String region;
  private final Protocol protocol;
  private final AwsEnvironment.Credentials credentials;
  private final int timeoutMillis;

  SigV4JsonCall(
      URI endpoint,
      String region,
      Protocol protocol,
      AwsEnvironment.Credentials credentials,
      Duration timeout) {
    URI root = root(endpoint);
    // The Host the request is signed with and sent with: the port only when it is not the scheme's
    // default, as
    // HTTP clients (and the SDK's signer) write it.
    this.hostHeader = root.getPort() == -1 ? root.getHost() : root.getHost() + ":" + root.getPort();
    this.transport = new HttpTransport(root);
    this.region = region;
    this.protocol = protocol;
    this.credentials = credentials;
    this.timeoutMillis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
  }

  /** The credentials to sign the next call with. */
  AwsEnvironment.Credentials credentials() {
    return credentials;
  }

  @Override
  public void connectAhead() throws IOException {
    transport.connectAhead(timeoutMillis);
  }

  @Override
  public Response call(String operation, String jsonBody) throws IOException {
    return call(operation, jsonBody, timeoutMillis);
  }

  @Override
  public Response call(String operation, String jsonBody, int timeoutMillis) throws IOException {
    byte[] body = jsonBody.getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers =
        signedHeaders(hostHeader, region, protocol, credentials(), operation, body);
    HttpAnswer answer = transport.post(headers, body, timeoutMillis);
    return new Response(answer.status(), new String(answer.body(), StandardCharsets.UTF_8));
  }

  /**
   * The headers of one {@code POST /} call of {@code operation}, signed now: content type, target
   * and SigV4's; the transport adds {@code Host} (signed as {@code hostHeader}) and the length.
   */
  static Map<String, String> signedHeaders(
      String hostHeader,
      String region,
      Protocol protocol,
      AwsEnvironment.Credentials credentials,
      String operation,
      byte[] body) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", protocol.contentType());
    headers.put("X-Amz-Target", protocol.targetPrefix() + "." + operation);
    Map<String, String> toSign = new LinkedHashMap<>(headers);
    toSign.put("Host", hostHeader);
    headers.putAll(
        SigV4.sign(
            "POST",
            "/",
            toSign,
            body,
            region,
            protocol.service(),
            credentials,
            System.currentTimeMillis()));
    return headers;
  }

  /**
   * The endpoint with its path set to "/" and a default port left out: {@code HttpURLConnection}
   * then writes the {@code Host} header exactly as it was signed.
   */
  private static URI root(URI endpoint) {
    String scheme =
        endpoint.getScheme() == null
            ? null
            : endpoint.getScheme().toLowerCase(java.util.Locale.ROOT);
    if (endpoint.getHost() == null || !("https".equals(scheme) || "http".equals(scheme))) {
      throw new IllegalArgumentException("not a usable endpoint: " + endpoint);
    }
    int port = endpoint.getPort();
    boolean defaultPort =
        port == -1
            || ("https".equals(scheme) && port == 443)
            || ("http".equals(scheme) && port == 80);
    try {
      return new URI(scheme, null, endpoint.getHost(), defaultPort ? -1 : port, "/", null, null);
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException("not a usable endpoint: " + endpoint, e);
    }
  }
}

package io.github.lambdamw.agent.internal.aws;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One AWS JSON 1.1 call with the JDK alone: {@link SigV4} and {@link HttpURLConnection}. Measured in a cold JVM with
 * Lambda's flags, the SDK's signer and HTTP client made the first SSM read cost about 380 ms of CPU (about 1,000
 * classes, a TLS context even for plain http); this path is about a third of that, and every guarded cold start pays
 * it. Used only when Lambda's environment holds the credentials and region; {@link SdkJsonCall} covers the rest.
 */
final class SigV4JsonCall implements JsonCall {
  private final URL url;
  private final String hostHeader;
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
    this.url = toUrl(endpoint);
    // What HttpURLConnection sends as Host, so that the signed value is the one the service sees.
    this.hostHeader = url.getPort() == -1 ? url.getHost() : url.getHost() + ":" + url.getPort();
    this.region = region;
    this.protocol = protocol;
    this.credentials = credentials;
    this.timeoutMillis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
  }

  @Override
  public Response call(String operation, String jsonBody) throws IOException {
    return call(operation, jsonBody, timeoutMillis);
  }

  @Override
  public Response call(String operation, String jsonBody, int timeoutMillis) throws IOException {
    byte[] body = jsonBody.getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", protocol.contentType());
    headers.put("X-Amz-Target", protocol.targetPrefix() + "." + operation);
    Map<String, String> toSign = new LinkedHashMap<>(headers);
    toSign.put("Host", hostHeader);
    headers.putAll(
        SigV4.sign("POST", "/", toSign, body, region, protocol.service(), credentials, System.currentTimeMillis()));

    HttpURLConnection connection = (HttpURLConnection) url.openConnection();
    boolean complete = false;
    try {
      connection.setRequestMethod("POST");
      connection.setConnectTimeout(timeoutMillis);
      connection.setReadTimeout(timeoutMillis);
      connection.setDoOutput(true);
      connection.setFixedLengthStreamingMode(body.length);
      for (Map.Entry<String, String> header : headers.entrySet()) {
        connection.setRequestProperty(header.getKey(), header.getValue());
      }
      try (OutputStream out = connection.getOutputStream()) {
        out.write(body);
      }
      int status = connection.getResponseCode();
      InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
      String text = "";
      if (in != null) {
        try (in) {
          text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
      complete = true;
      return new Response(status, text);
    } finally {
      // A fully read answer leaves the connection in the JDK's keep-alive cache: the next call (every deferral in a
      // window) reuses it instead of paying a new TCP and TLS handshake. Only a broken exchange closes it.
      if (!complete) {
        connection.disconnect();
      }
    }
  }

  /** The endpoint with its path set to "/" and a default port left out (it would not be in the Host header). */
  private static URL toUrl(URI endpoint) {
    try {
      String scheme = endpoint.getScheme();
      int port = endpoint.getPort();
      boolean defaultPort =
          port == -1 || ("https".equals(scheme) && port == 443) || ("http".equals(scheme) && port == 80);
      return new URI(scheme, null, endpoint.getHost(), defaultPort ? -1 : port, "/", null, null).toURL();
    } catch (java.net.URISyntaxException | java.net.MalformedURLException e) {
      throw new IllegalArgumentException("not a usable endpoint: " + endpoint, e);
    }
  }
}

package io.github.lambdamw.benchmarks.probes;

import io.github.lambdamw.agent.internal.http.HttpTransport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import javax.net.ssl.HttpsURLConnection;

/**
 * The agent's request through a bare {@code HttpsURLConnection}: the JDK's default socket factory
 * and host-name verifier, its connect and read timeouts (the agent's SSM timeout), set up as {@code
 * HttpTransport} sets up its connections but without {@code CallWatchdog} and {@code
 * WatchedTlsSockets} (nor its checks of headers and lengths): what those two cost on top of the
 * JDK.
 */
final class UrlConnectionPost {
  private UrlConnectionPost() {}

  /** The value of the parameter, or fails. */
  static String send(SignedGetParameter request) throws IOException {
    HttpsURLConnection connection = (HttpsURLConnection) request.uri.toURL().openConnection();
    connection.setConnectTimeout(request.timeoutMillis);
    connection.setReadTimeout(request.timeoutMillis);
    connection.setUseCaches(false);
    connection.setInstanceFollowRedirects(false);
    connection.setRequestMethod("POST");
    for (Map.Entry<String, String> header : request.headers.entrySet()) {
      connection.setRequestProperty(header.getKey(), header.getValue());
    }
    connection.setRequestProperty("User-Agent", HttpTransport.USER_AGENT);
    connection.setDoOutput(true);
    try (OutputStream out = connection.getOutputStream()) {
      out.write(request.body);
    }
    int status = connection.getResponseCode();
    byte[] answer;
    try (InputStream in =
        status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
      answer = in == null ? new byte[0] : in.readAllBytes();
    }
    return SignedGetParameter.value(status, answer);
  }
}

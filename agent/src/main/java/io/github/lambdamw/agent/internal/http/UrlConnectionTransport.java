package io.github.lambdamw.agent.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.util.Map;

/**
 * The agent's requests through {@code HttpURLConnection}, for JVMs configured with a proxy ({@link ProxySettings}):
 * it honours the proxy properties, {@link SocketHttpClient} does not. Slower to start (see there), which only those
 * functions pay.
 *
 * <p>{@code HttpURLConnection} sets {@code Host} itself, from the URL: the endpoint's host, with {@code :port} when
 * the URL has one, which is the value the request was signed with as long as the URL carries no default port.
 */
final class UrlConnectionTransport implements HttpTransport {
  private final URL url;

  UrlConnectionTransport(URI endpoint) {
    try {
      this.url = endpoint.toURL();
    } catch (java.net.MalformedURLException | IllegalArgumentException e) {
      throw new IllegalArgumentException("not a usable endpoint: " + endpoint, e);
    }
  }

  @Override
  public HttpAnswer post(Map<String, String> headers, byte[] body, int timeoutMillis) throws IOException {
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
      connection.setRequestProperty("User-Agent", USER_AGENT);
      try (OutputStream out = connection.getOutputStream()) {
        out.write(body);
      }
      int status = connection.getResponseCode();
      InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
      byte[] bytes = new byte[0];
      if (in != null) {
        try (in) {
          bytes = in.readAllBytes();
        }
      }
      complete = true;
      return new HttpAnswer(status, bytes, false);
    } finally {
      // A fully read answer leaves the connection in the JDK's keep-alive cache: the next call (every deferral in a
      // window) reuses it instead of paying a new TCP and TLS handshake. Only a broken exchange closes it.
      if (!complete) {
        connection.disconnect();
      }
    }
  }
}

package io.github.lambdamw.agent.internal.http;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

/**
 * Sends the agent's AWS requests: {@code POST /} with a fixed-length body to one endpoint, connections kept alive
 * between calls.
 */
public interface HttpTransport {
  /** Names the agent in the services' logs (CloudTrail's userAgent), as the SDK names itself. */
  String USER_AGENT = "lambda-mw-agent";

  /**
   * @param headers sent as given, after {@code Host}; the transport adds {@code User-Agent} and {@code
   *     Content-Length}
   * @throws IOException when the endpoint could not be reached, the connection broke, an answer did not come within
   *     {@code timeoutMillis} (connect, and each read), or the answer was not valid HTTP
   */
  HttpAnswer post(Map<String, String> headers, byte[] body, int timeoutMillis) throws IOException;

  /**
   * Opens a connection (over https, with its handshake) and keeps it for the next call, so that call does not wait
   * for it. Does nothing where connections are not kept by the transport itself.
   */
  default void connectAhead(int timeoutMillis) throws IOException {}

  /**
   * {@link SocketHttpClient}, or {@link UrlConnectionTransport} when the JVM is configured for a proxy (see {@link
   * ProxySettings}): only {@code HttpURLConnection} knows how to go through one, and a function set up to reach AWS
   * through a proxy must keep doing so.
   *
   * @param endpoint {@code http} or {@code https}, path "/", no port when it is the scheme's default
   * @param hostHeader the {@code Host} value the request was signed with: the endpoint's host, with {@code :port}
   *     when the port is not the default
   */
  static HttpTransport forEndpoint(URI endpoint, String hostHeader) {
    if (ProxySettings.configured()) {
      return new UrlConnectionTransport(endpoint);
    }
    return new SocketHttpClient(endpoint, hostHeader);
  }
}

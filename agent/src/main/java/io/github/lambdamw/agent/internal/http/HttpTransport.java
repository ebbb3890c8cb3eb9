package io.github.lambdamw.agent.internal.http;

import java.io.IOException;
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

}

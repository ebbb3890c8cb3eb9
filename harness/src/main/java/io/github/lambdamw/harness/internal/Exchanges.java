package io.github.lambdamw.harness.internal;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Small helpers for reading and answering a {@link HttpExchange}. Not API. */
public final class Exchanges {

  private Exchanges() {}

  /** Reads the whole request body. */
  public static byte[] body(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      return in.readAllBytes();
    }
  }

  /**
   * Sends a status and a body, then closes the exchange. An empty body is sent with a
   * Content-Length of 0 (the JDK's -1), never chunked, which some clients reject for 202/204.
   */
  public static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    if (status == 204 || body.length == 0) {
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
      return;
    }
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}

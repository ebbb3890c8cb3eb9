package io.github.lambdamw.replay;

import com.fasterxml.jackson.jr.ob.JSON;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SSM's {@code GetParameter} in the JSON 1.1 protocol, enough for the replay's window check: a
 * stand-in for the harness's {@code LocalSsm} until the harness module is on main.
 */
final class LocalSsmStandIn implements AutoCloseable {
  private final HttpServer server;
  private final Map<String, String> parameters = new ConcurrentHashMap<>();

  LocalSsmStandIn() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  void put(String name, String value) {
    parameters.put(name, value);
  }

  void remove(String name) {
    parameters.remove(name);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      Map<String, Object> request = JSON.std.mapFrom(exchange.getRequestBody().readAllBytes());
      if (!"AmazonSSM.GetParameter".equals(target)) {
        send(
            exchange,
            400,
            Map.of("__type", "InvalidAction", "message", "not supported: " + target));
        return;
      }
      String name = String.valueOf(request.get("Name"));
      String value = parameters.get(name);
      if (value == null) {
        send(
            exchange,
            400,
            Map.of("__type", "ParameterNotFound", "message", "Parameter " + name + " not found."));
        return;
      }
      send(
          exchange,
          200,
          Map.of(
              "Parameter", Map.of("Name", name, "Type", "String", "Value", value, "Version", 1)));
    }
  }

  private static void send(HttpExchange exchange, int status, Map<String, Object> body)
      throws IOException {
    byte[] bytes = JSON.std.asString(body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

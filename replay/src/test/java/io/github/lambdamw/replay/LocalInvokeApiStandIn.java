package io.github.lambdamw.replay;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * The Lambda Invoke API ({@code POST /2015-03-31/functions/{name}/invocations}) for one function,
 * recording every invocation it accepts or refuses: a stand-in for the harness's {@code
 * LocalLambda} until the harness is on main. Answers as Lambda does: 202 for {@code Event}; 200
 * with the function's answer for {@code RequestResponse}, and {@code X-Amz-Function-Error:
 * Unhandled} when the function fails; 4xx/5xx with {@code x-amzn-ErrorType} otherwise.
 */
final class LocalInvokeApiStandIn implements AutoCloseable {
  /** One invocation as the function would have received it. */
  record Received(
      String functionName, String invocationType, byte[] payload, String clientContextJson) {}

  /** What the stand-in answers; {@link #ok()} runs the function successfully. */
  record Answer(int status, String errorType, String functionError, String body) {
    static Answer ok() {
      return new Answer(200, null, null, "{\"ok\":true}");
    }

    static Answer functionFails(String message) {
      return new Answer(
          200,
          null,
          "Unhandled",
          "{\"errorType\":\"RuntimeException\",\"errorMessage\":\"" + message + "\"}");
    }

    static Answer serviceError(int status, String errorType) {
      return new Answer(
          status, errorType, null, "{\"Type\":\"Service\",\"message\":\"" + errorType + "\"}");
    }
  }

  private static final String PREFIX = "/2015-03-31/functions/";
  private static final int ASYNC_LIMIT = 1024 * 1024;

  private final HttpServer server;
  private final String functionName;
  private final List<Received> received = new ArrayList<>();
  private volatile Function<Received, Answer> behaviour = r -> Answer.ok();

  LocalInvokeApiStandIn(String functionName) throws IOException {
    this.functionName = functionName;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(2));
    server.createContext("/", this::handle);
    server.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  void behave(Function<Received, Answer> behaviour) {
    this.behaviour = behaviour;
  }

  /** What the function was handed (accepted or failed), in order. */
  synchronized List<Received> received() {
    return List.copyOf(received);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      if (!"POST".equals(exchange.getRequestMethod())
          || !path.startsWith(PREFIX)
          || !path.endsWith("/invocations")) {
        error(exchange, 404, "UnknownOperationException", "Unknown operation " + path);
        return;
      }
      String name =
          URLDecoder.decode(
              path.substring(PREFIX.length(), path.length() - "/invocations".length()),
              StandardCharsets.UTF_8);
      if (!name.equals(functionName) && !name.endsWith(":function:" + functionName)) {
        error(exchange, 404, "ResourceNotFoundException", "Function not found: " + name);
        return;
      }
      String type = exchange.getRequestHeaders().getFirst("X-Amz-Invocation-Type");
      type = type == null ? "RequestResponse" : type;
      byte[] payload = exchange.getRequestBody().readAllBytes();
      if ("Event".equals(type) && payload.length > ASYNC_LIMIT) {
        error(
            exchange,
            413,
            "RequestTooLargeException",
            "Request must be smaller than 1048576 bytes for the InvokeFunction operation");
        return;
      }
      String context = exchange.getRequestHeaders().getFirst("X-Amz-Client-Context");
      String contextJson =
          context == null
              ? null
              : new String(Base64.getDecoder().decode(context), StandardCharsets.UTF_8);
      Received invocation = new Received(name, type, payload, contextJson);
      Answer answer = behaviour.apply(invocation);
      if (answer.errorType() != null) {
        error(exchange, answer.status(), answer.errorType(), answer.errorType());
        return;
      }
      synchronized (this) {
        received.add(invocation);
      }
      if ("Event".equals(type)) {
        exchange.sendResponseHeaders(202, -1);
        return;
      }
      if (answer.functionError() != null) {
        exchange.getResponseHeaders().set("X-Amz-Function-Error", answer.functionError());
      }
      exchange.getResponseHeaders().set("X-Amz-Executed-Version", "$LATEST");
      byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    }
  }

  private static void error(HttpExchange exchange, int status, String type, String message)
      throws IOException {
    byte[] body =
        ("{\"Type\":\"User\",\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("x-amzn-ErrorType", type);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}

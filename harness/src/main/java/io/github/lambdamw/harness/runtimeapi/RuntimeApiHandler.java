package io.github.lambdamw.harness.runtimeapi;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import io.github.lambdamw.harness.internal.Exchanges;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The Lambda Runtime API (version 2018-06-01), as the runtime interface client calls it: {@code GET
 * /runtime/invocation/next}, {@code POST /runtime/invocation/{id}/response|error}, {@code POST
 * /runtime/init/error}, and SnapStart's {@code GET /runtime/restore/next} and {@code POST
 * /runtime/restore/error} (see {@link SnapStartRestore}). Each {@code next} holds its thread until
 * an event comes, so several loops of a multi-concurrency runtime can poll at once.
 */
final class RuntimeApiHandler {

  static final String PREFIX = "/2018-06-01/runtime/";
  private static final String INVOCATION = "invocation/";
  private static final String ERROR_TYPE = "Lambda-Runtime-Function-Error-Type";
  private static final byte[] ACCEPTED = "{\"status\":\"OK\"}".getBytes(StandardCharsets.UTF_8);

  private final Invocations invocations;
  private final String functionArn;
  private final SnapStartRestore snapStart;

  RuntimeApiHandler(Invocations invocations, String functionArn, SnapStartRestore snapStart) {
    this.invocations = invocations;
    this.functionArn = functionArn;
    this.snapStart = snapStart;
  }

  void handle(HttpExchange exchange, String path) throws IOException {
    String method = exchange.getRequestMethod();
    String rest = path.substring(PREFIX.length());
    if ("GET".equals(method) && rest.equals(INVOCATION + "next")) {
      next(exchange);
    } else if ("GET".equals(method) && rest.equals("restore/next")) {
      try {
        snapStart.awaitRestore();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        exchange.close();
        return;
      }
      Exchanges.send(exchange, 200, new byte[0]);
    } else if ("POST".equals(method) && rest.equals("restore/error")) {
      Exchanges.body(exchange);
      snapStart.restoreErrors.incrementAndGet();
      Exchanges.send(exchange, 202, ACCEPTED);
    } else if ("POST".equals(method) && rest.equals("init/error")) {
      byte[] body = Exchanges.body(exchange);
      invocations.initError(new InitError(exchange.getRequestHeaders().getFirst(ERROR_TYPE), body));
      Exchanges.send(exchange, 202, ACCEPTED);
    } else if ("POST".equals(method) && rest.startsWith(INVOCATION) && rest.endsWith("/response")) {
      String id = rest.substring(INVOCATION.length(), rest.length() - "/response".length());
      answer(exchange, invocations.respond(id, Exchanges.body(exchange)));
    } else if ("POST".equals(method) && rest.startsWith(INVOCATION) && rest.endsWith("/error")) {
      String id = rest.substring(INVOCATION.length(), rest.length() - "/error".length());
      String errorType = exchange.getRequestHeaders().getFirst(ERROR_TYPE);
      answer(exchange, invocations.fail(id, errorType, Exchanges.body(exchange)));
    } else {
      Exchanges.send(
          exchange,
          404,
          LambdaErrors.runtimeError(
              "InvalidRequest", "Unknown runtime API path: " + method + " " + path));
    }
  }

  private void next(HttpExchange exchange) throws IOException {
    Invocation invocation;
    try {
      invocation = invocations.next();
    } catch (InterruptedException e) {
      // The server is closing.
      Thread.currentThread().interrupt();
      exchange.close();
      return;
    }
    Headers headers = exchange.getResponseHeaders();
    headers.set("Content-Type", "application/json");
    headers.set("Lambda-Runtime-Aws-Request-Id", invocation.requestId);
    headers.set("Lambda-Runtime-Deadline-Ms", Long.toString(invocation.deadlineMs));
    headers.set("Lambda-Runtime-Invoked-Function-Arn", functionArn);
    headers.set("Lambda-Runtime-Trace-Id", invocation.traceId);
    if (invocation.clientContext != null) {
      headers.set("Lambda-Runtime-Client-Context", invocation.clientContext);
    }
    if (invocation.cognitoIdentity != null) {
      headers.set("Lambda-Runtime-Cognito-Identity", invocation.cognitoIdentity);
    }
    try {
      exchange.sendResponseHeaders(
          200, invocation.payload.length == 0 ? -1 : invocation.payload.length);
      exchange.getResponseBody().write(invocation.payload);
      exchange.close();
    } catch (IOException e) {
      // The poller went away (its runtime was killed): the event belongs to the next poll.
      invocations.requeue(invocation);
      throw e;
    }
  }

  private static void answer(HttpExchange exchange, boolean known) throws IOException {
    if (known) {
      Exchanges.send(exchange, 202, ACCEPTED);
    } else {
      Exchanges.send(
          exchange, 400, LambdaErrors.runtimeError("InvalidRequestID", "Invalid request ID"));
    }
  }
}

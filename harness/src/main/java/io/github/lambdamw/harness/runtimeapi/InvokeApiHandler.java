package io.github.lambdamw.harness.runtimeapi;

import com.fasterxml.jackson.jr.ob.JSON;
import com.sun.net.httpserver.HttpExchange;
import io.github.lambdamw.harness.internal.Exchanges;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ExecutionException;

/**
 * The Lambda Invoke API ({@code POST /2015-03-31/functions/{name}/invocations}) for the one
 * function this server runs, enough for the SDK's {@code LambdaClient.invoke}: RequestResponse,
 * Event and DryRun, the client context, and Lambda's payload limits and error shapes.
 */
final class InvokeApiHandler {

  static final String PREFIX = "/2015-03-31/functions/";
  private static final String SUFFIX = "/invocations";

  /** Lambda's limits on the request payload: 6 MB synchronous, 1 MB asynchronous. */
  private static final int SYNC_LIMIT = 6 * 1024 * 1024;

  private static final int ASYNC_LIMIT = 1024 * 1024;

  private final LocalLambda lambda;

  InvokeApiHandler(LocalLambda lambda) {
    this.lambda = lambda;
  }

  void handle(HttpExchange exchange, String rawPath) throws IOException {
    if (!"POST".equals(exchange.getRequestMethod()) || !rawPath.endsWith(SUFFIX)) {
      error(exchange, 404, "UnknownOperationException", "Unknown operation " + rawPath);
      return;
    }
    String name =
        URLDecoder.decode(
            rawPath.substring(PREFIX.length(), rawPath.length() - SUFFIX.length()),
            StandardCharsets.UTF_8);
    String qualifier = queryParameter(exchange, "Qualifier");
    if (!lambda.answersTo(name) || (qualifier != null && !"$LATEST".equals(qualifier))) {
      error(
          exchange,
          404,
          "ResourceNotFoundException",
          "Function not found: "
              + lambda.functionArn()
              + (qualifier == null ? "" : ":" + qualifier));
      return;
    }
    byte[] payload = Exchanges.body(exchange);
    String type = exchange.getRequestHeaders().getFirst("X-Amz-Invocation-Type");
    if (type == null) {
      type = "RequestResponse";
    }
    if (!isJson(payload)) {
      error(
          exchange,
          400,
          "InvalidRequestContentException",
          "Could not parse request body into json: Unexpected character");
      return;
    }
    String clientContext;
    try {
      clientContext = clientContext(exchange);
    } catch (IllegalArgumentException e) {
      error(
          exchange,
          400,
          "InvalidRequestContentException",
          "Client context must be a valid Base64-encoded JSON object.");
      return;
    }
    switch (type) {
      case "RequestResponse" -> requestResponse(exchange, payload, clientContext);
      case "Event" -> event(exchange, payload, clientContext);
      case "DryRun" -> {
        exchange.getResponseHeaders().set("x-amzn-RequestId", LocalLambda.newRequestId());
        Exchanges.send(exchange, 204, new byte[0]);
      }
      default ->
          error(
              exchange,
              400,
              "InvalidParameterValueException",
              "Unsupported invocation type: " + type);
    }
  }

  private void requestResponse(HttpExchange exchange, byte[] payload, String clientContext)
      throws IOException {
    if (payload.length > SYNC_LIMIT) {
      error(
          exchange,
          413,
          "RequestTooLargeException",
          "Request must be smaller than " + SYNC_LIMIT + " bytes for the InvokeFunction operation");
      return;
    }
    Invocation invocation =
        lambda.submit(
            payload, LocalLambda.newRequestId(), clientContext, traceHeader(exchange), 200);
    InvokeResult result;
    try {
      // No wait limit here: the function's timeout completes it, and the SDK has its own timeouts.
      result = invocation.result.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exchange.close();
      return;
    } catch (ExecutionException e) {
      throw new IOException(e.getCause());
    }
    exchange.getResponseHeaders().set("x-amzn-RequestId", result.requestId());
    exchange.getResponseHeaders().set("X-Amz-Executed-Version", "$LATEST");
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    if (result.functionError() != null) {
      exchange.getResponseHeaders().set("X-Amz-Function-Error", result.functionError());
    }
    Exchanges.send(exchange, 200, result.payload());
  }

  private void event(HttpExchange exchange, byte[] payload, String clientContext)
      throws IOException {
    if (payload.length > ASYNC_LIMIT) {
      error(
          exchange,
          413,
          "RequestTooLargeException",
          "Request must be smaller than " + ASYNC_LIMIT + " bytes for the InvokeAsync operation");
      return;
    }
    Invocation invocation =
        lambda.submit(
            payload, LocalLambda.newRequestId(), clientContext, traceHeader(exchange), 202);
    exchange.getResponseHeaders().set("x-amzn-RequestId", invocation.requestId);
    Exchanges.send(exchange, 202, new byte[0]);
  }

  private static String clientContext(HttpExchange exchange) {
    String encoded = exchange.getRequestHeaders().getFirst("X-Amz-Client-Context");
    if (encoded == null || encoded.isEmpty()) {
      return null;
    }
    // Lambda hands the runtime the decoded JSON, not the base64 the caller sent.
    return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
  }

  private static String traceHeader(HttpExchange exchange) {
    return exchange.getRequestHeaders().getFirst("X-Amzn-Trace-Id");
  }

  private static boolean isJson(byte[] payload) {
    if (payload.length == 0) {
      return true;
    }
    try {
      JSON.std.anyFrom(payload);
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static String queryParameter(HttpExchange exchange, String name) {
    String query = exchange.getRequestURI().getRawQuery();
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  private static void error(HttpExchange exchange, int status, String type, String message)
      throws IOException {
    exchange.getResponseHeaders().set("x-amzn-RequestId", LocalLambda.newRequestId());
    exchange.getResponseHeaders().set("x-amzn-ErrorType", type);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    Exchanges.send(exchange, status, LambdaErrors.invokeError(message));
  }
}

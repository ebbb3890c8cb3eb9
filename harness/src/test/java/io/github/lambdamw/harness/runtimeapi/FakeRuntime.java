package io.github.lambdamw.harness.runtimeapi;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

/** A runtime played by the test: raw Runtime API calls, as the RIC makes them. */
final class FakeRuntime {

  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;

  FakeRuntime(LocalLambda lambda) {
    this.base = "http://" + lambda.runtimeApiAddress() + "/2018-06-01/runtime/";
  }

  CompletableFuture<HttpResponse<byte[]>> next() {
    return http.sendAsync(
        HttpRequest.newBuilder(URI.create(base + "invocation/next")).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  int respond(String requestId, String body) throws IOException, InterruptedException {
    return post("invocation/" + requestId + "/response", body, null);
  }

  int error(String requestId, String errorType, String body)
      throws IOException, InterruptedException {
    return post("invocation/" + requestId + "/error", body, errorType);
  }

  int initError(String errorType, String body) throws IOException, InterruptedException {
    return post("init/error", body, errorType);
  }

  private int post(String path, String body, String errorType)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (errorType != null) {
      request.header("Lambda-Runtime-Function-Error-Type", errorType);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}

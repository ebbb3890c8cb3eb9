package io.github.lambdamw.benchmarks.probes;

import io.github.lambdamw.agent.internal.http.HttpTransport;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The agent's request sent as an agent built on {@code java.net.http} would send it: one {@code
 * HttpClient} (HTTP/1.1, which AWS's JSON endpoints speak, the JVM's default TLS context, no
 * redirects, its connect timeout) and the request's own timeout, both the agent's SSM timeout.
 */
final class HttpClientPost {
  private HttpClientPost() {}

  /** The value of the parameter, or fails. */
  static String send(SignedGetParameter request) throws IOException, InterruptedException {
    Duration timeout = Duration.ofMillis(request.timeoutMillis);
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(timeout)
            .build();
    HttpRequest.Builder post =
        HttpRequest.newBuilder(request.uri)
            .timeout(timeout)
            .POST(HttpRequest.BodyPublishers.ofByteArray(request.body))
            .header("User-Agent", HttpTransport.USER_AGENT);
    for (Map.Entry<String, String> header : request.headers.entrySet()) {
      post.header(header.getKey(), header.getValue());
    }
    HttpResponse<byte[]> answer =
        client.send(post.build(), HttpResponse.BodyHandlers.ofByteArray());
    return SignedGetParameter.value(answer.statusCode(), answer.body());
  }
}

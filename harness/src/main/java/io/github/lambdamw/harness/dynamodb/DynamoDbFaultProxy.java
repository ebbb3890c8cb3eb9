package io.github.lambdamw.harness.dynamodb;

import com.sun.net.httpserver.HttpExchange;
import io.github.lambdamw.harness.internal.Exchanges;
import io.github.lambdamw.harness.internal.LoopbackServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP proxy in front of a DynamoDB endpoint (dynoxide) that injects what a real DynamoDB or its
 * network may do: throttling ({@code ProvisionedThroughputExceededException}, HTTP 400, as DynamoDB
 * answers it), latency before a request reaches the table, latency after the table has written but
 * before the caller hears of it, and dropped connections. Point a function's {@code
 * AWS_ENDPOINT_URL_DYNAMODB} at {@link #endpoint()}; with no fault set it forwards every request
 * unchanged (the {@code x-amz-crc32} checksum included). Thread-safe; faults can change at any
 * time.
 */
public final class DynamoDbFaultProxy implements AutoCloseable {

  static final byte[] THROTTLED =
      ("{\"__type\":\"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException\","
              + "\"message\":\"The level of configured provisioned throughput for the table was"
              + " exceeded. Consider increasing your provisioning level with the UpdateTable API.\"}")
          .getBytes(StandardCharsets.UTF_8);

  /** Headers the JDK's client sets itself and refuses from callers. */
  private static final Set<String> RESTRICTED =
      Set.of("host", "content-length", "connection", "expect", "upgrade", "transfer-encoding");

  private final URI target;
  private final HttpClient client;
  private final LoopbackServer server;

  private volatile boolean throttleAll;
  private final AtomicInteger throttleNext = new AtomicInteger();
  private volatile boolean dropAll;
  private volatile Duration delayRequests = Duration.ZERO;
  private volatile Duration delayResponses = Duration.ZERO;
  private volatile int pauseAfter = Integer.MAX_VALUE;
  private volatile java.util.concurrent.CountDownLatch paused =
      new java.util.concurrent.CountDownLatch(1);

  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger forwarded = new AtomicInteger();
  private final AtomicInteger throttled = new AtomicInteger();
  private final AtomicInteger dropped = new AtomicInteger();

  private DynamoDbFaultProxy(URI target) {
    this.target = Objects.requireNonNull(target);
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    this.server = LoopbackServer.start("dynamodb-fault-proxy", this::handle);
  }

  /** Starts a proxy forwarding to {@code target} (e.g. {@code dynoxide.endpoint()}). */
  public static DynamoDbFaultProxy start(URI target) {
    return new DynamoDbFaultProxy(target);
  }

  /** {@code http://127.0.0.1:port}: the value for {@code AWS_ENDPOINT_URL_DYNAMODB}. */
  public URI endpoint() {
    return server.endpoint();
  }

  /** While on, every request is answered with throttling and never reaches the table. */
  public DynamoDbFaultProxy throttleAll(boolean on) {
    throttleAll = on;
    return this;
  }

  /** The next {@code count} requests are answered with throttling. */
  public DynamoDbFaultProxy throttleNext(int count) {
    throttleNext.set(count);
    return this;
  }

  /**
   * While on, every connection is closed without an answer (the request never reaches the table).
   */
  public DynamoDbFaultProxy dropAll(boolean on) {
    dropAll = on;
    return this;
  }

  /** Each request waits this long before it is forwarded (zero for none). */
  public DynamoDbFaultProxy delayRequests(Duration delay) {
    delayRequests = Objects.requireNonNull(delay);
    return this;
  }

  /** Each answer waits this long after the table has handled the request (zero for none). */
  public DynamoDbFaultProxy delayResponses(Duration delay) {
    delayResponses = Objects.requireNonNull(delay);
    return this;
  }

  /**
   * Requests after the next {@code count} wait, unanswered and not forwarded, until {@link
   * #dropPaused()}: a process killed in the middle of a multi-request write leaves exactly the
   * first {@code count} requests done.
   */
  public DynamoDbFaultProxy pauseAfterNext(int count) {
    paused = new java.util.concurrent.CountDownLatch(1);
    pauseAfter = requests.get() + count;
    return this;
  }

  /** Lets paused requests go, dropped: they never reach the table. Ends the pause. */
  public DynamoDbFaultProxy dropPaused() {
    pauseAfter = Integer.MAX_VALUE;
    paused.countDown();
    return this;
  }

  /** Clears every fault; the counters stay. */
  public DynamoDbFaultProxy clearFaults() {
    throttleAll = false;
    throttleNext.set(0);
    dropAll = false;
    delayRequests = Duration.ZERO;
    delayResponses = Duration.ZERO;
    dropPaused();
    return this;
  }

  /** Requests received. */
  public int requests() {
    return requests.get();
  }

  /** Requests that reached the table (delayed ones count once forwarded). */
  public int forwarded() {
    return forwarded.get();
  }

  /** Requests answered with throttling. */
  public int throttled() {
    return throttled.get();
  }

  /** Connections closed without an answer. */
  public int dropped() {
    return dropped.get();
  }

  /**
   * Waits until at least {@code count} requests were received; false when they were not in time.
   */
  public boolean awaitRequests(int count, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    while (requests.get() < count) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      sleep(Duration.ofMillis(5));
    }
    return true;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      int number = requests.incrementAndGet();
      byte[] body = Exchanges.body(exchange);
      if (number > pauseAfter) {
        paused.await();
        dropped.incrementAndGet();
        return;
      }
      if (dropAll) {
        dropped.incrementAndGet();
        return; // closed below without an answer
      }
      if (throttleAll || throttleNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        throttled.incrementAndGet();
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
        Exchanges.send(exchange, 400, THROTTLED);
        return;
      }
      sleep(delayRequests);
      HttpResponse<byte[]> response = forward(exchange, body);
      forwarded.incrementAndGet();
      sleep(delayResponses);
      for (Map.Entry<String, List<String>> header : response.headers().map().entrySet()) {
        String name = header.getKey().toLowerCase(Locale.ROOT);
        if (!RESTRICTED.contains(name) && !name.startsWith(":") && !name.equals("date")) {
          exchange.getResponseHeaders().put(header.getKey(), header.getValue());
        }
      }
      Exchanges.send(exchange, response.statusCode(), response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      exchange.close();
    }
  }

  private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().getRawPath()))
            .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
    for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
      if (!RESTRICTED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
        for (String value : header.getValue()) {
          request.header(header.getKey(), value);
        }
      }
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static void sleep(Duration delay) {
    if (delay.isZero()) {
      return;
    }
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.close();
    client.close();
  }
}

package io.github.lambdamw.agent.internal.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.github.lambdamw.agent.internal.AgentConfig;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Which SSM answers count as throttling (retried on WindowCache's schedule) and which as a definite
 * answer (the fail mode), against a real HTTP server answering as SSM does.
 */
class SsmWindowSourceTest {
  private HttpServer server;
  private final AtomicInteger calls = new AtomicInteger();

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  /**
   * A source with a generous timeout (the machine may be busy), against a server answering {@code
   * status, body}.
   */
  private SsmWindowSource answering(int status, String body, long delayMillis) throws Exception {
    return answering(status, body, delayMillis, 5_000);
  }

  private SsmWindowSource answering(int status, String body, long delayMillis, long timeoutMillis)
      throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          calls.incrementAndGet();
          exchange.getRequestBody().readAllBytes();
          try {
            Thread.sleep(delayMillis);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
    return source("http://127.0.0.1:" + server.getAddress().getPort(), timeoutMillis);
  }

  private static SsmWindowSource source(String endpoint, long timeoutMillis) {
    Map<String, String> env = new HashMap<>();
    env.put("AWS_REGION", "us-east-1");
    env.put("AWS_ACCESS_KEY_ID", "AKIDTEST");
    env.put("AWS_SECRET_ACCESS_KEY", "secret");
    env.put("AWS_ENDPOINT_URL_SSM", endpoint);
    env.put(AgentConfig.SSM_TIMEOUT_MILLIS, Long.toString(timeoutMillis));
    return new SsmWindowSource(AgentConfig.from(env), env);
  }

  @Test
  void ssmsThrottlingAnswer_http400ThrottlingException_isThrottled_andNotRetriedHere()
      throws Exception {
    SsmWindowSource source =
        answering(400, "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}", 0);

    assertThatThrownBy(source::read)
        .isInstanceOfSatisfying(WindowReadException.class, e -> assertThat(e.throttled()).isTrue())
        .hasMessageContaining("ThrottlingException");
    assertThat(calls).as("WindowCache owns the retries of a throttle").hasValue(1);
  }

  @Test
  void http429_andServerFaults_areThrottled() throws Exception {
    assertThatThrownBy(answering(429, "", 0)::read)
        .isInstanceOfSatisfying(WindowReadException.class, e -> assertThat(e.throttled()).isTrue());
    stop();
    assertThatThrownBy(answering(503, "{\"__type\":\"ServiceUnavailable\"}", 0)::read)
        .isInstanceOfSatisfying(WindowReadException.class, e -> assertThat(e.throttled()).isTrue());
  }

  @Test
  void anAnswerNotInTime_isThrottled_notUnreachable() throws Exception {
    SsmWindowSource source = answering(200, "{\"Parameter\":{\"Value\":\"x\"}}", 2_000, 300);

    assertThatThrownBy(source::read)
        .isInstanceOfSatisfying(WindowReadException.class, e -> assertThat(e.throttled()).isTrue())
        .hasMessageContaining("did not answer in time");
  }

  @Test
  void aMissingParameter_orARefusal_isADefiniteAnswer() throws Exception {
    assertThatThrownBy(answering(400, "{\"__type\":\"ParameterNotFound\"}", 0)::read)
        .isInstanceOfSatisfying(WindowReadException.class, e -> assertThat(e.throttled()).isFalse())
        .hasMessageContaining("does not exist");
    stop();
    assertThatThrownBy(
            answering(400, "{\"__type\":\"AccessDeniedException\",\"message\":\"no\"}", 0)::read)
        .isInstanceOfSatisfying(
            WindowReadException.class, e -> assertThat(e.throttled()).isFalse());
  }

  @Test
  void aRefusedConnection_isUnreachable_andTriedTwice() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }

    assertThatThrownBy(source("http://127.0.0.1:" + port, 5_000)::read)
        .isInstanceOfSatisfying(WindowReadException.class, e -> assertThat(e.throttled()).isFalse())
        .hasMessageContaining("could not be reached");
  }
}

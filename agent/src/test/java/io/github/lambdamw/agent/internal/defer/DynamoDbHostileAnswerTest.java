package io.github.lambdamw.agent.internal.defer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.github.lambdamw.agent.MaintenanceWindowDeferralException;
import io.github.lambdamw.agent.internal.AgentConfig;
import io.github.lambdamw.agent.internal.invocation.Invocation;
import io.github.lambdamw.agent.internal.invocation.TestInvocations;
import io.github.lambdamw.window.WindowStatus;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A DynamoDB endpoint that answers a server fault whose body holds a number beyond a decimal (issue
 * 12): the store retries as for any server fault, then fails with its documented exception; nothing
 * else leaves it.
 */
class DynamoDbHostileAnswerTest {
  private HttpServer server;

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void aServerFaultWithAnUnreadableNumber_isRetried_thenFailsWithTheDocumentedException()
      throws Exception {
    AtomicInteger calls = new AtomicInteger();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          calls.incrementAndGet();
          exchange.getRequestBody().readAllBytes();
          byte[] body = "{\"__type\":1e9999999999}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(500, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    Map<String, String> env =
        Map.of(
            "AWS_REGION", "eu-west-1",
            "AWS_ACCESS_KEY_ID", "AKIDEXAMPLE",
            "AWS_SECRET_ACCESS_KEY", "secret",
            "AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:" + server.getAddress().getPort());
    DynamoDbDeferralStore store = new DynamoDbDeferralStore(AgentConfig.from(env), env);
    Instant now = Instant.now();
    Invocation invocation =
        TestInvocations.due("request-1", now.toEpochMilli() + 3_000, new byte[] {'{', '}'});

    assertThatThrownBy(
            () -> store.store(invocation, WindowStatus.open(now, null, null, null, "test"), now))
        .isInstanceOf(MaintenanceWindowDeferralException.class)
        .hasMessageContaining("HTTP 500 UnknownError: {\"__type\":1e9999999999}")
        .hasMessageContaining("after 3 attempts");
    assertThat(calls).hasValue(3);
  }
}

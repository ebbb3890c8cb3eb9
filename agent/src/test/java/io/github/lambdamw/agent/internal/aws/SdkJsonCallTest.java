package io.github.lambdamw.agent.internal.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.github.lambdamw.agent.internal.http.DrippingServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The call for environments without Lambda's credential variables: credentials from the SDK's chain
 * (here its first link, the {@code aws.*} system properties), signed and sent as the agent's own
 * calls are, with the same deadline.
 */
class SdkJsonCallTest {
  @BeforeEach
  void credentials() {
    System.setProperty("aws.accessKeyId", "AKIDFROMTHECHAIN");
    System.setProperty("aws.secretAccessKey", "secret-from-the-chain");
    System.setProperty("aws.sessionToken", "token-from-the-chain");
  }

  @AfterEach
  void clear() {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
    System.clearProperty("aws.sessionToken");
  }

  @Test
  void theChainsCredentials_signTheRequest() throws Exception {
    List<com.sun.net.httpserver.Headers> received = new CopyOnWriteArrayList<>();
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
    server.createContext(
        "/",
        exchange -> {
          received.add(exchange.getRequestHeaders());
          exchange.getRequestBody().readAllBytes();
          byte[] answer = "{\"Parameter\":{\"Value\":\"v\"}}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.start();
    try {
      AwsEnvironment environment =
          new AwsEnvironment(
              Map.of(
                  "AWS_REGION",
                  "eu-west-3",
                  "AWS_ENDPOINT_URL_SSM",
                  "http://127.0.0.1:" + server.getAddress().getPort()));
      JsonCall call =
          JsonCall.forService(environment, JsonCall.Protocol.SSM, Duration.ofSeconds(5));

      JsonCall.Response response = call.call("GetParameter", "{\"Name\":\"p\"}");

      assertThat(call).isInstanceOf(SdkJsonCall.class);
      assertThat(response.status()).isEqualTo(200);
      assertThat(received.get(0).getFirst("Authorization"))
          .startsWith("AWS4-HMAC-SHA256 Credential=AKIDFROMTHECHAIN/")
          .contains("/eu-west-3/ssm/aws4_request");
      assertThat(received.get(0).getFirst("X-Amz-Security-Token"))
          .isEqualTo("token-from-the-chain");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aDrippingEndpoint_endsTheCallAtItsDeadline() throws Exception {
    try (DrippingServer ssm =
        DrippingServer.answering("{\"Parameter\":{\"Value\":\"dripped\"}}", 200)) {
      AwsEnvironment environment =
          new AwsEnvironment(
              Map.of("AWS_REGION", "eu-west-3", "AWS_ENDPOINT_URL_SSM", ssm.endpoint().toString()));
      JsonCall call =
          JsonCall.forService(environment, JsonCall.Protocol.SSM, Duration.ofSeconds(1));
      long start = System.nanoTime();

      assertThatThrownBy(() -> call.call("GetParameter", "{\"Name\":\"p\"}"))
          .isInstanceOf(SocketTimeoutException.class);
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(1_600);
    }
  }
}

package io.github.lambdamw.agent.internal.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The signed call end to end against a real HTTP server: what the service receives, and what the
 * caller gets back.
 */
class SigV4JsonCallTest {
  private static final AwsEnvironment.Credentials CREDENTIALS =
      new AwsEnvironment.Credentials(
          "AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "FwoG//token==");

  private HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();

  /** A request as the server saw it. */
  private record Received(String method, String target, Map<String, String> headers, byte[] body) {}

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private URI serve(int status, String answer) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", exchange -> answer(exchange, status, answer));
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ignored/path");
  }

  private void answer(HttpExchange exchange, int status, String answer) throws IOException {
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    exchange
        .getRequestHeaders()
        .forEach((name, values) -> headers.put(name, String.join(",", values)));
    received.add(
        new Received(
            exchange.getRequestMethod(),
            exchange.getRequestURI().toString(),
            headers,
            exchange.getRequestBody().readAllBytes()));
    byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private static SigV4JsonCall call(URI endpoint) {
    return new SigV4JsonCall(
        endpoint, "eu-west-3", JsonCall.Protocol.SSM, CREDENTIALS, Duration.ofSeconds(5));
  }

  @Test
  void theServiceReceives_aRequestWhoseSignatureMatchesWhatItReceived() throws IOException {
    URI endpoint = serve(200, "{\"Parameter\":{\"Value\":\"fenêtre\"}}");

    JsonCall.Response response =
        call(endpoint).call("GetParameter", "{\"Name\":\"maintenance-window é\"}");

    assertThat(response)
        .isEqualTo(new JsonCall.Response(200, "{\"Parameter\":{\"Value\":\"fenêtre\"}}"));
    Received request = received.get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.target()).isEqualTo("/");
    assertThat(new String(request.body(), StandardCharsets.UTF_8))
        .isEqualTo("{\"Name\":\"maintenance-window é\"}");
    assertThat(request.headers().get("Host"))
        .isEqualTo("127.0.0.1:" + server.getAddress().getPort());
    assertThat(request.headers().get("User-Agent")).isEqualTo("lambda-mw-agent");
    // Signed again from what arrived (Host included): the service would compute the same signature.
    Map<String, String> signed = new LinkedHashMap<>();
    signed.put("Content-Type", request.headers().get("Content-Type"));
    signed.put("X-Amz-Target", request.headers().get("X-Amz-Target"));
    signed.put("Host", request.headers().get("Host"));
    long signedAt =
        LocalDateTime.parse(
                request.headers().get("X-Amz-Date"),
                DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"))
            .toInstant(ZoneOffset.UTC)
            .toEpochMilli();
    Map<String, String> expected =
        SigV4.sign("POST", "/", signed, request.body(), "eu-west-3", "ssm", CREDENTIALS, signedAt);
    assertThat(request.headers().get("Authorization")).isEqualTo(expected.get("Authorization"));
    assertThat(request.headers().get("X-Amz-Security-Token")).isEqualTo("FwoG//token==");
    assertThat(request.headers().get("X-Amz-Target")).isEqualTo("AmazonSSM.GetParameter");
  }

  @Test
  void anErrorAnswer_isAResponse_withItsBody() throws IOException {
    URI endpoint =
        serve(400, "{\"__type\":\"com.amazonaws.ssm#ParameterNotFound\",\"message\":\"\"}");

    JsonCall.Response response = call(endpoint).call("GetParameter", "{}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).contains("ParameterNotFound");
  }

  @Test
  void callsInARow_shareOneConnection() throws IOException {
    URI endpoint = serve(200, "{}");
    List<Integer> ports = new CopyOnWriteArrayList<>();
    server.removeContext("/");
    server.createContext(
        "/",
        exchange -> {
          ports.add(exchange.getRemoteAddress().getPort());
          answer(exchange, 200, "{}");
        });
    SigV4JsonCall call = call(endpoint);

    for (int i = 0; i < 3; i++) {
      call.call("GetParameter", "{}");
    }

    assertThat(ports).hasSize(3).containsOnly(ports.get(0));
  }

  @Test
  void anUnreachableService_isAnIOException() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }

    assertThatThrownBy(
            () -> call(URI.create("http://127.0.0.1:" + port)).call("GetParameter", "{}"))
        .isInstanceOf(IOException.class);
  }

  @Test
  void withAProxyConfigured_theCallGoesThroughTheProxy() throws IOException {
    // The proxy: sees the absolute target and the signed Host, answers for the service behind it.
    serve(200, "{\"via\":\"proxy\"}");
    String proxyPort = String.valueOf(server.getAddress().getPort());
    Map<String, String> saved = new LinkedHashMap<>();
    for (String property : List.of("http.proxyHost", "http.proxyPort", "http.nonProxyHosts")) {
      saved.put(property, System.getProperty(property));
    }
    System.setProperty("http.proxyHost", "127.0.0.1");
    System.setProperty("http.proxyPort", proxyPort);
    System.setProperty("http.nonProxyHosts", "");
    try {
      JsonCall.Response response =
          call(URI.create("http://ssm.eu-west-3.example.invalid:8080")).call("GetParameter", "{}");

      assertThat(response.body()).isEqualTo("{\"via\":\"proxy\"}");
      assertThat(received.get(0).target()).isEqualTo("http://ssm.eu-west-3.example.invalid:8080/");
      assertThat(received.get(0).headers().get("Host"))
          .isEqualTo("ssm.eu-west-3.example.invalid:8080");
    } finally {
      saved.forEach(
          (property, value) -> {
            if (value == null) {
              System.clearProperty(property);
            } else {
              System.setProperty(property, value);
            }
          });
    }
  }
}

package io.github.lambdamw.agent.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The agent's requests through {@code HttpURLConnection}, against the JDK's HTTP server and against
 * scripted answers the JDK's server will not send. Reuse of connections is the JDK's keep-alive
 * cache; these tests hold what the agent relies on.
 */
class HttpTransportTest {
  private static final int TIMEOUT = 5_000;
  private final List<AutoCloseable> toClose = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable closeable : toClose) {
      closeable.close();
    }
  }

  private static Map<String, String> headers() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/x-amz-json-1.1");
    headers.put("X-Amz-Target", "AmazonSSM.GetParameter");
    headers.put(
        "Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20261127/eu-west-3/ssm/aws4_request");
    return headers;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(HttpAnswer answer) {
    return new String(answer.body(), StandardCharsets.UTF_8);
  }

  private HttpServer httpServer() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.setExecutor(Executors.newCachedThreadPool());
    toClose.add(() -> server.stop(0));
    return server;
  }

  private static URI endpoint(HttpServer server) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private static String hostHeader(HttpServer server) {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  private ScriptedServer scripted(ScriptedServer.Script script) throws IOException {
    ScriptedServer server = ScriptedServer.start(script);
    toClose.add(server);
    return server;
  }

  private static HttpTransport client(ScriptedServer server) {
    return new HttpTransport(server.endpoint());
  }

  // --- against the JDK's HTTP server ---

  @Test
  void aContentLengthAnswer_isReadWhole_andTheRequestCarriesExactlyTheHeadersGiven()
      throws IOException {
    HttpServer server = httpServer();
    Map<String, Object> seen = new ConcurrentHashMap<>();
    byte[] answer = utf8("{\"Parameter\":{\"Value\":\"fenêtre\"}}");
    server.createContext(
        "/",
        exchange -> {
          seen.put("method", exchange.getRequestMethod());
          seen.put("path", exchange.getRequestURI().toString());
          Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
          headers.putAll(exchange.getRequestHeaders());
          seen.put("headers", headers);
          seen.put(
              "body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          exchange.sendResponseHeaders(200, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.start();
    HttpTransport client = new HttpTransport(endpoint(server));

    HttpAnswer result =
        client.post(headers(), utf8("{\"Name\":\"maintenance-window é\"}"), TIMEOUT);

    assertThat(result.status()).isEqualTo(200);
    assertThat(text(result)).isEqualTo("{\"Parameter\":{\"Value\":\"fenêtre\"}}");
    assertThat(seen.get("method")).isEqualTo("POST");
    assertThat(seen.get("path")).isEqualTo("/");
    assertThat(seen.get("body")).isEqualTo("{\"Name\":\"maintenance-window é\"}");
    @SuppressWarnings("unchecked")
    Map<String, List<String>> headers = (Map<String, List<String>>) seen.get("headers");
    assertThat(headers.get("Host")).containsExactly(hostHeader(server));
    assertThat(headers.get("Content-Type")).containsExactly("application/x-amz-json-1.1");
    assertThat(headers.get("X-Amz-Target")).containsExactly("AmazonSSM.GetParameter");
    assertThat(headers.get("Authorization"))
        .singleElement()
        .asString()
        .startsWith("AWS4-HMAC-SHA256 Credential=AKID/");
    assertThat(headers.get("Content-Length"))
        .containsExactly(String.valueOf(utf8("{\"Name\":\"maintenance-window é\"}").length));
    assertThat(headers.get("User-Agent")).containsExactly("lambda-mw-agent");
  }

  @Test
  void aChunkedAnswer_isJoined() throws IOException {
    HttpServer server = httpServer();
    byte[] answer = new byte[300_000];
    new Random(7).nextBytes(answer);
    server.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          exchange.sendResponseHeaders(200, 0); // 0: chunked
          try (OutputStream out = exchange.getResponseBody()) {
            for (int offset = 0; offset < answer.length; offset += 70_001) {
              out.write(answer, offset, Math.min(70_001, answer.length - offset));
              out.flush();
            }
          }
        });
    server.start();
    HttpTransport client = new HttpTransport(endpoint(server));

    HttpAnswer result = client.post(headers(), utf8("{}"), TIMEOUT);

    assertThat(result.status()).isEqualTo(200);
    assertThat(result.body()).isEqualTo(answer);
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {400, 403, 500, 503})
  void errorStatuses_comeBackWithTheirBodies_fixedOrChunked(int status) throws IOException {
    HttpServer server = httpServer();
    byte[] error =
        utf8(
            "{\"__type\":\"com.amazonaws.ssm#ThrottlingException\",\"message\":\"Rate exceeded\"}");
    server.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          boolean chunked =
              exchange.getRequestHeaders().getFirst("X-Amz-Target").endsWith("Chunked");
          exchange.sendResponseHeaders(status, chunked ? 0 : error.length);
          exchange.getResponseBody().write(error);
          exchange.close();
        });
    server.start();
    HttpTransport client = new HttpTransport(endpoint(server));
    Map<String, String> chunked = headers();
    chunked.put("X-Amz-Target", "AmazonSSM.Chunked");

    HttpAnswer fixed = client.post(headers(), utf8("{}"), TIMEOUT);
    HttpAnswer joined = client.post(chunked, utf8("{}"), TIMEOUT);

    assertThat(fixed.status()).isEqualTo(status);
    assertThat(fixed.body()).isEqualTo(error);
    assertThat(joined.status()).isEqualTo(status);
    assertThat(joined.body()).isEqualTo(error);
  }

  @Test
  void sequentialCalls_reuseOneConnection_ofTheJdkServer() throws IOException {
    HttpServer server = httpServer();
    Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    server.createContext(
        "/",
        exchange -> {
          clientPorts.add(exchange.getRemoteAddress().getPort());
          exchange.getRequestBody().readAllBytes();
          exchange.sendResponseHeaders(200, 2);
          exchange.getResponseBody().write(utf8("{}"));
          exchange.close();
        });
    server.start();
    HttpTransport client = new HttpTransport(endpoint(server));

    for (int i = 0; i < 5; i++) {
      assertThat(client.post(headers(), utf8("{}"), TIMEOUT).status()).isEqualTo(200);
    }

    assertThat(clientPorts).hasSize(1);
  }

  // --- against scripted answers ---

  @Test
  void sequentialCalls_shareOneConnection() throws IOException {
    ScriptedServer server = scripted(exchange -> exchange.ok("{\"n\":" + exchange.request + "}"));
    HttpTransport client = client(server);

    for (int i = 1; i <= 5; i++) {
      assertThat(text(client.post(headers(), utf8("{}"), TIMEOUT))).isEqualTo("{\"n\":" + i + "}");
    }

    assertThat(server.connections()).isEqualTo(1);
  }

  @Test
  void aConnectionOpenedAhead_isTheOneTheNextCallUses() throws IOException {
    ScriptedServer server =
        scripted(
            exchange -> {
              if (exchange.head.startsWith("HEAD ")) {
                exchange.write(
                    "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"); // HEAD: the head, no body
              } else {
                exchange.ok("{}");
              }
            });
    HttpTransport client = client(server);

    client.connectAhead(TIMEOUT);
    long deadline = System.nanoTime() + 2_000_000_000L;
    while (server.connections() < 1 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(server.connections()).as("opened before any call").isEqualTo(1);
    client.post(headers(), utf8("{}"), TIMEOUT);
    client.post(headers(), utf8("{}"), TIMEOUT);

    assertThat(server.connections()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "HTTP/1.1 200 OK\r\nConnection: close",
        "HTTP/1.1 200 OK\r\nconnection: Close",
        "HTTP/1.1 200 OK\r\nCONNECTION: keep-alive, CLOSE",
        "HTTP/1.0 200 OK"
      })
  void anAnswerThatEndsTheConnection_inAnyCase_isHonoured(String head) throws IOException {
    // The server does not close at once: a client that ignored the header would send its next
    // request on it.
    ScriptedServer server =
        scripted(exchange -> exchange.write(head + "\r\nContent-Length: 2\r\n\r\n{}"));
    HttpTransport client = client(server);

    for (int i = 0; i < 3; i++) {
      assertThat(text(client.post(headers(), utf8("{}"), TIMEOUT))).isEqualTo("{}");
    }

    assertThat(server.connections()).isEqualTo(3);
    assertThat(server.exchanges).allSatisfy(exchange -> assertThat(exchange.request).isEqualTo(1));
  }

  @Test
  void anHttp10AnswerWithKeepAlive_keepsTheConnection() throws IOException {
    ScriptedServer server =
        scripted(
            exchange ->
                exchange.write(
                    "HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 2\r\n\r\n{}"));
    HttpTransport client = client(server);

    client.post(headers(), utf8("{}"), TIMEOUT);
    client.post(headers(), utf8("{}"), TIMEOUT);

    assertThat(server.connections()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n",
        "HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nTransfer-Encoding: chunked\r\nContent-Length: 2\r\n\r\n"
            + "2\r\n{}\r\n0\r\n\r\n"
      })
  void anHttp10AnswerWithATransferCoding_isRead_butItsConnectionIsNotKept(String answer)
      throws IOException {
    // RFC 9112, section 6.1: its framing may be faulty, whatever it says about keep-alive.
    ScriptedServer server = scripted(exchange -> exchange.write(answer));
    HttpTransport client = client(server);

    assertThat(text(client.post(headers(), utf8("{}"), TIMEOUT))).isEqualTo("{}");
    assertThat(text(client.post(headers(), utf8("{}"), TIMEOUT))).isEqualTo("{}");

    assertThat(server.connections()).isEqualTo(2);
  }

  @Test
  void anUnrequestedRequestTimeoutOnAnIdleConnection_isNotTakenForTheNextCallsAnswer()
      throws Exception {
    CountDownLatch sent = new CountDownLatch(1);
    ScriptedServer server =
        scripted(
            exchange -> {
              exchange.ok("{\"connection\":" + exchange.connection + "}");
              if (exchange.connection == 1) {
                Thread.sleep(50);
                // What some servers send on an idle connection before they close it.
                exchange.write(
                    "HTTP/1.1 408 Request Timeout\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                sent.countDown();
              }
            });
    HttpTransport client = client(server);
    client.post(headers(), utf8("{}"), TIMEOUT);
    assertThat(sent.await(5, TimeUnit.SECONDS)).isTrue();
    Thread.sleep(50);

    HttpAnswer answer = client.post(headers(), utf8("{}"), TIMEOUT);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(text(answer)).isEqualTo("{\"connection\":2}");
  }

  @Test
  void anAnswerWithoutLength_isReadToTheEndOfTheStream_andItsConnectionIsNotKept()
      throws IOException {
    ScriptedServer server =
        scripted(
            exchange -> {
              exchange.write(
                  "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{\"until\":");
              exchange.write("\"the end\"}");
              exchange.close();
            });
    HttpTransport client = client(server);

    assertThat(text(client.post(headers(), utf8("{}"), TIMEOUT)))
        .isEqualTo("{\"until\":\"the end\"}");
    assertThat(text(client.post(headers(), utf8("{}"), TIMEOUT)))
        .isEqualTo("{\"until\":\"the end\"}");

    assertThat(server.connections()).isEqualTo(2);
  }

  @Test
  void chunkedWithExtensionsAndTrailers_isJoined_andTheConnectionIsKept() throws IOException {
    ScriptedServer server =
        scripted(
            exchange ->
                exchange.write(
                    "HTTP/1.1 200 OK\r\ntransfer-encoding: Chunked\r\n\r\n"
                        + "5;name=value\r\nhello\r\n"
                        + "7\r\n, world\r\n"
                        + "0\r\nX-Amz-Crc32: 12345\r\n\r\n"));
    HttpTransport client = client(server);

    assertThat(text(client.post(headers(), utf8("{}"), TIMEOUT))).isEqualTo("hello, world");
    assertThat(text(client.post(headers(), utf8("{}"), TIMEOUT))).isEqualTo("hello, world");

    assertThat(server.connections()).isEqualTo(1);
  }

  @Test
  void aRedirect_isTheAnswer_notFollowed() throws IOException {
    ScriptedServer elsewhere = scripted(exchange -> exchange.ok("{\"followed\":true}"));
    ScriptedServer server =
        scripted(
            exchange ->
                exchange.write(
                    "HTTP/1.1 307 Temporary Redirect\r\nLocation: "
                        + elsewhere.endpoint()
                        + "/\r\nContent-Length: 0\r\n\r\n"));
    HttpTransport client = client(server);

    assertThat(client.post(headers(), utf8("{}"), TIMEOUT).status()).isEqualTo(307);
    assertThat(elsewhere.requests()).isZero();
  }

  @Test
  void interimAnswers_areSkipped() throws IOException {
    // Not 103 Early Hints: JDK 17's HttpURLConnection takes it for the answer (no AWS endpoint
    // sends one).
    ScriptedServer server =
        scripted(
            exchange ->
                exchange.write(
                    "HTTP/1.1 100 Continue\r\n\r\n"
                        + "HTTP/1.1 201 Created\r\nContent-Length: 4\r\n\r\ndone"));
    HttpTransport client = client(server);

    HttpAnswer answer = client.post(headers(), utf8("{}"), TIMEOUT);

    assertThat(answer.status()).isEqualTo(201);
    assertThat(text(answer)).isEqualTo("done");
  }

  @ParameterizedTest(name = "closed with {0}")
  @ValueSource(strings = {"FIN", "RST"})
  void aKeptConnectionTheServerClosed_isReplaced_andTheCallSucceeds(String how) throws Exception {
    CountDownLatch closed = new CountDownLatch(1);
    ScriptedServer server =
        scripted(
            exchange -> {
              exchange.ok("{\"connection\":" + exchange.connection + "}");
              if (exchange.connection == 1) {
                Thread.sleep(50); // the client has the answer and keeps the connection
                if (how.equals("RST")) {
                  exchange.reset();
                } else {
                  exchange.close();
                }
                closed.countDown();
              }
            });
    HttpTransport client = client(server);
    assertThat(text(client.post(headers(), utf8("{}"), TIMEOUT))).isEqualTo("{\"connection\":1}");
    assertThat(closed.await(5, TimeUnit.SECONDS)).isTrue();
    Thread.sleep(50); // the FIN or RST has arrived

    assertThat(text(client.post(headers(), utf8("{}"), TIMEOUT))).isEqualTo("{\"connection\":2}");
    assertThat(server.connections()).isEqualTo(2);
  }

  @Test
  void aKeptConnectionClosedAtTheMomentTheRequestArrives_isReplaced() throws Exception {
    // The server's idle timeout strikes as the request is on its way: read, then closed without an
    // answer.
    ScriptedServer server =
        scripted(
            exchange -> {
              if (exchange.connection == 1 && exchange.request == 2) {
                exchange.close();
              } else {
                exchange.ok("{\"connection\":" + exchange.connection + "}");
              }
            });
    HttpTransport client = client(server);
    client.post(headers(), utf8("{}"), TIMEOUT);

    assertThat(text(client.post(headers(), utf8("{}"), TIMEOUT))).isEqualTo("{\"connection\":2}");
    assertThat(server.connections()).isEqualTo(2);
  }

  @Test
  void aNewConnectionClosedWithoutAnswer_isAnIOException_afterOneMoreTryAtMost()
      throws IOException {
    // The JDK sends a request once more when a connection closes before any answer: safe for the
    // agent's calls.
    ScriptedServer server = scripted(ScriptedServer.Exchange::close);
    HttpTransport client = client(server);

    assertThatThrownBy(() -> client.post(headers(), utf8("{}"), TIMEOUT))
        .isInstanceOf(IOException.class);
    assertThat(server.requests()).isBetween(1, 2);
  }

  @Test
  void aKeptConnectionFailing_isRetriedOnce_notMore() throws IOException {
    ScriptedServer server =
        scripted(
            exchange -> {
              if (exchange.connection == 1 && exchange.request == 1) {
                exchange.ok("{}");
              } else {
                exchange.close(); // every later request: dropped without an answer
              }
            });
    HttpTransport client = client(server);
    client.post(headers(), utf8("{}"), TIMEOUT);

    assertThatThrownBy(() -> client.post(headers(), utf8("{}"), TIMEOUT))
        .isInstanceOf(IOException.class);
    assertThat(server.requests())
        .isEqualTo(3); // the first call, the kept connection, one new connection
    assertThat(server.connections()).isEqualTo(2);
  }

  @Test
  void anEndpointThatNeverAnswers_timesOut() throws IOException {
    ScriptedServer server = scripted(ScriptedServer.Exchange::neverAnswer);
    HttpTransport client = client(server);
    long start = System.nanoTime();

    assertThatThrownBy(() -> client.post(headers(), utf8("{}"), 300))
        .isInstanceOf(SocketTimeoutException.class);
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(3_000);
  }

  @Test
  void aKeptConnectionThatStopsAnswering_timesOut_withoutARetry() throws IOException {
    // A retry would double the wait, and a slow server is not a closed connection.
    ScriptedServer server =
        scripted(
            exchange -> {
              if (exchange.request == 1) {
                exchange.ok("{}");
              } else {
                exchange.neverAnswer();
              }
            });
    HttpTransport client = client(server);
    client.post(headers(), utf8("{}"), TIMEOUT);

    assertThatThrownBy(() -> client.post(headers(), utf8("{}"), 300))
        .isInstanceOf(SocketTimeoutException.class);
    assertThat(server.connections()).isEqualTo(1);
  }

  @Test
  void aClosedPort_isAnIOException() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    HttpTransport client = new HttpTransport(URI.create("http://127.0.0.1:" + port));

    assertThatThrownBy(() -> client.post(headers(), utf8("{}"), TIMEOUT))
        .isInstanceOf(IOException.class);
  }

  @Test
  void manySmallChunks_areNotMistakenForAnOversizedHead() throws IOException {
    ScriptedServer server =
        scripted(
            exchange -> {
              StringBuilder answer =
                  new StringBuilder("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
              for (int i = 0; i < 20_000; i++) {
                answer.append("1\r\nx\r\n");
              }
              exchange.write(answer.append("0\r\n\r\n").toString());
            });
    HttpTransport client = client(server);

    assertThat(client.post(headers(), utf8("{}"), TIMEOUT).body()).hasSize(20_000);
  }

  @Test
  void anOversizedBody_isRefused_beforeItIsRead() throws IOException {
    ScriptedServer server =
        scripted(exchange -> exchange.write("HTTP/1.1 200 OK\r\nContent-Length: 40000000\r\n\r\n"));
    HttpTransport client = client(server);

    assertThatThrownBy(() -> client.post(headers(), utf8("{}"), TIMEOUT))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("40000000 bytes")
        .hasMessageContaining("exceeds");
  }

  @Test
  void anOversizedChunkedBody_isRefused() throws IOException {
    ScriptedServer server =
        scripted(
            exchange -> {
              exchange.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
              byte[] chunk = new byte[1 << 20];
              for (int i = 0; i < 40; i++) {
                exchange.write("100000\r\n");
                exchange.write(chunk);
                exchange.write("\r\n");
              }
            });
    HttpTransport client = client(server);

    assertThatThrownBy(() -> client.post(headers(), utf8("{}"), TIMEOUT))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("exceeds");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "HTTP/1.1 2OO OK",
        "SSH-2.0-OpenSSH_9.6",
        "HTTP/2 200",
        "HTTP/1.1 200OK",
        "\u0000\u0001"
      })
  void aMalformedStatusLine_isAnIOException(String statusLine) throws IOException {
    ScriptedServer server =
        scripted(exchange -> exchange.write(statusLine + "\r\nContent-Length: 0\r\n\r\n"));
    HttpTransport client = client(server);

    assertThatThrownBy(() -> client.post(headers(), utf8("{}"), TIMEOUT))
        .isInstanceOf(IOException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\u0000"));
    assertThat(server.connections()).isEqualTo(1); // the answer had started: no retry
  }

  @Test
  void aTruncatedBody_isAnIOException_andTheNextCallUsesANewConnection() throws IOException {
    ScriptedServer server =
        scripted(
            exchange -> {
              if (exchange.connection == 1) {
                exchange.write("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n{\"a\"");
                exchange.close();
              } else {
                exchange.ok("{}");
              }
            });
    HttpTransport client = client(server);

    assertThatThrownBy(() -> client.post(headers(), utf8("{}"), TIMEOUT))
        .isInstanceOf(
            IOException.class); // JDK 25's own "Premature EOF", or "4 of the 10 bytes" on JDK 17
    assertThat(text(client.post(headers(), utf8("{}"), TIMEOUT))).isEqualTo("{}");
    assertThat(server.connections()).isEqualTo(2);
  }

  @Test
  void conflictingContentLengths_areRefused() throws IOException {
    ScriptedServer server =
        scripted(
            exchange ->
                exchange.write(
                    "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}"));
    HttpTransport client = client(server);

    assertThatThrownBy(() -> client.post(headers(), utf8("{}"), TIMEOUT))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("Content-Length");
  }

  @ParameterizedTest
  @ValueSource(strings = {"token\r\nX-Injected: 1", "token\nX-Injected: 1", "token\r"})
  void headerValuesThatWouldBreakTheRequest_areRefused_beforeAnythingIsSent(String value)
      throws IOException {
    ScriptedServer server = scripted(exchange -> exchange.ok("{}"));
    HttpTransport client = client(server);
    Map<String, String> headers = headers();
    headers.put("X-Amz-Security-Token", value);

    assertThatThrownBy(() -> client.post(headers, utf8("{}"), TIMEOUT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("X-Amz-Security-Token")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("token"));
    assertThat(server.connections()).isZero();
  }

  @Test
  void headerNamesThatWouldBreakTheRequest_areRefused() throws IOException {
    ScriptedServer server = scripted(exchange -> exchange.ok("{}"));
    HttpTransport client = client(server);
    Map<String, String> headers = headers();
    headers.put("X-Bad\r\nX-Injected", "1");

    assertThatThrownBy(() -> client.post(headers, utf8("{}"), TIMEOUT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(server.connections()).isZero();
  }

  @Test
  void concurrentCalls_eachGetAConnection_andLaterCallsReuseThem() throws Exception {
    ScriptedServer server =
        scripted(
            exchange -> {
              Thread.sleep(200);
              exchange.ok("{}");
            });
    HttpTransport client = client(server);
    ExecutorService threads = Executors.newFixedThreadPool(4);
    toClose.add(threads::shutdownNow);

    for (int round = 0; round < 2; round++) {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> calls = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        calls.add(
            threads.submit(
                () -> {
                  start.await();
                  return client.post(headers(), utf8("{}"), TIMEOUT).status();
                }));
      }
      start.countDown();
      for (Future<Integer> call : calls) {
        assertThat(call.get(10, TimeUnit.SECONDS)).isEqualTo(200);
      }
    }

    assertThat(server.requests()).isEqualTo(8);
    assertThat(server.connections()).isEqualTo(4);
  }
}

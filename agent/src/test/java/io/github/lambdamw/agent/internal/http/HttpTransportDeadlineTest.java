package io.github.lambdamw.agent.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The timeout of a call bounds the whole call: connect, TLS handshake, request and the whole
 * answer. Servers that drip their answer one byte every 200 ms (each read then waits far less than
 * the timeout) or stall half-way must not keep a 1 s call going. Dripped whole, each answer here
 * would take 10 s or more.
 */
class HttpTransportDeadlineTest {
  private static final int DEADLINE_MILLIS = 1_000;

  /** The call ends at its deadline, give or take this machine's scheduling. */
  private static final long LATEST_END_MILLIS = 1_600;

  private static final String BODY = "{\"Parameter\":{\"Value\":\"a value dripped byte by byte\"}}";
  private static final String ANSWER =
      "HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.1\r\nContent-Length: "
          + BODY.length()
          + "\r\n\r\n"
          + BODY;

  @TempDir static Path temp;
  private static LocalhostCertificate certificate;
  private final List<AutoCloseable> toClose = new ArrayList<>();

  @BeforeAll
  static void certificate() throws Exception {
    certificate = LocalhostCertificate.create(temp);
  }

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable closeable : toClose) {
      closeable.close();
    }
  }

  private ScriptedServer plain(ScriptedServer.Script script) throws IOException {
    ScriptedServer server = ScriptedServer.start(script);
    toClose.add(server);
    return server;
  }

  private ScriptedServer tls(ScriptedServer.Script script) throws Exception {
    ScriptedServer server = ScriptedServer.start(certificate.serverSocket(), script);
    toClose.add(server);
    return server;
  }

  private static HttpTransport https(ScriptedServer server) {
    return new HttpTransport(server.endpoint("https", "localhost"), certificate.trustingIt);
  }

  /** Writes {@code text} one byte every 200 ms. */
  private static void drip(ScriptedServer.Exchange exchange, String text) throws Exception {
    for (byte b : text.getBytes(StandardCharsets.ISO_8859_1)) {
      exchange.write(new byte[] {b});
      Thread.sleep(200);
    }
  }

  private static Map<String, String> headers() {
    return Map.of(
        "Content-Type", "application/x-amz-json-1.1", "X-Amz-Target", "AmazonSSM.GetParameter");
  }

  /** Calls, expects a timeout, and returns how long the call took. */
  private static long timedOutCall(HttpTransport client) {
    long start = System.nanoTime();
    assertThatThrownBy(
            () -> client.post(headers(), "{}".getBytes(StandardCharsets.UTF_8), DEADLINE_MILLIS))
        .isInstanceOf(SocketTimeoutException.class);
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }

  @Test
  void aDrippedHead_endsTheCallAtItsDeadline() throws IOException {
    ScriptedServer server = plain(exchange -> drip(exchange, ANSWER));

    assertThat(timedOutCall(new HttpTransport(server.endpoint())))
        .isGreaterThanOrEqualTo(DEADLINE_MILLIS - 50)
        .isLessThan(LATEST_END_MILLIS);
  }

  @Test
  void aDrippedBody_endsTheCallAtItsDeadline() throws IOException {
    int head = ANSWER.indexOf("\r\n\r\n") + 4;
    ScriptedServer server =
        plain(
            exchange -> {
              exchange.write(ANSWER.substring(0, head));
              drip(exchange, ANSWER.substring(head));
            });

    assertThat(timedOutCall(new HttpTransport(server.endpoint())))
        .isGreaterThanOrEqualTo(DEADLINE_MILLIS - 50)
        .isLessThan(LATEST_END_MILLIS);
  }

  @Test
  void overTls_aDrippedHead_endsTheCallAtItsDeadline() throws Exception {
    ScriptedServer server = tls(exchange -> drip(exchange, ANSWER));

    assertThat(timedOutCall(https(server)))
        .isGreaterThanOrEqualTo(DEADLINE_MILLIS - 50)
        .isLessThan(LATEST_END_MILLIS);
  }

  /**
   * The head at once, then two bytes of the body up to 700 ms into the answer, then nothing: the
   * last read would wait a whole read timeout, until about 1.7 s into the call. The watchdog closes
   * the socket at 1 s instead.
   */
  private static void dripThenStall(ScriptedServer.Exchange exchange) throws Exception {
    int head = ANSWER.indexOf("\r\n\r\n") + 4;
    exchange.write(ANSWER.substring(0, head));
    for (int i = 0; i < 2; i++) {
      Thread.sleep(350);
      exchange.write(ANSWER.substring(head + i, head + i + 1));
    }
    exchange.neverAnswer();
  }

  @Test
  void overTls_aBodyThatStallsHalfWay_endsTheCallAtItsDeadline() throws Exception {
    ScriptedServer server = tls(HttpTransportDeadlineTest::dripThenStall);

    assertThat(timedOutCall(https(server)))
        .isGreaterThanOrEqualTo(DEADLINE_MILLIS - 50)
        .isLessThan(LATEST_END_MILLIS);
  }

  @Test
  void overTls_onAKeptConnection_aBodyThatStallsHalfWay_endsTheCallAtItsDeadline()
      throws Exception {
    // The socket was opened by the first call: the watchdog finds it by its TLS session.
    ScriptedServer server =
        tls(
            exchange -> {
              if (exchange.request == 1) {
                exchange.write(ANSWER);
              } else {
                dripThenStall(exchange);
              }
            });
    HttpTransport client = https(server);
    client.post(headers(), "{}".getBytes(StandardCharsets.UTF_8), DEADLINE_MILLIS);

    assertThat(timedOutCall(client))
        .isGreaterThanOrEqualTo(DEADLINE_MILLIS - 50)
        .isLessThan(LATEST_END_MILLIS);
    assertThat(server.connections()).isEqualTo(1);
  }

  @Test
  void overTls_onAConnectionOpenedAhead_aBodyThatStallsHalfWay_endsTheCallAtItsDeadline()
      throws Exception {
    ScriptedServer server =
        tls(
            exchange -> {
              if (exchange.head.startsWith("HEAD ")) {
                exchange.write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
              } else {
                dripThenStall(exchange);
              }
            });
    HttpTransport client = https(server);
    client.connectAhead(DEADLINE_MILLIS);

    assertThat(timedOutCall(client))
        .isGreaterThanOrEqualTo(DEADLINE_MILLIS - 50)
        .isLessThan(LATEST_END_MILLIS);
    assertThat(server.connections()).isEqualTo(1);
  }

  @Test
  void aTlsHandshakeThatNeverCompletes_endsTheCallAtItsDeadline() throws IOException {
    // A plain server under an https endpoint: it reads the ClientHello as a request head and never
    // answers.
    ScriptedServer server = plain(ScriptedServer.Exchange::neverAnswer);
    HttpTransport client =
        new HttpTransport(server.endpoint("https", "localhost"), certificate.trustingIt);

    assertThat(timedOutCall(client))
        .isGreaterThanOrEqualTo(DEADLINE_MILLIS - 50)
        .isLessThan(LATEST_END_MILLIS);
  }

  @Test
  void aConnectionOpenedAhead_isBoundedByItsDeadlineToo() throws IOException {
    ScriptedServer server =
        plain(exchange -> drip(exchange, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"));
    HttpTransport client = new HttpTransport(server.endpoint());
    long start = System.nanoTime();

    assertThatThrownBy(() -> client.connectAhead(DEADLINE_MILLIS))
        .isInstanceOf(SocketTimeoutException.class);
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start))
        .isLessThan(LATEST_END_MILLIS);
  }

  @Test
  void callsThatEndInTime_areLeftAlone_andKeepTheirConnection() throws Exception {
    // The watchdog must act on late calls only: a premature abort would fail a call or cost its
    // connection.
    ScriptedServer server =
        tls(
            exchange -> {
              Thread.sleep(20);
              exchange.write(ANSWER);
            });
    HttpTransport client = https(server);

    for (int i = 0; i < 20; i++) {
      assertThat(client.post(headers(), "{}".getBytes(StandardCharsets.UTF_8), 500).status())
          .isEqualTo(200);
    }
    Thread.sleep(600); // every call's deadline passed: nothing of them may be left to abort

    assertThat(client.post(headers(), "{}".getBytes(StandardCharsets.UTF_8), 500).status())
        .isEqualTo(200);
    assertThat(server.connections()).isEqualTo(1);
  }
}

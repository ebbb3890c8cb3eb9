package io.github.lambdamw.agent.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS through {@code HttpsURLConnection} against a real HTTPS server holding a certificate for
 * {@code localhost} only, trusted by the client's socket factory: a refusal can only be the host
 * name.
 */
class HttpTransportTlsTest {
  private static final Map<String, String> HEADERS =
      Map.of("Content-Type", "application/x-amz-json-1.1");

  @TempDir static Path temp;
  private static LocalhostCertificate certificate;
  private static HttpsServer server;
  private static final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();

  @BeforeAll
  static void start() throws Exception {
    certificate = LocalhostCertificate.create(temp);
    // Every interface: "localhost" may resolve to 127.0.0.1 or ::1.
    server = HttpsServer.create(new InetSocketAddress(0), 16);
    server.setHttpsConfigurator(new HttpsConfigurator(certificate.serverContext));
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(
        "/",
        exchange -> {
          clientPorts.add(exchange.getRemoteAddress().getPort());
          byte[] request = exchange.getRequestBody().readAllBytes();
          String echo = "{\"echo\":" + new String(request, StandardCharsets.UTF_8) + "}";
          byte[] answer = echo.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.start();
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  private static HttpTransport client(String host, SSLSocketFactory factory) {
    return new HttpTransport(
        URI.create("https://" + host + ":" + server.getAddress().getPort()), factory);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void theCertifiedHostName_isReached_overOneKeptConnection() throws IOException {
    clientPorts.clear();
    HttpTransport client = client("localhost", certificate.trustingIt);

    HttpAnswer first = client.post(HEADERS, utf8("{\"n\":1}"), 5_000);
    HttpAnswer second = client.post(HEADERS, utf8("{\"n\":2}"), 5_000);

    assertThat(first.status()).isEqualTo(200);
    assertThat(new String(first.body(), StandardCharsets.UTF_8)).isEqualTo("{\"echo\":{\"n\":1}}");
    assertThat(new String(second.body(), StandardCharsets.UTF_8)).isEqualTo("{\"echo\":{\"n\":2}}");
    assertThat(clientPorts).hasSize(1);
  }

  @Test
  void anAddressTheCertificateDoesNotName_isRefused_althoughTheCertificateIsTrusted() {
    // The same server, certificate and trust: only the name differs.
    HttpTransport client = client("127.0.0.1", certificate.trustingIt);

    assertThatThrownBy(() -> client.post(HEADERS, utf8("{}"), 5_000))
        .isInstanceOf(SSLHandshakeException.class)
        .hasRootCauseInstanceOf(CertificateException.class)
        .rootCause()
        .hasMessageContaining("127.0.0.1");
  }

  @Test
  void theHostName_isChecked_evenWhenTheFunctionInstalledAVerifierThatAcceptsAnyName() {
    // Some functions do this for their own connections; it must not weaken the agent's.
    HostnameVerifier previous = HttpsURLConnection.getDefaultHostnameVerifier();
    HttpsURLConnection.setDefaultHostnameVerifier(new AnyName());
    try {
      HttpTransport client = client("127.0.0.1", certificate.trustingIt);

      assertThatThrownBy(() -> client.post(HEADERS, utf8("{}"), 5_000))
          .isInstanceOf(SSLHandshakeException.class)
          .hasRootCauseInstanceOf(CertificateException.class);
    } finally {
      HttpsURLConnection.setDefaultHostnameVerifier(previous);
    }
  }

  @Test
  void aCertificateTheJvmDoesNotTrust_isRefused() {
    HttpTransport client = client("localhost", (SSLSocketFactory) SSLSocketFactory.getDefault());

    assertThatThrownBy(() -> client.post(HEADERS, utf8("{}"), 5_000))
        .isInstanceOf(SSLHandshakeException.class);
  }

  @Test
  void aKeptTlsConnectionTheServerClosed_isReplaced() throws Exception {
    try (ScriptedServer scripted =
        ScriptedServer.start(
            certificate.serverSocket(),
            exchange -> {
              exchange.ok("{\"connection\":" + exchange.connection + "}");
              if (exchange.connection == 1) {
                exchange.close(); // as a server's idle timeout would, once the answer is out
              }
            })) {
      HttpTransport client =
          new HttpTransport(scripted.endpoint("https", "localhost"), certificate.trustingIt);

      assertThat(new String(client.post(HEADERS, utf8("{}"), 5_000).body(), StandardCharsets.UTF_8))
          .isEqualTo("{\"connection\":1}");
      Thread.sleep(100);
      assertThat(new String(client.post(HEADERS, utf8("{}"), 5_000).body(), StandardCharsets.UTF_8))
          .isEqualTo("{\"connection\":2}");
      assertThat(scripted.connections()).isEqualTo(2);
    }
  }

  @Test
  void aTlsConnectionOpenedAhead_handshakeIncluded_isTheOneTheNextCallUses() throws Exception {
    try (ScriptedServer scripted =
        ScriptedServer.start(
            certificate.serverSocket(),
            exchange -> {
              if (exchange.head.startsWith("HEAD ")) {
                exchange.write(
                    "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"); // any status will do
              } else {
                exchange.ok("{}");
              }
            })) {
      HttpTransport client =
          new HttpTransport(scripted.endpoint("https", "localhost"), certificate.trustingIt);

      client.connectAhead(5_000);
      assertThat(scripted.connections()).isEqualTo(1);
      assertThat(client.post(HEADERS, utf8("{}"), 5_000).status()).isEqualTo(200);

      assertThat(scripted.connections()).isEqualTo(1);
      assertThat(scripted.requests()).isEqualTo(2);
    }
  }

  @Test
  void withAnHttpsProxyConfigured_theCallTunnelsThroughIt_andTheHostNameIsStillChecked()
      throws Exception {
    Map<String, String> saved = new java.util.LinkedHashMap<>();
    for (String property : List.of("https.proxyHost", "https.proxyPort", "http.nonProxyHosts")) {
      saved.put(property, System.getProperty(property));
    }
    try (ConnectProxy proxy = new ConnectProxy()) {
      System.setProperty("https.proxyHost", "127.0.0.1");
      System.setProperty("https.proxyPort", String.valueOf(proxy.port()));
      System.setProperty("http.nonProxyHosts", ""); // the default leaves localhost out
      int port = server.getAddress().getPort();

      HttpAnswer answer =
          client("localhost", certificate.trustingIt).post(HEADERS, utf8("{\"n\":1}"), 5_000);

      assertThat(new String(answer.body(), StandardCharsets.UTF_8))
          .isEqualTo("{\"echo\":{\"n\":1}}");
      assertThat(proxy.requestLines).containsExactly("CONNECT localhost:" + port + " HTTP/1.1");
      assertThatThrownBy(
              () -> client("127.0.0.1", certificate.trustingIt).post(HEADERS, utf8("{}"), 5_000))
          .isInstanceOf(SSLHandshakeException.class)
          .hasRootCauseInstanceOf(CertificateException.class);
      assertThat(proxy.requestLines).hasSize(2);
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

  private static final class AnyName implements HostnameVerifier {
    @Override
    public boolean verify(String hostname, javax.net.ssl.SSLSession session) {
      return true;
    }
  }
}

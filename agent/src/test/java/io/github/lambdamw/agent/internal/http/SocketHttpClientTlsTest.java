package io.github.lambdamw.agent.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS against a real HTTPS server holding a throwaway certificate for {@code localhost} only (made with the JDK's
 * keytool): the certificate is trusted by the client's socket factory, so a failure can only be the host name.
 */
class SocketHttpClientTlsTest {
  private static final char[] PASSWORD = "changeit".toCharArray();
  private static final Map<String, String> HEADERS = Map.of("Content-Type", "application/x-amz-json-1.1");

  @TempDir static Path temp;
  private static SSLContext serverContext;
  private static SSLSocketFactory trustingTheCertificate;
  private static HttpsServer server;
  private static final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();

  @BeforeAll
  static void start() throws Exception {
    Path keyStoreFile = temp.resolve("localhost.p12");
    Process keytool =
        new ProcessBuilder(
                Paths.get(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "localhost", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keyStoreFile.toString(),
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
            .redirectErrorStream(true)
            .start();
    String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(keytool.exitValue()).as(output).isZero();

    KeyStore keyStore = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keyStoreFile)) {
      keyStore.load(in, PASSWORD);
    }
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(keyStore, PASSWORD);
    serverContext = SSLContext.getInstance("TLS");
    serverContext.init(keys.getKeyManagers(), null, null);
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(keyStore);
    SSLContext clientContext = SSLContext.getInstance("TLS");
    clientContext.init(null, trust.getTrustManagers(), null);
    trustingTheCertificate = clientContext.getSocketFactory();

    // Every interface: "localhost" may resolve to 127.0.0.1 or ::1.
    server = HttpsServer.create(new InetSocketAddress(0), 16);
    server.setHttpsConfigurator(new HttpsConfigurator(serverContext));
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", exchange -> {
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

  private static SocketHttpClient client(String host, SSLSocketFactory factory) {
    int port = server.getAddress().getPort();
    return new SocketHttpClient(
        URI.create("https://" + host + ":" + port), host + ":" + port, factory, SocketHttpClient.MAX_IDLE_MILLIS);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void theCertifiedHostName_isReached_overOneKeptConnection() throws IOException {
    clientPorts.clear();
    SocketHttpClient client = client("localhost", trustingTheCertificate);
    try {
      HttpAnswer first = client.post(HEADERS, utf8("{\"n\":1}"), 5_000);
      HttpAnswer second = client.post(HEADERS, utf8("{\"n\":2}"), 5_000);

      assertThat(first.status()).isEqualTo(200);
      assertThat(new String(first.body(), StandardCharsets.UTF_8)).isEqualTo("{\"echo\":{\"n\":1}}");
      assertThat(new String(second.body(), StandardCharsets.UTF_8)).isEqualTo("{\"echo\":{\"n\":2}}");
      assertThat(clientPorts).hasSize(1);
    } finally {
      client.closeIdle();
    }
  }

  @Test
  void anAddressTheCertificateDoesNotName_isRefused_althoughTheCertificateIsTrusted() {
    // The same server, certificate and trust: only the name differs. Without endpoint identification, an SSLSocket
    // would accept this certificate for any host.
    SocketHttpClient client = client("127.0.0.1", trustingTheCertificate);

    assertThatThrownBy(() -> client.post(HEADERS, utf8("{}"), 5_000))
        .isInstanceOf(SSLHandshakeException.class)
        .hasRootCauseInstanceOf(CertificateException.class)
        .rootCause()
        .hasMessageContaining("127.0.0.1");
  }

  @Test
  void aCertificateTheJvmDoesNotTrust_isRefused() {
    SocketHttpClient client = client("localhost", (SSLSocketFactory) SSLSocketFactory.getDefault());

    assertThatThrownBy(() -> client.post(HEADERS, utf8("{}"), 5_000)).isInstanceOf(SSLHandshakeException.class);
  }

  @Test
  void aKeptTlsConnectionTheServerClosed_isReplaced_andTheHostNameIsSentAsSni() throws Exception {
    List<String> serverNames = new CopyOnWriteArrayList<>();
    SSLServerSocket serverSocket = (SSLServerSocket) serverContext.getServerSocketFactory().createServerSocket();
    try (ScriptedServer scripted =
        ScriptedServer.start(
            ScriptedServer.bind(serverSocket),
            exchange -> {
              for (SNIServerName name :
                  ((ExtendedSSLSession) ((SSLSocket) exchange.socket).getSession()).getRequestedServerNames()) {
                serverNames.add(((SNIHostName) name).getAsciiName());
              }
              exchange.ok("{\"connection\":" + exchange.connection + "}");
              if (exchange.connection == 1) {
                exchange.close(); // as a server's idle timeout would, once the answer is out
              }
            })) {
      SocketHttpClient client =
          new SocketHttpClient(
              scripted.endpoint("https", "localhost"),
              "localhost:" + scripted.port(),
              trustingTheCertificate,
              SocketHttpClient.MAX_IDLE_MILLIS);
      try {
        assertThat(new String(client.post(HEADERS, utf8("{}"), 5_000).body(), StandardCharsets.UTF_8))
            .isEqualTo("{\"connection\":1}");
        Thread.sleep(100);
        assertThat(new String(client.post(HEADERS, utf8("{}"), 5_000).body(), StandardCharsets.UTF_8))
            .isEqualTo("{\"connection\":2}");
        assertThat(scripted.connections()).isEqualTo(2);
        assertThat(serverNames).containsExactly("localhost", "localhost");
      } finally {
        client.closeIdle();
      }
    }
  }
}

package io.github.lambdamw.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lambdamw.harness.function.JavaHome;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stand-in's files made for this JDK, tried in a real handshake: a server on loopback with the
 * key store, a client with the trust store a function would get.
 */
class StandInTlsTest {
  private static final JavaHome THIS_JDK = JavaHome.current();

  /** The default, shared: three RSA keys and nine keytool runs take a few seconds. */
  private static StandInTls awsLike;

  @TempDir Path dir;

  @BeforeAll
  static void makeTheDefaultFiles(@TempDir Path awsLikeDir) {
    awsLike =
        StandInTls.create(awsLikeDir, THIS_JDK, StandInTls.Cert.AWS_LIKE, StandInTls.Trust.FULL);
  }

  @Test
  void theAwsLikeStandInPresentsAnRsaLeafThenItsIntermediateUnderTheTrustedRoot() throws Exception {
    Certificate[] chain = handshake(awsLike.keyStore(), awsLike.trustManagers());

    assertThat(chain).hasSize(2);
    X509Certificate leaf = (X509Certificate) chain[0];
    X509Certificate intermediate = (X509Certificate) chain[1];
    assertThat(leaf.getSubjectX500Principal().getName()).isEqualTo("CN=localhost");
    assertThat(leaf.getIssuerX500Principal()).isEqualTo(intermediate.getSubjectX500Principal());
    assertThat(leaf.getPublicKey()).isInstanceOf(RSAPublicKey.class);
    assertThat(((RSAPublicKey) leaf.getPublicKey()).getModulus().bitLength()).isEqualTo(2048);
    assertThat(leaf.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1"); // serverAuth
    assertThat(leaf.getBasicConstraints()).isEqualTo(-1);
    assertThat(intermediate.getBasicConstraints()).isZero(); // a CA, path length 0
    assertThat(List.of(leaf.getSigAlgName(), intermediate.getSigAlgName()))
        .containsOnly("SHA256withRSA");

    List<X509Certificate> trusted = trustedCertificates(awsLike);
    X509Certificate root =
        trusted.stream()
            .filter(c -> c.getSubjectX500Principal().equals(intermediate.getIssuerX500Principal()))
            .findFirst()
            .orElseThrow();
    intermediate.verify(root.getPublicKey());
    assertThat(root.getIssuerX500Principal()).isEqualTo(root.getSubjectX500Principal());
    assertThat(root.getBasicConstraints()).isEqualTo(Integer.MAX_VALUE); // a CA, no path limit
    assertThat(trusted).doesNotContain(leaf, intermediate);
    // The full trust store is this JDK's cacerts plus the root.
    assertThat(trusted).hasSizeGreaterThan(100);
  }

  @Test
  void theMinimalTrustStoreHoldsTheRootAlone() throws Exception {
    StandInTls tls =
        StandInTls.create(dir, THIS_JDK, StandInTls.Cert.AWS_LIKE, StandInTls.Trust.MINIMAL);

    Certificate[] chain = handshake(tls.keyStore(), tls.trustManagers());

    X509Certificate intermediate = (X509Certificate) chain[1];
    assertThat(trustedCertificates(tls))
        .singleElement()
        .satisfies(
            root ->
                assertThat(root.getSubjectX500Principal())
                    .isEqualTo(intermediate.getIssuerX500Principal()));
  }

  @Test
  void aClientTrustingOnlyTheJdksCacertsRefusesTheAwsLikeStandIn() throws Exception {
    TrustManagerFactory jdkDefault =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    jdkDefault.init((KeyStore) null);

    assertThatThrownBy(() -> handshake(awsLike.keyStore(), jdkDefault.getTrustManagers()))
        .isInstanceOf(SSLHandshakeException.class);
  }

  @Test
  void theSelfSignedEcStandInPresentsOneEcCertificateTheFunctionTrustsDirectly() throws Exception {
    StandInTls tls =
        StandInTls.create(dir, THIS_JDK, StandInTls.Cert.SELF_SIGNED_EC, StandInTls.Trust.FULL);

    Certificate[] chain = handshake(tls.keyStore(), tls.trustManagers());

    assertThat(chain).hasSize(1);
    assertThat(chain[0].getPublicKey().getAlgorithm()).isEqualTo("EC");
    assertThat(trustedCertificates(tls)).contains((X509Certificate) chain[0]);
  }

  @Test
  void theCertChoiceIsNamedOnTheCommandLineAsInFileNames() {
    assertThat(StandInTls.Cert.parse("aws-like")).isEqualTo(StandInTls.Cert.AWS_LIKE);
    assertThat(StandInTls.Cert.parse("self-signed-ec")).isEqualTo(StandInTls.Cert.SELF_SIGNED_EC);
    assertThat(StandInTls.Cert.SELF_SIGNED_EC.id()).isEqualTo("self-signed-ec");
    assertThatThrownBy(() -> StandInTls.Cert.parse("rsa"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * One handshake on loopback, the server with {@code keyStore}'s key, the client with {@code
   * trust} and host name verification for {@code localhost}; returns the chain the server sent.
   */
  private static Certificate[] handshake(Path keyStore, TrustManager[] trust)
      throws IOException, GeneralSecurityException, InterruptedException {
    SSLContext server = SSLContext.getInstance("TLS");
    server.init(keyManagers(keyStore), null, null);
    SSLContext client = SSLContext.getInstance("TLS");
    client.init(null, trust, null);
    InetAddress loopback = InetAddress.getLoopbackAddress();
    try (SSLServerSocket listener =
        (SSLServerSocket) server.getServerSocketFactory().createServerSocket(0, 1, loopback)) {
      Thread serving = new Thread(() -> serveOne(listener), "stand-in-tls-test-server");
      serving.start();
      try (Socket plain = new Socket(loopback, listener.getLocalPort());
          SSLSocket socket =
              (SSLSocket)
                  client
                      .getSocketFactory()
                      .createSocket(plain, "localhost", listener.getLocalPort(), true)) {
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        return socket.getSession().getPeerCertificates();
      } finally {
        serving.join(10_000);
      }
    }
  }

  /** Answers one handshake; a refused one fails here too, and the client's side tells why. */
  private static void serveOne(ServerSocket listener) {
    try (Socket socket = listener.accept()) {
      socket.setSoTimeout(10_000);
      ((SSLSocket) socket).startHandshake();
      // Until the client closes: TLS 1.3 ends the server's handshake before the client's.
      socket.getInputStream().read();
    } catch (IOException e) {
      // The client's assertions tell.
    }
  }

  private static KeyManager[] keyManagers(Path keyStore)
      throws IOException, GeneralSecurityException {
    char[] password = StandInTls.PASSWORD.toCharArray();
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keyStore)) {
      store.load(in, password);
    }
    KeyManagerFactory factory =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(store, password);
    return factory.getKeyManagers();
  }

  private static List<X509Certificate> trustedCertificates(StandInTls tls) {
    return List.of(((X509TrustManager) tls.trustManagers()[0]).getAcceptedIssuers());
  }
}

package io.github.lambdamw.harness.ssm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;

/** LocalSsm over HTTPS, with a key pair made by this JDK's keytool. */
class LocalSsmTlsTest {

  private static final char[] PASSWORD = "changeit".toCharArray();

  @TempDir static Path dir;
  private static Path keyStore;
  private static LocalSsm ssm;

  @BeforeAll
  static void start() throws Exception {
    keyStore = LocalhostKeyStore.create(dir.resolve("key.p12"), PASSWORD);
    ssm = LocalSsm.builder().withTls(keyStore, PASSWORD).start();
  }

  @AfterAll
  static void stop() {
    ssm.close();
  }

  @Test
  void theEndpoint_isHttpsOnLocalhost_theNameInTheCertificate() {
    assertThat(ssm.endpoint().getScheme()).isEqualTo("https");
    assertThat(ssm.endpoint().getHost()).isEqualTo("localhost");
  }

  @Test
  void aClientThatTrustsTheCertificate_readsAParameter() throws Exception {
    ssm.put("over-tls", "2026-12-01T02:00:00Z,2026-12-01T06:00:00Z");

    try (SsmClient client = client(trusting(certificate()))) {
      assertThat(client.getParameter(b -> b.name("over-tls")).parameter().value())
          .isEqualTo("2026-12-01T02:00:00Z,2026-12-01T06:00:00Z");
    }
  }

  @Test
  void aClientWithTheJdkTrustStoreAlone_refusesTheServer() throws Exception {
    try (SsmClient client = client(trusting(null))) {
      assertThatThrownBy(() -> client.getParameter(b -> b.name("over-tls")))
          .isInstanceOf(SdkClientException.class)
          .hasStackTraceContaining("SSLHandshakeException");
    }
  }

  private static Certificate certificate() throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keyStore)) {
      store.load(in, PASSWORD);
    }
    return store.getCertificate("local-ssm");
  }

  /** Trust managers over {@code certificate} alone, or over the JDK's cacerts when null. */
  private static TrustManager[] trusting(Certificate certificate) throws Exception {
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    if (certificate == null) {
      factory.init((KeyStore) null);
    } else {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("local-ssm", certificate);
      factory.init(trust);
    }
    return factory.getTrustManagers();
  }

  private static SsmClient client(TrustManager[] trust) {
    return SsmClient.builder()
        .endpointOverride(ssm.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
        .httpClient(UrlConnectionHttpClient.builder().tlsTrustManagersProvider(() -> trust).build())
        .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1)))
        .build();
  }
}

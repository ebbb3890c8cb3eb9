package io.github.lambdamw.agent.internal.http;

import static io.github.lambdamw.agent.internal.http.ClientHelloTap.SECP256R1;
import static io.github.lambdamw.agent.internal.http.ClientHelloTap.X25519;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The key-exchange groups the agent's TLS connections offer ({@link KeyShareGroups}), read from the
 * ClientHellos a real JDK TLS server received ({@link ClientHelloTap}).
 */
class HttpTransportKeyShareTest {
  private static final Map<String, String> HEADERS =
      Map.of("Content-Type", "application/x-amz-json-1.1");
  private static final boolean JDK_20_ON = Runtime.version().feature() >= 20;

  @TempDir static Path temp;
  private static LocalhostCertificate certificate;

  @BeforeAll
  static void certificate() throws Exception {
    certificate = LocalhostCertificate.create(temp);
  }

  private static ScriptedServer echoServer(String... namedGroups) throws Exception {
    SSLServerSocket serverSocket = certificate.serverSocket();
    if (namedGroups.length > 0) {
      SSLParameters parameters = serverSocket.getSSLParameters();
      // JDK 20+ API; the tests that restrict the server's groups run there only.
      SSLParameters.class
          .getMethod("setNamedGroups", String[].class)
          .invoke(parameters, (Object) namedGroups);
      serverSocket.setSSLParameters(parameters);
    }
    return ScriptedServer.start(serverSocket, exchange -> exchange.ok("{\"answered\":true}"));
  }

  private static HttpTransport client(ClientHelloTap tap, KeyShareGroups groups) {
    return new HttpTransport(tap.endpoint("localhost"), certificate.trustingIt, groups);
  }

  private static String post(HttpTransport client) throws Exception {
    HttpAnswer answer = client.post(HEADERS, "{}".getBytes(StandardCharsets.UTF_8), 5_000);
    return answer.status() + " " + new String(answer.body(), StandardCharsets.UTF_8);
  }

  @Test
  void fromJdk20_theAgentsHandshake_offersX25519Alone_withOneKeyShare() throws Exception {
    assumeTrue(JDK_20_ON);
    try (ScriptedServer server = echoServer();
        ClientHelloTap tap = new ClientHelloTap(server.port())) {
      HttpTransport client = client(tap, new KeyShareGroups(null));

      assertThat(post(client)).isEqualTo("200 {\"answered\":true}");

      assertThat(tap.hellos)
          .containsExactly(new ClientHelloTap.Hello(List.of(X25519), List.of(X25519)));
    }
  }

  @Test
  void onJdk17_theJdksGroupsAreOffered_asWithoutTheAgent() throws Exception {
    assumeTrue(!JDK_20_ON);
    try (ScriptedServer server = echoServer();
        ClientHelloTap tap = new ClientHelloTap(server.port())) {
      HttpTransport client = client(tap, new KeyShareGroups(null));

      assertThat(post(client)).isEqualTo("200 {\"answered\":true}");

      assertThat(tap.hellos).hasSize(1);
      assertThat(tap.hellos.get(0).supportedGroups()).contains(X25519, SECP256R1);
      // JDK 17.0.15 makes the secp256r1 share too; there it costs nothing measurable (SsmReadCost).
      assertThat(tap.hellos.get(0).keyShares()).startsWith(X25519);
    }
  }

  @Test
  void
      aServerWithoutX25519_isAnsweredAfterOneRefusedHandshake_andLaterConnectionsOfferTheJdksGroups()
          throws Exception {
    assumeTrue(JDK_20_ON);
    KeyShareGroups groups = new KeyShareGroups(null);
    try (ScriptedServer server = echoServer("secp256r1");
        ClientHelloTap tap = new ClientHelloTap(server.port())) {
      assertThat(post(client(tap, groups))).isEqualTo("200 {\"answered\":true}");
      // A new transport: a connection of its own.
      assertThat(post(client(tap, groups))).isEqualTo("200 {\"answered\":true}");

      assertThat(tap.hellos).hasSize(3);
      assertThat(tap.hellos.get(0).supportedGroups()).containsExactly(X25519);
      assertThat(tap.hellos.get(1).supportedGroups()).contains(X25519, SECP256R1);
      assertThat(tap.hellos.get(2).supportedGroups()).contains(X25519, SECP256R1);
      assertThat(server.requests()).isEqualTo(2);
    }
  }

  @Test
  void aCertificateNotTrusted_isNotARefusedGroup_theCallIsNotMadeAgain() throws Exception {
    assumeTrue(JDK_20_ON);
    KeyShareGroups groups = new KeyShareGroups(null);
    try (ScriptedServer server = echoServer();
        ClientHelloTap tap = new ClientHelloTap(server.port())) {
      HttpTransport untrusting =
          new HttpTransport(
              tap.endpoint("localhost"), (SSLSocketFactory) SSLSocketFactory.getDefault(), groups);
      assertThatThrownBy(() -> post(untrusting)).isInstanceOf(SSLHandshakeException.class);

      assertThat(post(client(tap, groups))).isEqualTo("200 {\"answered\":true}");
      assertThat(tap.hellos).hasSize(2);
      assertThat(tap.hellos.get(1).supportedGroups()).containsExactly(X25519);
    }
  }

  @Test
  void groupsSetForTheJvm_areTheOnesOffered() throws Exception {
    assumeTrue(JDK_20_ON);
    try (ScriptedServer server = echoServer();
        ClientHelloTap tap = new ClientHelloTap(server.port())) {
      HttpTransport client = client(tap, new KeyShareGroups("secp256r1,x25519"));

      assertThat(post(client)).isEqualTo("200 {\"answered\":true}");

      assertThat(tap.hellos).hasSize(1);
      assertThat(tap.hellos.get(0).supportedGroups()).contains(X25519, SECP256R1);
      // The second key share, secp256r1, that narrowing saves from JDK 20 on.
      assertThat(tap.hellos.get(0).keyShares()).containsExactly(X25519, SECP256R1);
    }
  }

  @Test
  void fipsAndGovCloudEndpoints_keepTheJdksGroups_otherAwsEndpointsMayOfferX25519Alone() {
    KeyShareGroups groups = new KeyShareGroups(null);

    assertThat(groups.mayNarrow("ssm-fips.us-east-1.amazonaws.com")).isFalse();
    assertThat(groups.mayNarrow("dynamodb-fips.ca-central-1.amazonaws.com")).isFalse();
    assertThat(groups.mayNarrow("ssm.us-gov-west-1.amazonaws.com")).isFalse();
    assertThat(groups.mayNarrow("ssm.us-iso-east-1.c2s.ic.gov")).isFalse();
    assertThat(groups.mayNarrow("ssm.eu-west-1.amazonaws.com")).isEqualTo(JDK_20_ON);
    assertThat(groups.mayNarrow("vpce-0a1b-ssm.ssm.eu-west-1.vpce.amazonaws.com"))
        .isEqualTo(JDK_20_ON);
  }
}

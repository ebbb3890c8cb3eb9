package io.github.lambdamw.agent.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throwaway certificate for {@code localhost} only (made with the JDK's keytool), the server's
 * context holding it, and a client socket factory trusting exactly it: a failure against it can
 * only be the host name.
 */
final class LocalhostCertificate {
  private static final char[] PASSWORD = "changeit".toCharArray();

  final SSLContext serverContext;
  final SSLSocketFactory trustingIt;

  private LocalhostCertificate(SSLContext serverContext, SSLSocketFactory trustingIt) {
    this.serverContext = serverContext;
    this.trustingIt = trustingIt;
  }

  static LocalhostCertificate create(Path folder) throws Exception {
    Path keyStoreFile = folder.resolve("localhost.p12");
    Process keytool =
        new ProcessBuilder(
                Paths.get(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "localhost",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=dns:localhost",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                keyStoreFile.toString(),
                "-storepass",
                new String(PASSWORD),
                "-keypass",
                new String(PASSWORD))
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
    SSLContext serverContext = SSLContext.getInstance("TLS");
    serverContext.init(keys.getKeyManagers(), null, null);
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(keyStore);
    SSLContext clientContext = SSLContext.getInstance("TLS");
    clientContext.init(null, trust.getTrustManagers(), null);
    return new LocalhostCertificate(serverContext, clientContext.getSocketFactory());
  }

  /**
   * A TLS server socket with the certificate, bound to the loopback address, for {@link
   * ScriptedServer}.
   */
  SSLServerSocket serverSocket() throws Exception {
    return (SSLServerSocket)
        ScriptedServer.bind(serverContext.getServerSocketFactory().createServerSocket());
  }
}

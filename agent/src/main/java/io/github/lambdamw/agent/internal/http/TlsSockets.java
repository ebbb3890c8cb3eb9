package io.github.lambdamw.agent.internal.http;

import java.io.IOException;
import java.net.Socket;
import java.util.Collections;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * TLS over an already connected socket, checked as {@code HttpsURLConnection} checks it.
 *
 * <p>The socket is connected first, plain, so that the connect timeout applies (a factory's {@code createSocket(host,
 * port)} has none). Host-name verification is switched on explicitly: an {@code SSLSocket} checks the certificate's
 * chain but NOT that it names the host unless the endpoint identification algorithm is set; without it any
 * certificate from a trusted CA would do, for any host.
 */
final class TlsSockets {
  private TlsSockets() {}

  /**
   * The handshake done; closing the result closes {@code plain}. Reads during the handshake are bounded by {@code
   * plain}'s read timeout.
   *
   * @param host the host name or IP literal (without brackets) the certificate must name
   */
  static SSLSocket layer(SSLSocketFactory factory, Socket plain, String host, int port) throws IOException {
    SSLSocket tls = (SSLSocket) factory.createSocket(plain, host, port, true);
    try {
      SSLParameters parameters = tls.getSSLParameters();
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      SNIHostName serverName = serverName(host);
      if (serverName != null) {
        // The JDK sends SNI by itself only for names with a dot; a shared endpoint picks its certificate by it.
        parameters.setServerNames(Collections.singletonList(serverName));
      }
      tls.setSSLParameters(parameters);
      tls.startHandshake();
      return tls;
    } catch (IOException | RuntimeException e) {
      try {
        tls.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /** {@code null} for an IP literal (RFC 6066 forbids them in SNI) or a name SNI cannot carry. */
  static SNIHostName serverName(String host) {
    if (isIpLiteral(host)) {
      return null;
    }
    String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    try {
      return new SNIHostName(name);
    } catch (IllegalArgumentException e) {
      return null; // e.g. an underscore: the handshake goes on without SNI, as the JDK's own would
    }
  }

  /** IPv6 literals hold a colon; IPv4 literals are digits and dots only (no top-level domain is all digits). */
  static boolean isIpLiteral(String host) {
    if (host.indexOf(':') >= 0) {
      return true;
    }
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      if (c != '.' && (c < '0' || c > '9')) {
        return false;
      }
    }
    return !host.isEmpty();
  }
}

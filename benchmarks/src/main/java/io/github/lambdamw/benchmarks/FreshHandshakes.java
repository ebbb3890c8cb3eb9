package io.github.lambdamw.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

/**
 * Full TLS handshakes with a server, each on a new connection from a new client context, so none
 * resumes a session: what every cold function asks of the server.
 */
final class FreshHandshakes {
  private FreshHandshakes() {}

  /** Runs {@code count} handshakes with {@code endpoint} (https), verifying its host name. */
  static void run(URI endpoint, TrustManager[] trust, int count) {
    try {
      for (int i = 0; i < count; i++) {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust, null);
        try (SSLSocket socket =
            (SSLSocket)
                context.getSocketFactory().createSocket(endpoint.getHost(), endpoint.getPort())) {
          SSLParameters parameters = socket.getSSLParameters();
          parameters.setEndpointIdentificationAlgorithm("HTTPS");
          socket.setSSLParameters(parameters);
          socket.startHandshake();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("a TLS handshake with " + endpoint + " failed", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("no TLS client context", e);
    }
  }
}

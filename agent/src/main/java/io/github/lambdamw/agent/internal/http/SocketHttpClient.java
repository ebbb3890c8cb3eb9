package io.github.lambdamw.agent.internal.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.util.Map;
import javax.net.ssl.SSLSocketFactory;

/**
 * A minimal HTTP/1.1 client over {@code java.net.Socket} (TLS: {@code SSLSocket}) for the agent's AWS calls.
 *
 * <p>Why not {@code HttpURLConnection}: measured in a cold JVM with Lambda's flags on one CPU, the first POST through
 * it cost about twice a plain socket exchange, in class loading and static initialisation (the {@code sun.net.www}
 * stack, the proxy selector, {@code net.properties}, the keep-alive cache and its thread), and every guarded cold
 * start pays that. This client does only what the agent's calls need: one request at a time per connection, a
 * fixed-length body, answers delimited by Content-Length, chunked or the end of the stream.
 *
 * <p>Connections are kept alive in a small pool ({@link IdleConnections}). A kept connection the server has closed
 * in the meantime fails before any byte of the answer arrives; the request is then sent once more on a new
 * connection. That is safe for the agent's calls: a GetParameter reads, and a deferral's PutItem is conditional on
 * the request id (a repeated one changes nothing). A timeout is not retried: the server may just be slow, and the
 * caller's deadline is already spent. A new connection's failure is the caller's IOException.
 *
 * <p>Not for proxies: {@link HttpTransport#forEndpoint} hands those to {@link UrlConnectionTransport}.
 */
public final class SocketHttpClient implements HttpTransport {
  /** Concurrent calls past this many open connections of their own; their connections are closed after use. */
  static final int POOL_CAPACITY = 8;

  /** Below the idle timeouts of AWS endpoints and common servers (the JDK's HTTP server: 30 s). */
  static final long MAX_IDLE_MILLIS = 20_000;

  private final String host;
  private final int port;
  private final boolean https;
  private final String hostHeader;
  private final IdleConnections idle;
  private volatile SSLSocketFactory tlsFactory;

  /**
   * @param endpoint {@code http} or {@code https}; its path is ignored, requests go to "/"
   * @param hostHeader the {@code Host} value, as signed
   */
  public SocketHttpClient(URI endpoint, String hostHeader) {
    this(endpoint, hostHeader, null, MAX_IDLE_MILLIS);
  }

  /** @param tlsFactory {@code null} for the JVM's default, looked up at the first https connection */
  SocketHttpClient(URI endpoint, String hostHeader, SSLSocketFactory tlsFactory, long maxIdleMillis) {
    String scheme = endpoint.getScheme();
    String host = endpoint.getHost();
    if (host == null || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))) {
      throw new IllegalArgumentException("not a usable endpoint: " + endpoint);
    }
    this.https = "https".equalsIgnoreCase(scheme);
    // URI keeps an IPv6 literal's brackets; sockets and certificates want the address alone.
    this.host = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    this.port = endpoint.getPort() != -1 ? endpoint.getPort() : https ? 443 : 80;
    this.hostHeader = hostHeader;
    this.tlsFactory = tlsFactory;
    this.idle = new IdleConnections(POOL_CAPACITY, maxIdleMillis);
  }

  @Override
  public HttpAnswer post(Map<String, String> headers, byte[] body, int timeoutMillis) throws IOException {
    byte[] request = HttpRequest.post(hostHeader, USER_AGENT, headers, body);
    HttpConnection kept = idle.take();
    while (kept != null && kept.holdsUnrequestedBytes()) {
      kept.close();
      kept = idle.take();
    }
    IOException stale = null;
    if (kept != null) {
      try {
        return keepOrClose(kept, kept.exchange(request, timeoutMillis));
      } catch (IOException e) {
        kept.close();
        if (kept.answerStarted() || e instanceof InterruptedIOException) {
          throw e;
        }
        // Most likely closed by the server while it sat idle: once more, on a new connection.
        stale = e;
      } catch (RuntimeException e) {
        kept.close();
        throw e;
      }
    }
    HttpConnection fresh = null;
    try {
      fresh = HttpConnection.open(host, port, https ? tlsFactory() : null, timeoutMillis);
      return keepOrClose(fresh, fresh.exchange(request, timeoutMillis));
    } catch (IOException | RuntimeException e) {
      if (fresh != null) {
        fresh.close();
      }
      if (stale != null) {
        e.addSuppressed(stale); // for a stack trace: the kept connection failed first
      }
      throw e;
    }
  }

  @Override
  public void connectAhead(int timeoutMillis) throws IOException {
    HttpConnection connection = HttpConnection.open(host, port, https ? tlsFactory() : null, timeoutMillis);
    if (!idle.offer(connection)) {
      connection.close();
    }
  }

  /** Closes the idle connections; calls made afterwards open new ones. */
  public void closeIdle() {
    idle.closeAll();
  }

  private HttpAnswer keepOrClose(HttpConnection connection, HttpAnswer answer) {
    if (!answer.reusable() || !idle.offer(connection)) {
      connection.close();
    }
    return answer;
  }

  /** Looked up only for an https endpoint: the default SSL context loads the trust store. */
  private SSLSocketFactory tlsFactory() {
    SSLSocketFactory factory = tlsFactory;
    if (factory == null) {
      factory = (SSLSocketFactory) SSLSocketFactory.getDefault();
      tlsFactory = factory;
    }
    return factory;
  }
}

package io.github.lambdamw.agent.internal.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import javax.net.ssl.SSLSocketFactory;

/** One open connection to the endpoint, plain or TLS, used by one request at a time. */
final class HttpConnection {
  private final Socket socket;
  private final OutputStream out;
  private final HttpResponseReader reader;
  private long idleSinceNanos;
  private long idleSinceMillis;

  private HttpConnection(Socket socket) throws IOException {
    this.socket = socket;
    this.out = socket.getOutputStream();
    this.reader = new HttpResponseReader(socket.getInputStream());
  }

  /**
   * Connects within {@code timeoutMillis}, then makes the TLS handshake when {@code tls} is not {@code null}.
   *
   * @param host a host name or IP literal without brackets
   */
  static HttpConnection open(String host, int port, SSLSocketFactory tls, int timeoutMillis) throws IOException {
    // NO_PROXY: a plain "new Socket()" routes through SocksSocketImpl, which asks the default ProxySelector, which
    // loads net.properties, on every cold start. This client connects directly: HttpTransport.forEndpoint gives
    // JVMs configured for a proxy HttpURLConnection instead.
    Socket plain = new Socket(Proxy.NO_PROXY);
    try {
      // Requests are written in one call, but TLS writes a large one record by record: without this, Nagle's
      // algorithm may hold a record's last partial segment until the previous one is acknowledged. Costs a few
      // classes; the JDK has initialised socket options for the connect anyway.
      plain.setTcpNoDelay(true);
      plain.connect(new InetSocketAddress(host, port), timeoutMillis);
      plain.setSoTimeout(timeoutMillis);
      Socket socket = tls == null ? plain : TlsSockets.layer(tls, plain, host, port);
      return new HttpConnection(socket);
    } catch (IOException | RuntimeException e) {
      closeQuietly(plain);
      throw e;
    }
  }

  /** Sends {@code request} and reads its answer, each read waiting at most {@code timeoutMillis}. */
  HttpAnswer exchange(byte[] request, int timeoutMillis) throws IOException {
    reader.expectAnswer();
    socket.setSoTimeout(timeoutMillis);
    out.write(request);
    out.flush();
    return reader.read();
  }

  /** Whether any byte of the answer to the last request arrived: false also when writing the request failed. */
  boolean answerStarted() {
    return reader.started();
  }

  /** See {@link HttpResponseReader#holdsUnrequestedBytes()}. */
  boolean holdsUnrequestedBytes() {
    return reader.holdsUnrequestedBytes();
  }

  void markIdle() {
    idleSinceNanos = System.nanoTime();
    idleSinceMillis = System.currentTimeMillis();
  }

  /**
   * Idle longer than {@code maxIdleMillis} by either clock: the monotonic one, and the wall clock, which also moves
   * while Lambda has the environment frozen or a SnapStart snapshot waits to be restored (the monotonic clock may
   * not, and the server has long dropped the connection by then).
   */
  boolean idleLongerThan(long maxIdleMillis) {
    long nanos = System.nanoTime() - idleSinceNanos;
    long millis = System.currentTimeMillis() - idleSinceMillis;
    return nanos > maxIdleMillis * 1_000_000L || millis > maxIdleMillis || millis < 0;
  }

  void close() {
    closeQuietly(socket);
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // nothing left to do with it
    }
  }
}

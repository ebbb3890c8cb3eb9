package io.github.lambdamw.agent.internal.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.MalformedURLException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.Map;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocketFactory;

/**
 * Sends the agent's AWS requests, {@code POST /} with a small body to one endpoint, through the
 * JDK's {@code HttpURLConnection}: its keep-alive cache, its proxy settings, its TLS. Measured over
 * HTTPS in a cold JVM, the agent's own socket client saved nothing next to it (JSSE's start-up
 * dominates: issue 13).
 *
 * <p>What it adds: a deadline for the whole call (connect, TLS handshake, request, whole answer;
 * {@link CallWatchdog}), host names always verified ({@link WatchedTlsSockets}), request headers
 * checked before anything is sent, a bounded answer, and an HTTP/1.0 answer with a transfer coding
 * never kept (RFC 9112, section 6.1).
 *
 * <p>The body is given whole (not in streaming mode) so that the JDK may send it once more on a new
 * connection when a kept connection turns out closed by the server, before any answer: safe for the
 * agent's calls, a GetParameter reads and a deferral's PutItem is conditional on the request id.
 * The JDK does not repeat a request that timed out.
 */
public final class HttpTransport {
  /** Names the agent in the services' logs (CloudTrail's userAgent), as the SDK names itself. */
  public static final String USER_AGENT = "lambda-mw-agent";

  /** SSM and DynamoDB answers are kilobytes; an item is at most 400 KB. */
  static final int MAX_BODY_BYTES = 32 * 1024 * 1024;

  private static final byte[] EMPTY = new byte[0];

  private final URL url;
  private final WatchedTlsSockets tls;

  /**
   * @param endpoint {@code http} or {@code https}, path "/"; the JDK writes {@code Host} from it
   */
  public HttpTransport(URI endpoint) {
    this(endpoint, null, KeyShareGroups.JVM);
  }

  /**
   * @param tlsFactory {@code null} for the JVM's default, looked up at the first https call
   */
  HttpTransport(URI endpoint, SSLSocketFactory tlsFactory) {
    this(endpoint, tlsFactory, KeyShareGroups.JVM);
  }

  /**
   * @param tlsFactory {@code null} for the JVM's default, looked up at the first https call
   * @param groups the key-exchange groups' policy: {@link KeyShareGroups#JVM} but in tests
   */
  HttpTransport(URI endpoint, SSLSocketFactory tlsFactory, KeyShareGroups groups) {
    String scheme = endpoint.getScheme();
    if (endpoint.getHost() == null
        || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))) {
      throw new IllegalArgumentException("not a usable endpoint: " + endpoint);
    }
    try {
      this.url = endpoint.toURL();
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new IllegalArgumentException("not a usable endpoint: " + endpoint, e);
    }
    boolean https = "https".equalsIgnoreCase(scheme);
    this.tls = https ? new WatchedTlsSockets(tlsFactory, endpoint.getHost(), groups) : null;
  }

  /**
   * @param headers sent as given; the JDK adds {@code Host}, {@code Content-Length} and the like,
   *     this adds {@code User-Agent}
   * @param timeoutMillis for the whole call: connect, TLS handshake, request and the whole answer
   * @throws IOException when the endpoint could not be reached, the connection broke, the call did
   *     not end within {@code timeoutMillis} ({@link SocketTimeoutException}), or the answer was
   *     not valid HTTP
   * @throws IllegalArgumentException for a header the JDK sets itself, or a name or value that
   *     would break the request's framing; the message names the header, never its value, which may
   *     be a credential
   */
  public HttpAnswer post(Map<String, String> headers, byte[] body, int timeoutMillis)
      throws IOException {
    for (Map.Entry<String, String> header : headers.entrySet()) {
      RequestHeaders.check(header.getKey(), header.getValue());
    }
    long deadlineNanos = System.nanoTime() + Math.max(1, timeoutMillis) * 1_000_000L;
    HttpAnswer answer = exchangeWithGroups("POST", headers, body, timeoutMillis, deadlineNanos);
    if (answer.status() == 408) {
      // Request Timeout: what some servers send on a connection idle too long, before closing it;
      // the JDK's cache
      // may hand that connection to this call, which then reads it as its answer. The request did
      // not reach the
      // service: once more, on a new connection, within the same deadline.
      answer = exchangeWithGroups("POST", headers, body, timeoutMillis, deadlineNanos);
    }
    return answer;
  }

  /**
   * Opens a connection now (over https, with its handshake), so that the next call, on another
   * thread perhaps, finds it in the JDK's keep-alive cache: a {@code HEAD /} whose answer, empty,
   * leaves the connection there for a few seconds (the JDK's keep-alive time, 5 s unless the server
   * says otherwise). Any status will do.
   */
  public void connectAhead(int timeoutMillis) throws IOException {
    exchangeWithGroups(
        "HEAD",
        Map.of(),
        null,
        timeoutMillis,
        System.nanoTime() + Math.max(1, timeoutMillis) * 1_000_000L);
  }

  /**
   * {@link #exchange}, made once more with the JDK's groups when the server refused the handshake
   * that offered X25519 alone ({@link KeyShareGroups}): the request was not sent.
   */
  private HttpAnswer exchangeWithGroups(
      String method,
      Map<String, String> headers,
      byte[] body,
      int timeoutMillis,
      long deadlineNanos)
      throws IOException {
    try {
      return exchange(method, headers, body, timeoutMillis, deadlineNanos);
    } catch (GroupsRefused e) {
      return exchange(method, headers, body, timeoutMillis, deadlineNanos);
    }
  }

  /** The TLS handshake failed while offering X25519 alone; nothing was sent. */
  private static final class GroupsRefused extends IOException {
    private static final long serialVersionUID = 1L;

    GroupsRefused(SSLException cause) {
      super(cause.getMessage(), cause);
    }
  }

  private HttpAnswer exchange(
      String method,
      Map<String, String> headers,
      byte[] body,
      int timeoutMillis,
      long deadlineNanos)
      throws IOException {
    int left = (int) Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000L);
    HttpURLConnection connection = (HttpURLConnection) url.openConnection();
    connection.setConnectTimeout(left);
    connection.setReadTimeout(left); // a backstop: the watchdog ends the call at its deadline
    connection.setUseCaches(false);
    // A redirect would send the signed request to a host it was not signed for (or turn it into a
    // GET): the caller
    // gets the 3xx answer as it is.
    connection.setInstanceFollowRedirects(false);
    if (tls != null) {
      HttpsURLConnection https = (HttpsURLConnection) connection;
      https.setSSLSocketFactory(tls);
    }
    CallWatchdog.Call call = CallWatchdog.watch(connection, deadlineNanos);
    WatchedTlsSockets.calling(call);
    boolean complete = false;
    boolean connected = false;
    try {
      connection.setRequestMethod(method);
      for (Map.Entry<String, String> header : headers.entrySet()) {
        connection.setRequestProperty(header.getKey(), header.getValue());
      }
      connection.setRequestProperty("User-Agent", USER_AGENT);
      if (body != null) {
        connection.setDoOutput(true);
        OutputStream out = connection.getOutputStream(); // connects: TCP, then TLS
        connected = true;
        try (out) {
          out.write(body);
        }
      } else {
        connection.connect();
        connected = true;
      }
      noteTlsSocket(connection, call);
      int status = connection.getResponseCode();
      CallWatchdog.readingBody(call);
      // Until the head, disconnect() can stop the call; from now on only closing its socket can.
      // Once more: the JDK
      // may have sent the request again on a new connection.
      noteTlsSocket(connection, call);
      if (conflictingLengths(connection.getHeaderFields().get("Content-Length"))) {
        throw new IOException(
            "HTTP answer with conflicting Content-Length headers"); // the JDK would take one
      }
      long length = connection.getContentLengthLong();
      if (length > MAX_BODY_BYTES) {
        throw new IOException(
            "the HTTP answer's body of "
                + length
                + " bytes exceeds the "
                + MAX_BODY_BYTES
                + " bytes an AWS answer can have");
      }
      InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
      byte[] answer = read(in, call);
      if (body != null
          && length >= 0
          && answer.length != length
          && status != 204
          && status != 304) {
        // JDK 17 ends a body cut short by the server as if it were whole.
        throw new IOException(
            "connection closed after "
                + answer.length
                + " of the "
                + length
                + " bytes of the HTTP answer's body");
      }
      if (http10WithTransferCoding(connection)) {
        // RFC 9112, section 6.1: its framing may be faulty. The JDK would keep the connection;
        // disconnect() closes it
        // (before the stream is closed: closing it lets go of the connection).
        connection.disconnect();
      } else if (in != null) {
        in.close(); // a whole answer: the connection stays in the JDK's keep-alive cache
      }
      complete = true;
      return new HttpAnswer(status, answer);
    } catch (IOException | RuntimeException e) {
      if (call.overdue()) {
        throw timedOut(timeoutMillis, e);
      }
      if (!connected
          && e instanceof SSLException handshake
          && tls != null
          && tls.groups().refusedBy(handshake, url.getHost())) {
        throw new GroupsRefused(handshake);
      }
      throw e;
    } finally {
      boolean aborted = CallWatchdog.end(call);
      WatchedTlsSockets.calling(null);
      // A fully read answer leaves its connection in the JDK's keep-alive cache for the next call;
      // anything else
      // closes it.
      if (!complete || aborted) {
        connection.disconnect();
      }
    }
  }

  /**
   * Tells the watchdog which TLS socket {@code call} uses, and remembers it for the calls that
   * reuse it.
   */
  private void noteTlsSocket(HttpURLConnection connection, CallWatchdog.Call call) {
    if (tls == null) {
      return;
    }
    SSLSession session;
    try {
      session = ((HttpsURLConnection) connection).getSSLSession().orElse(null);
    } catch (IllegalStateException e) {
      return; // an answer without a body has already handed its connection back
    }
    if (session != null) {
      tls.connected(call, CallWatchdog.socketOf(call), session);
    }
  }

  /**
   * The body, whole, the stream left open; the deadline is checked between reads (the watchdog
   * closes a TLS socket whose read would outlast it).
   */
  private static byte[] read(InputStream in, CallWatchdog.Call call) throws IOException {
    if (in == null) {
      return EMPTY;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    byte[] buffer = new byte[8192];
    int n;
    while ((n = in.read(buffer)) >= 0) {
      if (call.overdue()) {
        throw new SocketTimeoutException("the answer was still arriving at the call's deadline");
      }
      out.write(buffer, 0, n);
      if (out.size() > MAX_BODY_BYTES) {
        throw new IOException(
            "the HTTP answer's body exceeds the "
                + MAX_BODY_BYTES
                + " bytes an AWS answer can have");
      }
    }
    return out.toByteArray();
  }

  private static boolean conflictingLengths(List<String> lengths) {
    if (lengths != null) {
      for (String length : lengths) {
        if (!length.equals(lengths.get(0))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean http10WithTransferCoding(HttpURLConnection connection) {
    String statusLine = connection.getHeaderField(0);
    return statusLine != null
        && statusLine.startsWith("HTTP/1.0")
        && connection.getHeaderField("Transfer-Encoding") != null;
  }

  private static SocketTimeoutException timedOut(int timeoutMillis, Exception cause) {
    SocketTimeoutException timeout =
        new SocketTimeoutException(
            "no complete answer within the call's " + timeoutMillis + " ms (" + cause + ")");
    timeout.initCause(cause);
    return timeout;
  }
}

package io.github.lambdamw.agent.internal.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * The TLS sockets of one endpoint's {@code HttpsURLConnection}s, made by the JVM's default factory
 * (this class only delegates; JSSE does all of TLS) with two additions:
 *
 * <ul>
 *   <li>they offer X25519 alone for the key exchange where {@link KeyShareGroups} allows it;
 *   <li>host-name verification is always on: every socket checks that the certificate names the
 *       host during the handshake, as {@code HttpsURLConnection} does with its default verifier,
 *       whatever default verifier the function installed for its own connections;
 *   <li>the {@link CallWatchdog} learns which socket a call uses, so that it can close it at the
 *       call's deadline: the socket a call opens (sockets are made on the calling thread), or the
 *       one under the kept-alive connection the JDK hands a later call, found by its TLS session.
 *       Once the answer's body is being read, {@code disconnect()} from another thread does not end
 *       a stalled read ({@code HttpTransportDeadlineTest}'s stall cases fail without this).
 * </ul>
 *
 * One instance per endpoint and for as long as the endpoint is used: the JDK keeps connections
 * alive per factory.
 *
 * <p>Why not {@code java.net.http.HttpClient}, which has timeouts of its own: its request timeout
 * ends with the answer's headers, not its body, and in a cold JVM with Lambda's flags over HTTPS at
 * 1 CPU its first signed {@code GetParameter} took 470 / 555 ms against 341 / 413 ms for this
 * transport (the JDK's groups offered), JDK 17 / 25, while a bare {@code HttpsURLConnection}
 * without this class and {@link CallWatchdog} took 339 / 426 ms ({@code SsmReadCost}: {@code
 * httpclient-https}, {@code agent-jdkgroups-https}, {@code urlconnection-https};
 * docs/performance.md).
 */
final class WatchedTlsSockets extends SSLSocketFactory {
  /**
   * More live sockets than a few concurrent calls open: beyond, the oldest are forgotten (not
   * closed).
   */
  private static final int MAX_REMEMBERED = 32;

  private static final ThreadLocal<CallWatchdog.Call> CALLING = new ThreadLocal<>();

  /** {@code null} until the first socket when it is the JVM's default: see {@link #base()}. */
  private volatile SSLSocketFactory base;

  private final String host;
  private final KeyShareGroups groups;

  /**
   * Live sockets by their session; {@code null} for a session two sockets share (TLS 1.2
   * resumption).
   */
  private final Map<SSLSession, Socket> bySession = new IdentityHashMap<>();

  /**
   * @param base {@code null} for the JVM's default, looked up when the first socket is made: the
   *     call is signed meanwhile, while {@link DefaultTlsAhead} may still be loading the trust
   *     store
   * @param host the endpoint's
   */
  WatchedTlsSockets(SSLSocketFactory base, String host, KeyShareGroups groups) {
    this.base = base;
    this.host = host;
    this.groups = groups;
  }

  KeyShareGroups groups() {
    return groups;
  }

  /**
   * The factory this one delegates to. The JDK's default honours {@code javax.net.ssl.*}; {@code
   * SSLContext.getDefault} makes it once per JVM and makes concurrent callers wait for it.
   */
  private SSLSocketFactory base() {
    SSLSocketFactory current = base;
    if (current == null) {
      current = (SSLSocketFactory) SSLSocketFactory.getDefault();
      base = current;
    }
    return current;
  }

  /**
   * Sockets made on this thread from now on belong to {@code call}; {@code null} when the call
   * returns.
   */
  static void calling(CallWatchdog.Call call) {
    if (call == null) {
      CALLING.remove();
    } else {
      CALLING.set(call);
    }
  }

  /**
   * After the connection is made: remembers the socket {@code call} opened under {@code session},
   * or, for a kept connection, tells the watchdog which socket that is.
   */
  void connected(CallWatchdog.Call call, Socket opened, SSLSession session) {
    Socket known;
    synchronized (this) {
      for (Iterator<Socket> sockets = bySession.values().iterator(); sockets.hasNext(); ) {
        Socket socket = sockets.next();
        if (socket != null && socket.isClosed()) {
          sockets.remove();
        }
      }
      if (opened != null) {
        if (bySession.containsKey(session) && bySession.get(session) != opened) {
          bySession.put(session, null);
        } else if (bySession.size() < MAX_REMEMBERED) {
          bySession.put(session, opened);
        }
        return;
      }
      known = bySession.get(session);
    }
    if (known != null) {
      CallWatchdog.socket(call, known);
    }
  }

  private Socket watched(Socket socket) {
    if (socket instanceof SSLSocket tls) {
      SSLParameters parameters = tls.getSSLParameters();
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      groups.narrow(parameters, host);
      tls.setSSLParameters(parameters);
    }
    CallWatchdog.Call call = CALLING.get();
    if (call != null) {
      CallWatchdog.socket(call, socket);
    }
    return socket;
  }

  @Override
  public Socket createSocket() throws IOException {
    return watched(base().createSocket());
  }

  @Override
  public Socket createSocket(Socket socket, String host, int port, boolean autoClose)
      throws IOException {
    return watched(base().createSocket(socket, host, port, autoClose));
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return watched(base().createSocket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws IOException {
    return watched(base().createSocket(host, port, localHost, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return watched(base().createSocket(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return watched(base().createSocket(address, port, localAddress, localPort));
  }

  @Override
  public String[] getDefaultCipherSuites() {
    return base().getDefaultCipherSuites();
  }

  @Override
  public String[] getSupportedCipherSuites() {
    return base().getSupportedCipherSuites();
  }
}

package io.github.lambdamw.harness.internal;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * A JDK {@link HttpServer} on 127.0.0.1 and a free port, for the local stand-ins of AWS services;
 * or an {@link HttpsServer} when given an {@link SSLContext}.
 *
 * <p>Not API: the harness's servers share it.
 */
public final class LoopbackServer implements AutoCloseable {

  static {
    // Without TCP_NODELAY every small reply waits for the peer's delayed ACK (~40-50 ms), which
    // would
    // swamp the latencies the benchmarks measure. The JDK reads this property once, when its server
    // implementation class initialises, so it must be set before the first HttpServer.create.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  /**
   * Connections waiting to be accepted. The fleet simulation opens a thousand within seconds; with
   * a short queue the kernel drops their handshakes and clients see connect timeouts no AWS
   * endpoint would give.
   */
  private static final int BACKLOG = 1_024;

  private final HttpServer server;
  private final ExecutorService executor;
  private final boolean tls;

  private LoopbackServer(HttpServer server, ExecutorService executor, boolean tls) {
    this.server = server;
    this.executor = executor;
    this.tls = tls;
  }

  /**
   * Starts a server with one handler for every path.
   *
   * @param name names the worker threads, for thread dumps
   * @param handler answers every request
   */
  public static LoopbackServer start(String name, HttpHandler handler) {
    return start(name, handler, null);
  }

  /**
   * Starts a server with one handler for every path, over HTTPS when given {@code tls}.
   *
   * @param name names the worker threads, for thread dumps
   * @param handler answers every request
   * @param tls the server's key and protocols; null for plain http
   */
  public static LoopbackServer start(String name, HttpHandler handler, SSLContext tls) {
    HttpServer server;
    try {
      InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
      if (tls == null) {
        server = HttpServer.create(address, BACKLOG);
      } else {
        HttpsServer https = HttpsServer.create(address, BACKLOG);
        https.setHttpsConfigurator(new HttpsConfigurator(tls));
        server = https;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind a loopback port for " + name, e);
    }
    // A cached pool: each long poll of the Runtime API holds a thread for as long as no event
    // comes,
    // so a fixed pool could starve the invoke requests that would release them.
    ExecutorService executor = Executors.newCachedThreadPool(daemonThreads(name));
    server.setExecutor(executor);
    server.createContext("/", handler);
    server.start();
    return new LoopbackServer(server, executor, tls != null);
  }

  private static ThreadFactory daemonThreads(String name) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** The port the server listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /**
   * {@code http://127.0.0.1:port}, or with TLS {@code https://localhost:port}: a client checks the
   * host name it was given against the certificate, and a certificate made for a local stand-in
   * names {@code localhost} (which resolves to 127.0.0.1 unless IPv6 addresses are preferred).
   */
  public URI endpoint() {
    return URI.create((tls ? "https://localhost:" : "http://127.0.0.1:") + port());
  }

  /** Stops at once; requests in flight (long polls included) are cut off. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}

package io.github.lambdamw.agent.internal.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLSocket;

/**
 * A server that answers with exactly the bytes a test scripts, on a raw {@link ServerSocket} (plain
 * or TLS): what the JDK's HTTP server will not send (malformed, truncated, oversized answers,
 * connections closed or reset at chosen moments), and it counts the connections it accepts.
 */
final class ScriptedServer implements AutoCloseable {

  /** Answers one request; may write anything, close or reset the connection, or never answer. */
  interface Script {
    void answer(Exchange exchange) throws Exception;
  }

  /** One request as received, and the connection to answer it on. */
  static final class Exchange {
    final int connection;
    final int request;
    final String head;
    final byte[] body;
    final Socket socket;
    private final OutputStream out;
    private boolean closed;

    Exchange(int connection, int request, String head, byte[] body, Socket socket)
        throws IOException {
      this.connection = connection;
      this.request = request;
      this.head = head;
      this.body = body;
      this.socket = socket;
      this.out = socket.getOutputStream();
    }

    void write(String ascii) throws IOException {
      write(ascii.getBytes(StandardCharsets.ISO_8859_1));
    }

    void write(byte[] bytes) throws IOException {
      out.write(bytes);
      out.flush();
    }

    /** A complete answer with Content-Length. */
    void ok(String body) throws IOException {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      write(
          "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
              + bytes.length
              + "\r\n\r\n");
      write(bytes);
    }

    /** Closes the connection (FIN). */
    void close() throws IOException {
      closed = true;
      socket.close();
    }

    /** Resets the connection (RST): SO_LINGER 0, then close. */
    void reset() throws IOException {
      closed = true;
      socket.setSoLinger(true, 0);
      socket.close();
    }

    /** Holds the connection open, unanswered, until the server is closed. */
    void neverAnswer() throws InterruptedException {
      Thread.sleep(Long.MAX_VALUE);
    }
  }

  private final ServerSocket serverSocket;
  private final Script script;
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger closedByClient = new AtomicInteger();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final List<Thread> threads = new CopyOnWriteArrayList<>();
  final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

  private ScriptedServer(ServerSocket serverSocket, Script script) {
    this.serverSocket = serverSocket;
    this.script = script;
    Thread acceptor = new Thread(this::accept, "scripted-server-accept");
    acceptor.setDaemon(true);
    threads.add(acceptor);
    acceptor.start();
  }

  static ScriptedServer start(Script script) throws IOException {
    return start(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), script);
  }

  /** On {@code serverSocket}, e.g. an {@code SSLServerSocket}, already bound. */
  static ScriptedServer start(ServerSocket serverSocket, Script script) {
    return new ScriptedServer(serverSocket, script);
  }

  static ServerSocket bind(ServerSocket unbound) throws IOException {
    unbound.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    return unbound;
  }

  URI endpoint(String scheme, String host) {
    return URI.create(scheme + "://" + host + ":" + serverSocket.getLocalPort());
  }

  URI endpoint() {
    return endpoint("http", "127.0.0.1");
  }

  String hostHeader() {
    return "127.0.0.1:" + serverSocket.getLocalPort();
  }

  int port() {
    return serverSocket.getLocalPort();
  }

  /** Connections accepted so far. */
  int connections() {
    return connections.get();
  }

  /** Requests received so far, on every connection. */
  int requests() {
    return requests.get();
  }

  /** Connections the client closed (end of stream where a request could have started). */
  int closedByClient() {
    return closedByClient.get();
  }

  private void accept() {
    while (!serverSocket.isClosed()) {
      try {
        Socket socket = serverSocket.accept();
        int number = connections.incrementAndGet();
        sockets.add(socket);
        Thread thread = new Thread(() -> serve(socket, number), "scripted-server-" + number);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket socket, int connection) {
    try (socket) {
      if (socket instanceof SSLSocket tls) {
        tls.startHandshake();
      }
      InputStream in = socket.getInputStream();
      for (int request = 1; ; request++) {
        String head = readHead(in);
        if (head == null) {
          closedByClient.incrementAndGet();
          return;
        }
        byte[] body = in.readNBytes(contentLength(head));
        Exchange exchange = new Exchange(connection, request, head, body, socket);
        exchanges.add(exchange);
        requests.incrementAndGet();
        script.answer(exchange);
        if (exchange.closed) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      // the client went away, or the test is over
    }
  }

  /** The request line and headers, or {@code null} at the end of the stream before a request. */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        if (head.size() == 0) {
          return null;
        }
        throw new IOException("end of stream in a request head");
      }
      head.write(b);
      matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  private static int contentLength(String head) {
    for (String line : head.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).equalsIgnoreCase("Content-Length")) {
        return Integer.parseInt(line.substring(colon + 1).strip());
      }
    }
    return 0;
  }

  @Override
  public void close() throws IOException {
    serverSocket.close();
    for (Socket socket : sockets) {
      socket.close();
    }
    for (Thread thread : threads) {
      thread.interrupt();
    }
  }
}

package io.github.lambdamw.agent.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An endpoint that answers every request with one fixed HTTP answer, one byte every {@code
 * intervalMillis}: each read of its client waits far less than a read timeout, and the whole answer
 * takes as long as the server likes. For the tests of the AWS calls' deadlines in other packages.
 */
public final class DrippingServer implements AutoCloseable {
  private final ServerSocket serverSocket;
  private final byte[] answer;
  private final long intervalMillis;
  private final AtomicInteger requests = new AtomicInteger();

  private DrippingServer(String answer, long intervalMillis) throws IOException {
    this.serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.answer = answer.getBytes(StandardCharsets.UTF_8);
    this.intervalMillis = intervalMillis;
    Thread acceptor = new Thread(this::accept, "dripping-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /**
   * A JSON 200 answer with {@code json} as its body, dripped one byte every {@code intervalMillis}.
   */
  public static DrippingServer answering(String json, long intervalMillis) throws IOException {
    int length = json.getBytes(StandardCharsets.UTF_8).length;
    return new DrippingServer(
        "HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.1\r\nContent-Length: "
            + length
            + "\r\n\r\n"
            + json,
        intervalMillis);
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + serverSocket.getLocalPort());
  }

  /** Requests that arrived (their heads), on every connection. */
  public int requests() {
    return requests.get();
  }

  private void accept() {
    while (!serverSocket.isClosed()) {
      try {
        Socket socket = serverSocket.accept();
        Thread thread = new Thread(() -> serve(socket), "dripping-server-connection");
        thread.setDaemon(true);
        thread.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      int matched = 0;
      while (matched < 4) { // the request's head; its body is never waited for
        int b = in.read();
        if (b < 0) {
          return;
        }
        matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
      }
      requests.incrementAndGet();
      for (byte b : answer) {
        out.write(b);
        out.flush();
        Thread.sleep(intervalMillis);
      }
    } catch (IOException | InterruptedException e) {
      // the client gave up, as it should
    }
  }

  @Override
  public void close() throws IOException {
    serverSocket.close();
  }
}

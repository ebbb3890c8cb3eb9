package io.github.lambdamw.agent.internal.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An HTTP proxy serving {@code CONNECT} only, as a corporate proxy does for https; it records the
 * request lines.
 */
final class ConnectProxy implements AutoCloseable {
  final List<String> requestLines = new CopyOnWriteArrayList<>();
  private final ServerSocket serverSocket;

  ConnectProxy() throws IOException {
    serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "connect-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return serverSocket.getLocalPort();
  }

  private void accept() {
    while (!serverSocket.isClosed()) {
      try {
        Socket client = serverSocket.accept();
        Thread thread = new Thread(() -> tunnel(client), "connect-proxy-tunnel");
        thread.setDaemon(true);
        thread.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void tunnel(Socket client) {
    try (client) {
      InputStream in = client.getInputStream();
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      int matched = 0;
      while (matched < 4) {
        int b = in.read();
        if (b < 0) {
          return;
        }
        head.write(b);
        matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
      }
      String requestLine = head.toString(StandardCharsets.ISO_8859_1).split("\r\n")[0];
      requestLines.add(requestLine);
      String[] target = requestLine.split(" ")[1].split(":");
      try (Socket server = new Socket(target[0], Integer.parseInt(target[1]))) {
        OutputStream out = client.getOutputStream();
        out.write(
            "HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        Thread back = new Thread(() -> copy(server, client), "connect-proxy-back");
        back.setDaemon(true);
        back.start();
        copy(client, server);
      }
    } catch (IOException e) {
      // either side went away
    }
  }

  private static void copy(Socket from, Socket to) {
    try {
      from.getInputStream().transferTo(to.getOutputStream());
    } catch (IOException e) {
      // closed
    }
  }

  @Override
  public void close() throws IOException {
    serverSocket.close();
  }
}

package io.github.lambdamw.agent.internal.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay in front of a TLS server that reads each connection's TLS ClientHello on its way
 * through: the key-exchange groups a client offered ({@code supported_groups}) and those it made a
 * key share for ({@code key_share}), as the server received them.
 */
final class ClientHelloTap implements AutoCloseable {
  static final int X25519 = 0x001d;
  static final int SECP256R1 = 0x0017;

  private static final int SUPPORTED_GROUPS = 10;
  private static final int KEY_SHARE = 51;

  /** One ClientHello's groups, by their TLS code points. */
  record Hello(List<Integer> supportedGroups, List<Integer> keyShares) {}

  final List<Hello> hellos = new CopyOnWriteArrayList<>();
  private final ServerSocket serverSocket;
  private final int serverPort;

  ClientHelloTap(int serverPort) throws IOException {
    this.serverPort = serverPort;
    this.serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    daemon("client-hello-tap", this::accept);
  }

  URI endpoint(String host) {
    return URI.create("https://" + host + ":" + serverSocket.getLocalPort());
  }

  private void accept() {
    while (!serverSocket.isClosed()) {
      try {
        Socket client = serverSocket.accept();
        Socket server = new Socket(InetAddress.getLoopbackAddress(), serverPort);
        daemon("client-hello-tap-in", () -> relay(client, server, true));
        daemon("client-hello-tap-out", () -> relay(server, client, false));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void relay(Socket from, Socket to, boolean fromClient) {
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      if (fromClient) {
        byte[] record = readRecord(in);
        hellos.add(parse(record));
        out.write(record);
        out.flush();
      }
      in.transferTo(out);
    } catch (IOException e) {
      // the other side closed
    } finally {
      close(from);
      close(to);
    }
  }

  /** The first TLS record: 5 bytes of header, then its length. */
  private static byte[] readRecord(InputStream in) throws IOException {
    byte[] header = in.readNBytes(5);
    if (header.length < 5) {
      throw new IOException("no TLS record");
    }
    int length = ((header[3] & 0xff) << 8) | (header[4] & 0xff);
    ByteArrayOutputStream record = new ByteArrayOutputStream(5 + length);
    record.write(header);
    record.write(in.readNBytes(length));
    return record.toByteArray();
  }

  /** RFC 8446, section 4.1.2: the ClientHello's fields up to its extensions. */
  private static Hello parse(byte[] record) {
    ByteBuffer hello = ByteBuffer.wrap(record);
    hello.position(5 + 4 + 2 + 32); // record header, handshake header, legacy_version, random
    skip(hello, hello.get() & 0xff); // legacy_session_id
    skip(hello, hello.getShort() & 0xffff); // cipher_suites
    skip(hello, hello.get() & 0xff); // legacy_compression_methods
    int extensionsEnd = (hello.getShort() & 0xffff) + hello.position();
    List<Integer> supported = new ArrayList<>();
    List<Integer> shares = new ArrayList<>();
    while (hello.position() < extensionsEnd) {
      int type = hello.getShort() & 0xffff;
      int end = (hello.getShort() & 0xffff) + hello.position();
      if (type == SUPPORTED_GROUPS) {
        hello.getShort(); // the list's length
        while (hello.position() < end) {
          supported.add(hello.getShort() & 0xffff);
        }
      } else if (type == KEY_SHARE) {
        hello.getShort();
        while (hello.position() < end) {
          shares.add(hello.getShort() & 0xffff);
          skip(hello, hello.getShort() & 0xffff);
        }
      }
      hello.position(end);
    }
    return new Hello(supported, shares);
  }

  private static void skip(ByteBuffer buffer, int bytes) {
    buffer.position(buffer.position() + bytes);
  }

  private static void daemon(String name, Runnable task) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    thread.start();
  }

  private static void close(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // closing
    }
  }

  @Override
  public void close() throws IOException {
    serverSocket.close();
  }
}

package io.github.lambdamw.replay;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Starts dynoxide (the local DynamoDB of DESIGN.md section 4) on a free port: a minimal stand-in
 * for the harness's {@code Dynoxide} launcher until the harness module is on main.
 */
final class Dynoxide implements AutoCloseable {
  private final Process process;
  private final URI endpoint;

  private Dynoxide(Process process, URI endpoint) {
    this.process = process;
    this.endpoint = endpoint;
  }

  static Dynoxide start() throws IOException, InterruptedException {
    Path binary = binary();
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    Process process =
        new ProcessBuilder(
                binary.toString(), "serve", "--host", "127.0.0.1", "--port", Integer.toString(port))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return new Dynoxide(process, URI.create("http://127.0.0.1:" + port));
      } catch (IOException notYet) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          process.destroyForcibly();
          throw new IOException(
              "dynoxide did not start on port " + port + " (" + binary + ")", notYet);
        }
        Thread.sleep(20);
      }
    }
  }

  private static Path binary() {
    String configured = System.getProperty("dynoxide.binary");
    Path path =
        configured != null
            ? Path.of(configured)
            : Path.of("..", "node_modules", "@dynoxide", "linux-x64", "dynoxide").toAbsolutePath();
    if (!Files.isExecutable(path)) {
      throw new IllegalStateException(
          "dynoxide not found at " + path + ": run `npm ci` in the repository root");
    }
    return path;
  }

  URI endpoint() {
    return endpoint;
  }

  /**
   * Stops the process; an interrupt while waiting kills it at once and stays set for the test to
   * see.
   */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}

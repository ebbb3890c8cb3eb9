package io.github.lambdamw.harness.dynamodb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * dynoxide, a DynamoDB-compatible server (SQLite inside), as a child process on 127.0.0.1 and a
 * free port, for the SDK's {@code DynamoDbClient} ({@code endpointOverride(}{@link
 * #endpoint()}{@code )} or {@code AWS_ENDPOINT_URL_DYNAMODB}).
 *
 * <p>Data: dynoxide keeps its tables in memory unless given {@code --db-path}, so a restart of an
 * in-memory server starts empty. By default this class gives it a SQLite file in a temporary folder
 * (deleted on {@link #close()}), so {@link #stop()} then {@link #restart()} behaves like a DynamoDB
 * outage: the endpoint refuses connections, then comes back with the data. {@link
 * Builder#inMemory()} trades that for speed.
 *
 * <p>The process is killed on {@link #close()}, and by a shutdown hook if the JVM ends first.
 */
public final class Dynoxide implements AutoCloseable {

  private static final Duration START_LIMIT = Duration.ofSeconds(20);

  private final Path binary;
  private final Path workDir;
  private final Path dataFile;
  private final int port;
  private final Thread shutdownHook;
  private Process process;

  private Dynoxide(Builder builder) throws IOException {
    this.binary = builder.binary != null ? builder.binary : DynoxideBinary.locate();
    this.workDir = Files.createTempDirectory("lmw-dynoxide-");
    this.dataFile = builder.inMemory ? null : workDir.resolve("dynoxide.sqlite");
    this.port = freePort();
    this.shutdownHook = new Thread(this::kill, "dynoxide-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** Starts dynoxide with a data file that survives {@link #restart()}. */
  public static Dynoxide start() {
    return builder().start();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** {@code http://127.0.0.1:port}. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  public int port() {
    return port;
  }

  /** True while the process runs (between start or restart, and stop or close). */
  public synchronized boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** Kills the process; the port then refuses connections until {@link #restart()}. */
  public synchronized void stop() {
    kill();
  }

  /** Starts the process again on the same port (with the same data, unless in memory). */
  public synchronized void restart() {
    kill();
    launch();
  }

  @Override
  public synchronized void close() {
    kill();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down; the hook does the same work.
    }
    deleteQuietly(workDir);
  }

  private synchronized void launch() {
    List<String> command =
        new ArrayList<>(
            List.of(
                binary.toString(),
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                Integer.toString(port)));
    if (dataFile != null) {
      command.add("--db-path");
      command.add(dataFile.toString());
    }
    Path log = workDir.resolve("dynoxide.log");
    try {
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + binary, e);
    }
    awaitAccepting(log);
  }

  /** Waits until the port accepts a connection, so the first SDK call does not race the bind. */
  private void awaitAccepting(Path log) {
    long deadline = System.nanoTime() + START_LIMIT.toNanos();
    while (true) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        return;
      } catch (IOException notYet) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          String output = readQuietly(log);
          kill();
          throw new IllegalStateException(
              "dynoxide did not accept connections on port " + port + ". Its output:\n" + output);
        }
        sleep(10);
      }
    }
  }

  private void kill() {
    Process running = process;
    if (running == null) {
      return;
    }
    running.destroyForcibly();
    try {
      running.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting dynoxide", e);
    }
  }

  private static String readQuietly(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var files = Files.walk(dir)) {
      files.sorted((a, b) -> b.compareTo(a)).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // A temporary folder left behind is harmless.
    }
  }

  /** Settings of a {@link Dynoxide}. */
  public static final class Builder {
    private Path binary;
    private boolean inMemory;

    private Builder() {}

    /**
     * The dynoxide executable; default found by walking up to {@code node_modules}, or {@code
     * -Dlmw.dynoxide}.
     */
    public Builder withBinary(Path binary) {
      this.binary = binary;
      return this;
    }

    /** Keep the data in memory only: faster, but {@link Dynoxide#restart()} starts empty. */
    public Builder inMemory() {
      this.inMemory = true;
      return this;
    }

    /** Starts the process and waits until it accepts connections. */
    public Dynoxide start() {
      try {
        Dynoxide dynoxide = new Dynoxide(this);
        try {
          dynoxide.launch();
        } catch (RuntimeException e) {
          dynoxide.close();
          throw e;
        }
        return dynoxide;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot prepare dynoxide", e);
      }
    }
  }
}
